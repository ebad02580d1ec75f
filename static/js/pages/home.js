import { listAll } from '../api.js';
import { t } from '../i18n.js';
import { html, render } from '../dom.js';

let townships = null;

// The page renders at once; the township list fills in when it arrives, and
// only if the home page is still the one shown (a late render must never
// replace the page someone has moved on to).
export function show(main) {
  render(main, html`
    <h1>${t('home.title')}</h1>
    <p class="muted">${t('home.lead')}</p>
    <ul class="cards">
      <li class="card"><a class="stretch" href="#/book"><h2>${t('home.book')}</h2><p>${t('home.book.text')}</p></a></li>
      <li class="card"><a class="stretch" href="#/aid"><h2>${t('home.aid')}</h2><p>${t('home.aid.text')}</p></a>
        <p><a href="#/aid-progress" id="home-aid-progress">${t('pg.title')}</a></p></li>
      <li class="card"><a class="stretch" href="#/notary"><h2>${t('nav.notary')}</h2><p>${t('nt.home.text')}</p></a></li>
      <li class="card"><a class="stretch" href="#/advisor" id="home-advisor"><h2>${t('home.advisor')}</h2><p>${t('home.advisor.text')}</p></a></li>
      <li class="card"><a class="stretch" href="#/sites"><h2>${t('home.sites')}</h2><p>${t('home.sites.text')}</p></a></li>
      <li class="card"><a class="stretch" href="#/login"><h2>${t('home.login')}</h2><p>${t('home.login.text')}</p></a></li>
      <li class="card"><h2>${t('home.hotline')}</h2><p>${t('home.hotline.text')}</p>
        <p><a class="btn secondary" href="tel:12348">${t('home.call')}</a></p></li>
    </ul>
    <form id="my-township" class="card">
      <label for="home-township">${t('home.myTownship')}</label>
      <select id="home-township" name="township"><option value="">${t('sites.choose')}</option>
        ${(townships ?? []).map((n) => html`<option value="${n}">${n}</option>`)}</select>
      <p class="muted">${t('home.myTownship.text')}</p>
    </form>`);
  const select = main.querySelector('#home-township');
  select.addEventListener('change', (e) => {
    if (e.target.value) location.hash = '#/sites/' + encodeURIComponent(e.target.value);
  });
  if (townships) return;
  listAll('/sites?tier=station').then((list) => {
    townships = list.map((s) => s.township);
    if (!select.isConnected) return;
    for (const n of townships) select.append(new Option(n, n));
  }).catch(() => {});
}
