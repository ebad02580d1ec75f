// A lawyer's village-advisor page: the villages they advise, the service
// log form, this month's entries and this month's duties.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole, session } from '../session.js';
import { monthOf, todayCN } from '../dates.js';
import { advisors } from './advisor-compliance.js';
import { uploadFile } from '../upload.js';

const kinds = ['on_site', 'lecture', 'door_to_door', 'consultation', 'document_review', 'mediation'];
const weekdays = ['', 'week.1', 'week.2', 'week.3', 'week.4', 'week.5'];

export async function show(main) {
  if (!requireRole(main, 'lawyer')) return;
  const month = monthOf(todayCN());
  let villages, logs, rep;
  try {
    [villages, logs, rep] = await Promise.all([api('GET', '/me/advisor-villages'), api('GET', `/me/advisor-logs?month=${month}`),
      api('GET', `/advisors/${session.user.id}/compliance?month=${month}`)]);
  } catch (err) {
    toast(err.message);
    return;
  }
  render(main, html`
    <h1>${t('adv.mine')}</h1>
    ${villages.items.length ? html`<ul class="list" id="my-villages">${villages.items.map((a) => html`<li>${a.township} · ${a.site_name}
      <span class="muted">${t('adv.termEnds', { d: a.ends_on })} · ${a.on_site_week}/${t(weekdays[a.on_site_weekday])}</span></li>`)}</ul>`
      : html`<p>${t('adv.noVillages')}</p>`}
    ${villages.items.length ? logForm(villages.items) : ''}
    <h2>${t('adv.myLogs')}</h2>
    ${logs.items.length ? html`<ul class="list" id="my-logs">${logs.items.map((l) => html`<li>${l.date} ${l.site_name}${t('p.colon')}${t('advkind.' + l.kind)} × ${l.count}
      ${l.notes ? html`<span class="muted">${l.notes}</span>` : ''}
      ${l.has_photo ? html`<a href="/api/v1/advisor-logs/${l.id}/photo" target="_blank" rel="noopener">${t('adv.photoLink')}</a>` : ''}</li>`)}</ul>` : html`<p>${t('adv.noLogs')}</p>`}
    <h2>${t('adv.myCompliance')}</h2>
    ${advisors(rep)}`);
  const form = main.querySelector('#log-form');
  form?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target;
    try {
      const log = await api('POST', '/advisor-logs', { site_id: Number(f.site_id.value), date: f.date.value, kind: f.kind.value,
        count: Number(f.count.value), people: Number(f.people.value || 0), notes: f.notes.value });
      if (f.file.files[0]) await uploadFile(`/advisor-logs/${log.id}/photo`, f.file.files[0]);
      toast(t('adv.saved'));
      await show(main);
    } catch (err) {
      showErrors(f, err);
    }
  });
}

function logForm(items) {
  return html`<h2>${t('adv.log')}</h2>
    <form id="log-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="log-site">${t('adv.village')}</label>
      <select id="log-site" name="site_id">${items.map((a) => html`<option value="${a.site_id}">${a.site_name}</option>`)}</select>
      <label for="log-date">${t('adv.date')}</label>
      <input id="log-date" name="date" type="date" value="${todayCN()}" max="${todayCN()}" required>
      <label for="log-kind">${t('adv.kind')}</label>
      <select id="log-kind" name="kind">${kinds.map((k) => html`<option value="${k}">${t('advkind.' + k)}</option>`)}</select>
      <label for="log-count">${t('adv.count')}</label>
      <input id="log-count" name="count" type="number" min="1" max="500" value="1" inputmode="numeric">
      <label for="log-people">${t('adv.people')}</label>
      <input id="log-people" name="people" type="number" min="0" max="5000" value="0" inputmode="numeric">
      <label for="log-notes">${t('adv.notes')}</label>
      <textarea id="log-notes" name="notes" maxlength="500" rows="3"></textarea>
      <label for="log-photo">${t('adv.photo')}</label>
      <input id="log-photo" name="file" type="file" accept="image/jpeg,image/png">
      <p><button type="submit" class="btn">${t('adv.save')}</button></p>
    </form>`;
}
