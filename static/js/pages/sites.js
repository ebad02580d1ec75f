// The public directory: pick a township, see its station and village rooms.
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import { html, render, toast } from '../dom.js';

let stations = null;

export async function show(main, [township = '']) {
  township = decodeURIComponent(township);
  render(main, html`<h1>${t('sites.title')}</h1><p>${t('loading')}</p>`);
  try {
    stations ??= await listAll('/sites?tier=station');
  } catch (err) {
    toast(err.message);
    return;
  }
  render(main, html`
    <h1>${t('sites.title')}</h1>
    <label for="township">${t('sites.township')}</label>
    <select id="township" name="township">
      <option value="">${t('sites.choose')}</option>
      ${stations.map((s) => html`<option value="${s.township}" ${s.township === township ? html`selected` : ''}>${s.township}</option>`)}
    </select>
    <div id="township-detail" aria-live="polite"></div>`);
  main.querySelector('#township').addEventListener('change', (e) => {
    location.hash = '#/sites/' + encodeURIComponent(e.target.value);
  });
  const detail = main.querySelector('#township-detail');
  if (township) await showTownship(detail, township);
  else await showOthers(detail);
}

// action is what a person does at a site: book a lawyer at the centre and
// the stations, apply at the legal-aid centre.
function action(s) {
  if (s.tier === 'center' || s.tier === 'station') return html`<p><a class="btn" href="#/book/site/${s.id}">${t('sites.bookHere')}</a></p>`;
  if (s.tier === 'notary') return html`<p><a class="btn" href="#/notary">${t('nav.notary')}</a></p>`;
  if (s.tier === 'legal_aid') return html`<p><a class="btn" href="#/aid">${t('home.aid')}</a></p>`;
  return '';
}

function siteCard(s, heading) {
  return html`
    <section class="card" aria-labelledby="site-${s.id}">
      <p class="badge">${heading}</p>
      <h2 id="site-${s.id}">${s.name}</h2>
      <p><span class="muted">${t('sites.hours')}${t('p.colon')}</span>${s.opening_hours || '—'}</p>
      <p><span class="muted">${t('sites.address')}${t('p.colon')}</span>${s.address || '—'}</p>
      ${s.phone ? html`<p><span class="muted">${t('sites.phone')}${t('p.colon')}</span><a href="tel:${s.phone}">${s.phone}</a></p>` : ''}
      ${action(s)}
    </section>`;
}

async function showTownship(el, township) {
  const station = stations.find((s) => s.township === township);
  if (!station) return;
  const rooms = await listAll(`/sites?tier=room&parent_id=${station.id}`);
  render(el, html`
    ${siteCard(station, t('sites.station'))}
    <h2>${t('sites.rooms')} <span class="muted">${t('sites.count', { n: rooms.length })}</span></h2>
    <label for="room-search">${t('sites.search')}</label>
    <input id="room-search" type="search" autocomplete="off">
    <ul class="list" id="rooms"></ul>`);
  const list = el.querySelector('#rooms');
  const draw = (q) => {
    const shown = rooms.filter((r) => r.name.includes(q));
    render(list, shown.length
      ? html`${shown.map((r) => html`<li>${r.name} ${r.sample ? html`<span class="badge">${t('sites.sample')}</span>` : ''}</li>`)}`
      : html`<li>${t('sites.none')}</li>`);
  };
  draw('');
  el.querySelector('#room-search').addEventListener('input', (e) => draw(e.target.value.trim()));
}

async function showOthers(el) {
  const [centers, notary, aid] = await Promise.all(['center', 'notary', 'legal_aid'].map((tier) => api('GET', `/sites?tier=${tier}`)));
  render(el, html`
    ${centers.items.map((c) => siteCard(c, t('sites.center')))}
    <h2>${t('sites.others')}</h2>
    ${notary.items.map((s) => siteCard(s, t('sites.notary')))}
    ${aid.items.map((s) => siteCard(s, t('sites.legalAid')))}`);
}
