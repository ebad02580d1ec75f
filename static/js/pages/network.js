// Administrators manage the network: add a site under its parent, edit
// details, deactivate (sites are never deleted).
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';

const tiers = ['center', 'station', 'room', 'notary', 'legal_aid', 'mediation'];

export async function show(main, [township = '']) {
  if (!requireRole(main, 'admin')) return;
  township = decodeURIComponent(township);
  const all = await listAll('/sites?include_inactive=true');
  const townships = [...new Set(all.map((s) => s.township).filter(Boolean))];
  const shown = all.filter((s) => (township ? s.township === township : !s.township));
  render(main, html`
    <h1>${t('net.title')}</h1>
    <label for="net-township">${t('sites.township')}</label>
    <select id="net-township"><option value="">${t('net.citywide')}</option>
      ${townships.map((x) => html`<option value="${x}" ${x === township ? html`selected` : ''}>${x}</option>`)}</select>
    <ul class="list" id="net-sites">${shown.map((s) => html`<li>
      <strong>${s.name}</strong> <span class="badge">${t('tier.' + s.tier)}</span> ${s.active ? '' : html`<span class="badge warn">${t('net.inactive')}</span>`}
      <button type="button" class="btn secondary" data-toggle="${s.id}" data-active="${s.active ? '1' : ''}">${s.active ? t('net.deactivate') : t('net.activate')}</button>
    </li>`)}</ul>
    <h2>${t('net.add')}</h2>
    <form id="site-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="site-name">${t('net.name')}</label><input id="site-name" name="name" required>
      <label for="site-tier">${t('net.tier')}</label>
      <select id="site-tier" name="tier">${tiers.map((x) => html`<option value="${x}" ${x === 'room' ? html`selected` : ''}>${t('tier.' + x)}</option>`)}</select>
      <label for="site-parent">${t('net.parent')}</label>
      <select id="site-parent" name="parent_id"><option value="">—</option>
        ${all.filter((s) => s.active && ['center', 'station'].includes(s.tier)).map((s) => html`<option value="${s.id}">${s.name}</option>`)}</select>
      <label for="site-township">${t('sites.township')}</label><input id="site-township" name="township" value="${township}">
      <label for="site-address">${t('sites.address')}</label><input id="site-address" name="address">
      <label for="site-phone">${t('sites.phone')}</label><input id="site-phone" name="phone">
      <label for="site-hours">${t('sites.hours')}</label><input id="site-hours" name="opening_hours">
      <p><button type="submit" class="btn">${t('net.save')}</button></p>
    </form>`);
  main.querySelector('#net-township').addEventListener('change', (e) => { location.hash = '#/network/' + encodeURIComponent(e.target.value); });
  for (const b of main.querySelectorAll('[data-toggle]')) {
    b.addEventListener('click', async () => {
      try {
        await api('PATCH', `/sites/${b.dataset.toggle}`, { active: !b.dataset.active });
        show(main, [township]);
      } catch (err) {
        toast(err.message);
      }
    });
  }
  const form = main.querySelector('#site-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { name: form.name.value, tier: form.tier.value, township: form.township.value, address: form.address.value,
      phone: form.phone.value, opening_hours: form.opening_hours.value };
    if (form.parent_id.value) body.parent_id = Number(form.parent_id.value);
    try {
      await api('POST', '/sites', body);
      toast(t('net.saved'));
      show(main, [township]);
    } catch (err) {
      showErrors(form, err);
    }
  });
}
