// The bureau's register for one township: who advises each village, and
// the hand-made changes — assign, replace (for the rest of the term), end.
import { api, listAll } from '../api.js';
import { paren, t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';

export async function show(main, [township = '']) {
  if (!requireRole(main, 'admin')) return;
  township = decodeURIComponent(township);
  let stations, lawyers, active, rooms;
  try {
    [stations, lawyers] = await Promise.all([listAll('/sites?tier=station'), api('GET', '/lawyers').then((r) => r.items)]);
    township ||= stations[0]?.township ?? '';
    const station = stations.find((s) => s.township === township);
    [active, rooms] = await Promise.all([api('GET', `/advisor-assignments?active=true&township=${encodeURIComponent(township)}`),
      station ? listAll(`/sites?tier=room&parent_id=${station.id}`) : []]);
  } catch (err) {
    toast(err.message);
    return;
  }
  const bySite = new Map(active.items.map((a) => [a.site_id, a]));
  render(main, html`
    <h1>${t('adv.register')}</h1>
    <label for="reg-township">${t('adv.township')}</label>
    <select id="reg-township">${stations.map((s) => html`<option value="${s.township}" ${s.township === township ? html`selected` : ''}>${s.township}</option>`)}</select>
    <form id="assign-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="assign-site">${t('adv.village')}</label>
      <select id="assign-site" name="site_id">${rooms.map((r) => html`<option value="${r.id}">${r.name}${paren(bySite.get(r.id)?.lawyer_name ?? t('adv.vacant'))}</option>`)}</select>
      <label for="assign-lawyer">${t('adv.lawyer')}</label>
      <select id="assign-lawyer" name="lawyer_id">${lawyers.map((l) => html`<option value="${l.id}">${l.name}${paren(l.firm + t('p.comma') + l.home_township)}</option>`)}</select>
      <label for="assign-reason">${t('adv.reason')}</label>
      <input id="assign-reason" name="reason" maxlength="200">
      <p><button type="submit" class="btn">${t('adv.assign')}</button></p>
    </form>
    <h2>${t('adv.current')}</h2>
    <ul class="list" id="register">${rooms.map((r) => {
      const a = bySite.get(r.id);
      return html`<li>${r.name}${t('p.colon')}${a ? html`${a.lawyer_name} <span class="muted">${a.starts_on}–${a.ends_on}</span>
        <button type="button" class="btn secondary" data-end="${a.id}">${t('adv.end')}</button>` : html`<strong class="warn">${t('adv.vacant')}</strong>`}</li>`;
    })}</ul>`);
  main.querySelector('#reg-township').addEventListener('change', (e) => { location.hash = '#/advisor-register/' + encodeURIComponent(e.target.value); });
  main.querySelector('#assign-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    const current = bySite.get(Number(f.site_id.value));
    try {
      if (current) await api('POST', `/advisor-assignments/${current.id}/replace`, { lawyer_id: Number(f.lawyer_id.value), reason: f.reason.value });
      else await api('POST', '/advisor-assignments', { site_id: Number(f.site_id.value), lawyer_id: Number(f.lawyer_id.value) });
      toast(t('adv.done'));
      await show(main, [township]);
    } catch (err) {
      showErrors(f, err);
    }
  });
  for (const b of main.querySelectorAll('[data-end]')) {
    b.addEventListener('click', async () => {
      try {
        await api('POST', `/advisor-assignments/${b.dataset.end}/end`, { reason: t('adv.endReason') });
        toast(t('adv.done'));
        await show(main, [township]);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}
