// The resident's "my village's advisor" card: choose the township and the
// village, see the advisor's name, work phone and next on-site day.
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import { html, render, toast } from '../dom.js';

let stations = null;

export async function show(main, [township = '', site = '']) {
  township = decodeURIComponent(township);
  try {
    stations ??= await listAll('/sites?tier=station');
  } catch (err) {
    toast(err.message);
    return;
  }
  const station = stations.find((s) => s.township === township);
  const rooms = station ? await listAll(`/sites?tier=room&parent_id=${station.id}`) : [];
  render(main, html`
    <h1>${t('adv.card')}</h1>
    <label for="adv-township">${t('sites.township')}</label>
    <select id="adv-township"><option value="">${t('sites.choose')}</option>
      ${stations.map((s) => html`<option value="${s.township}" ${s.township === township ? html`selected` : ''}>${s.township}</option>`)}</select>
    ${station ? html`<label for="adv-village">${t('adv.chooseVillage')}</label>
      <select id="adv-village"><option value="">${t('sites.choose')}</option>
        ${rooms.map((r) => html`<option value="${r.id}" ${String(r.id) === site ? html`selected` : ''}>${r.name}</option>`)}</select>` : ''}
    <div id="advisor-card" aria-live="polite"></div>`);
  main.querySelector('#adv-township').addEventListener('change', (e) => { location.hash = '#/advisor/' + encodeURIComponent(e.target.value); });
  main.querySelector('#adv-village')?.addEventListener('change', (e) => {
    location.hash = `#/advisor/${encodeURIComponent(township)}/${e.target.value}`;
  });
  if (site) await drawCard(main.querySelector('#advisor-card'), site);
}

async function drawCard(el, site) {
  let c;
  try {
    c = await api('GET', `/sites/${site}/advisor`);
  } catch (err) {
    render(el, html`<p class="card">${err.status === 404 ? t('adv.noAdvisor') : err.message}</p>`);
    return;
  }
  render(el, html`
    <section class="card" aria-labelledby="advisor-name">
      <p class="badge">${c.site_name}</p>
      <h2 id="advisor-name">${c.name}</h2>
      <p class="muted">${c.firm}</p>
      <p><span class="muted">${t('adv.workPhone')}${t('p.colon')}</span><a href="tel:${c.work_phone}">${c.work_phone}</a></p>
      <p><span class="muted">${t('adv.nextOnSite')}${t('p.colon')}</span>${c.next_on_site ?? t('adv.unknown')}</p>
    </section>`);
}
