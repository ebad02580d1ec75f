// Administrators choose which lawyers may be on duty at each site.
import { api, listAll } from '../api.js';
import { paren, t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';

export async function show(main, [siteId = '']) {
  if (!requireRole(main, 'admin')) return;
  const [sites, lawyers] = await Promise.all([
    listAll('/sites').then((all) => all.filter((s) => ['center', 'station', 'room', 'notary', 'legal_aid'].includes(s.tier))),
    api('GET', '/lawyers').then((r) => r.items),
  ]);
  const site = Number(siteId) || sites[0]?.id;
  const pool = new Set((await api('GET', `/sites/${site}/lawyers`)).lawyer_ids);
  render(main, html`
    <h1>${t('pools.title')}</h1>
    <label for="pool-site">${t('rules.site')}</label>
    <select id="pool-site">${sites.map((s) => html`<option value="${s.id}" ${s.id === site ? html`selected` : ''}>${s.name}</option>`)}</select>
    <form id="pool-form">
      <fieldset><legend>${t('pools.lawyers', { n: pool.size })}</legend>
        ${lawyers.map((l) => html`<label class="choice"><input type="checkbox" name="lawyer" value="${l.id}" ${pool.has(l.id) ? html`checked` : ''}>
          ${l.name}${paren([l.firm, l.home_township, l.specialties].join(t('p.comma')))}</label>`)}
      </fieldset>
      <p><button type="submit" class="btn">${t('pools.save')}</button></p>
    </form>`);
  main.querySelector('#pool-site').addEventListener('change', (e) => { location.hash = '#/pools/' + e.target.value; });
  main.querySelector('#pool-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const ids = [...e.target.querySelectorAll('[name="lawyer"]:checked')].map((c) => Number(c.value));
    try {
      await api('PUT', `/sites/${site}/lawyers`, { lawyer_ids: ids });
      toast(t('pools.saved'));
      show(main, [String(site)]);
    } catch (err) {
      toast(err.message);
    }
  });
}
