// Administrators see and edit each site's duty rule.
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-roster.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { todayCN } from '../dates.js';

export async function show(main) {
  if (!requireRole(main, 'admin')) return;
  let rules = [];
  let sites = [];
  try {
    [rules, sites] = await Promise.all([api('GET', '/duty-rules').then((r) => r.items), listAll('/sites')]);
  } catch (err) {
    toast(err.message);
  }
  const name = Object.fromEntries(sites.map((s) => [s.id, s.name]));
  const dutySites = sites.filter((s) => ['center', 'station', 'room', 'notary', 'legal_aid'].includes(s.tier));
  render(main, html`
    <h1>${t('rules.title')}</h1>
    <div class="scroll" tabindex="0" role="region" aria-label="${t('rules.title')}">
    <table class="grid stack" id="rules">
      <thead><tr><th scope="col">${t('rules.site')}</th><th scope="col">${t('rules.pattern')}</th><th scope="col">${t('rules.sessionsShort')}</th>
        <th scope="col">${t('rules.policy')}</th><th scope="col"></th></tr></thead>
      <tbody>${rules.map((r) => html`<tr><th scope="row">${name[r.site_id] ?? r.site_id}</th>
        <td data-label="${t('rules.pattern')}">${t('rules.pattern.' + r.pattern)}${r.pattern !== 'workdays' ? html` (${r.weekdays.map((w) => t('week.' + w)).join(t('list.sep'))})` : ''}</td>
        <td data-label="${t('rules.sessionsShort')}">${r.sessions.map((s) => `${s.start}–${s.end}`).join(t('list.sep'))}</td>
        <td data-label="${t('rules.policy')}">${t('rules.policy.' + r.holiday_policy)}</td>
        <td><button type="button" class="btn secondary" data-rule="${r.id}" data-active="${r.active ? '1' : ''}">
          ${r.active ? t('rules.deactivate') : t('rules.activate')}</button></td></tr>`)}</tbody>
    </table></div>
    <h2>${t('rules.add')}</h2>
    <form id="rule-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="site_id">${t('rules.site')}</label>
      <select id="site_id" name="site_id">${dutySites.map((s) => html`<option value="${s.id}">${s.name}</option>`)}</select>
      <label for="pattern">${t('rules.pattern')}</label>
      <select id="pattern" name="pattern">${['workdays', 'weekly', 'monthly_nth'].map((p) => html`<option value="${p}">${t('rules.pattern.' + p)}</option>`)}</select>
      <label for="weekdays">${t('rules.weekdays')}</label><input id="weekdays" name="weekdays" value="3">
      <label for="nth">${t('rules.nth')}</label><input id="nth" name="nth" type="number" value="1" min="-1" max="5">
      <label for="sessions">${t('rules.sessions')}</label><input id="sessions" name="sessions" value="09:00-12:00">
      <label for="slot_minutes">${t('rules.slot')}</label><input id="slot_minutes" name="slot_minutes" type="number" value="30">
      <label for="capacity">${t('rules.capacity')}</label><input id="capacity" name="capacity" type="number" value="1">
      <label for="lawyers_per_session">${t('rules.lawyers')}</label><input id="lawyers_per_session" name="lawyers_per_session" type="number" value="1">
      <label for="holiday_policy">${t('rules.policy')}</label>
      <select id="holiday_policy" name="holiday_policy">${['skip', 'next_workday'].map((p) => html`<option value="${p}">${t('rules.policy.' + p)}</option>`)}</select>
      <label for="effective_from">${t('rules.from')}</label><input id="effective_from" name="effective_from" type="date" value="${todayCN()}">
      <p><button type="submit" class="btn">${t('rules.save')}</button></p>
    </form>`);
  wire(main);
}

function ruleBody(f) {
  const weekdays = f.weekdays.value.split(/[,，\s]+/).filter(Boolean).map(Number);
  const sessions = f.sessions.value.split(/[,，]+/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const [start, end] = s.split(/[-–~]/).map((x) => x.trim());
    return { start, end };
  });
  return {
    site_id: Number(f.site_id.value), pattern: f.pattern.value, weekdays: f.pattern.value === 'workdays' ? [] : weekdays,
    nth: Number(f.nth.value), sessions, slot_minutes: Number(f.slot_minutes.value), capacity: Number(f.capacity.value),
    lawyers_per_session: Number(f.lawyers_per_session.value), holiday_policy: f.holiday_policy.value, effective_from: f.effective_from.value,
  };
}

function wire(main) {
  const form = main.querySelector('#rule-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/duty-rules', ruleBody(form));
      toast(t('rules.saved'));
      show(main);
    } catch (err) {
      showErrors(form, err);
    }
  });
  for (const b of main.querySelectorAll('[data-rule]')) {
    b.addEventListener('click', async () => {
      try {
        await api('PATCH', `/duty-rules/${b.dataset.rule}`, { active: !b.dataset.active });
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}
