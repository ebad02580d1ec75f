// The officers' triage board and an application's detail with its actions.
// #/aid-queue lists; #/aid-queue/<id> opens one.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { session } from '../session.js';
import { art48Order, letterLinks } from '../letters.js';
import { bindGroups, groupsForm } from '../special-groups.js';

export async function show(main, [id = '']) {
  if (!['aid_officer', 'admin'].includes(session.user?.role)) {
    location.hash = '#/login';
    return;
  }
  if (id) return detail(main, Number(id));
  const { items } = await api('GET', '/legal-aid/queue');
  render(main, html`
    <h1>${t('aid.queue')}</h1>
    <p class="row"><a class="btn secondary" href="#/aid">${t('aid.walkIn')}</a>
      <a class="btn secondary" href="#/aid-notice" id="register-notice">${t('aid.registerNotice')}</a></p>
    <ul class="list" id="aid-queue">${items.map((q) => html`<li>
      <a href="#/aid-queue/${q.id}"><strong>${q.code}</strong> ${q.name}</a> · ${t('aidstatus.' + q.status)} ${ageBadges(q.age)}
      ${q.origin === 'notified' ? html`<span class="badge warn">${t('aid.notified')}</span>` : ''}
      ${q.clock.step ? html`<span class="step" data-step="${q.clock.step}">${t('aidstep.' + q.clock.step)}</span>` : ''}
      ${(q.clock.pending ?? []).map((p) => html` <span class="badge">${t('aidpending.' + p)}</span>`)}
      ${q.clock.advance_aid ? html`<span class="badge warn">${t('aid.advance')}</span>` : ''}
      ${q.clock.priority_group ? html`<span class="badge">${t('aid.priority')}</span>` : ''}
      ${q.clock.due ? html`<span class="muted">${t('aid.due', { date: q.clock.due })}</span>` : ''}
      ${q.clock.due_today ? html`<span class="badge warn">${t('aid.dueToday')}</span>` : ''}
      ${q.clock.overdue ? html`<span class="badge warn">${t('aid.overdue')}</span>` : ''}
    </li>`)}</ul>`);
}

async function detail(main, id) {
  const [{ application: a, attachments, timeline }, sugs, { termination_grounds: grounds, advance_grounds: advance }] = await Promise.all([
    api('GET', `/legal-aid/applications/${id}`),
    api('GET', `/legal-aid/applications/${id}/lawyer-suggestions`).then((r) => r.items),
    api('GET', '/legal-aid/eligibility'),
  ]);
  render(main, html`
    <h1>${a.code} · ${a.name}</h1>
    <p><span class="aid-status" id="aid-status">${t('aidstatus.' + a.status)}</span> · ${a.id_number} · ${a.phone}
      ${ageBadges(a.age)}${a.represented_name ? html` · ${t('aid.represented')}：${a.represented_name} ${a.aided_id_number ?? ''} ${ageBadges(a.aided_age)}` : ''}</p>
    ${a.origin === 'notified' ? html`<p><span class="badge warn">${t('aid.notified')}</span> ${a.notice_organ} ${a.notice_case_no} · ${a.notice_date}</p>` : ''}
    ${a.materials_to_check ? html`<p class="alert" id="materials-to-check">${t('aid.materialsToCheck')}</p>` : ''}
    ${a.reported_ground ? html`<p class="alert">${t('aid.reported', { ground: grounds[a.reported_ground], reason: a.reported_reason })}</p>` : ''}
    ${a.path === 'art41_pledge' ? html`<p id="economic">${t('aid.householdSize')} ${a.household_size} · ${t('aid.householdIncome')} ${a.household_income}
      ${a.notable_assets ? html` · ${a.notable_assets}` : ''}
      <span class="badge ${a.meets_standard ? '' : 'warn'}">${a.meets_standard ? t('aid.meets') : t('aid.notMeets')}</span></p>` : ''}
    <p>${a.summary}</p>
    ${letterLinks(a, timeline)}
    <p class="muted">${t('aid.opposing')}：${a.opposing_party || '—'}</p>
    <p class="muted">${t('aid.attachments')}：${attachments.map((f) => html`<a href="/api/v1/legal-aid/attachments/${f.id}">${f.name}</a> `)}</p>
    <details><summary>${t('aid.timeline')}</summary><ol>${timeline.map((e) => html`<li>${e.at.slice(0, 16).replace('T', ' ')} ${t('aidstatus.' + e.to)} ${e.reason} ${e.staff_note ?? ''}</li>`)}</ol></details>
    ${groupsForm(a)}
    <form id="aid-actions" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      ${a.status === 'received' ? html`
        <h2>${t('aid.requestMaterials')}</h2>
        <label for="missing">${t('aid.missingList')}</label><textarea id="missing" name="missing" rows="3"></textarea>
        <label for="supplement_by">${t('aid.deadline')}</label><input id="supplement_by" name="supplement_by" type="date">
        <p><button type="button" class="btn secondary" data-act="request_materials">${t('aid.requestMaterials')}</button></p>
        <label for="reason">${t('aid.reason')}</label><input id="reason" name="reason">
        <p class="row"><button type="button" class="btn" data-act="approve">${t('aid.approve')}</button>
          ${a.origin === 'notified' ? '' : html`<button type="button" class="btn secondary" data-act="reject">${t('aid.reject')}</button>`}</p>` : ''}
      ${a.status === 'materials_requested' ? html`
        <p class="row"><button type="button" class="btn" data-act="supply">${t('aid.complete')}</button>
          ${a.materials_to_check ? html`<button type="button" class="btn secondary" data-act="materials_checked">${t('aid.checked')}</button>` : ''}</p>` : ''}
      ${['refused', 'terminated'].includes(a.status) && !a.objection_decided ? html`
        <h2>${t('aid.windowObjection')}</h2>
        <label for="objector">${t('aid.objector')}</label>
        <select id="objector" name="objector"><option value="applicant">${t('aid.objector.applicant')}</option>
          ${a.relation !== 'self' ? html`<option value="aided_person">${t('aid.objector.aided_person')}</option>` : ''}</select>
        <label for="objection_reason">${t('aid.objection')}</label><textarea id="objection_reason" name="reason" rows="3" maxlength="1000"></textarea>
        <p><button type="button" class="btn secondary" id="record-objection">${t('aid.object')}</button></p>` : ''}
      ${a.advance_ground && !a.decided_at ? html`
        <p class="alert">${t('aid.advancePending', { ground: advance[a.advance_ground] })}</p>
        <p><button type="button" class="btn" data-act="approve">${t('aid.approve')}</button></p>` : ''}
      ${['received', 'materials_requested'].includes(a.status) ? html`
        <h2>${t('aid.advanceTitle')}</h2>
        <label for="advance_ground">${t('aid.advanceGround')}</label>
        <select id="advance_ground" name="advance_ground">${Object.entries(advance).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>
        <label for="advance_reason">${t('aid.reason')}</label><input id="advance_reason" name="advance_reason">
        <ul class="list" id="advance-lawyers">${sugs.slice(0, 5).map((s) => html`<li>${s.name}（${s.firm}）${s.specialties}
          ${s.conflict ? html`<span class="badge warn">${s.conflict}</span>` : ''}${s.forbidden ? html`<span class="badge warn">${s.forbidden}</span>` : ''}
          <button type="button" class="btn secondary" data-advance="${s.lawyer_id}">${t('aid.advanceBtn')}</button></li>`)}</ul>` : ''}
      ${['approved', 'assigned'].includes(a.status) ? html`
        <h2>${t('aid.suggestions')}</h2>
        <label for="override_reason">${t('aid.override')}</label><input id="override_reason" name="override_reason">
        <ul class="list" id="suggestions">${sugs.slice(0, 8).map((s) => html`<li>${s.name}（${s.firm}）${s.specialties}
          ${s.conflict ? html`<span class="badge warn">${s.conflict}</span>` : ''}${s.forbidden ? html`<span class="badge warn">${s.forbidden}</span>` : ''}
          <button type="button" class="btn secondary" data-assign="${s.lawyer_id}">${t('aid.assign')}</button></li>`)}</ul>` : ''}
      ${a.status === 'assigned' ? html`
        <label for="result">${t('aid.result')}</label><input id="result" name="result">
        <p><button type="button" class="btn" data-act="close">${t('aid.close')}</button></p>` : ''}
      ${['approved', 'assigned'].includes(a.status) ? html`
        <label for="ground">${t('aid.ground')}</label>
        <select id="ground" name="ground">${art48Order.map((k) => html`<option value="${k}" ${k === a.reported_ground ? html`selected` : ''}>${grounds[k]}</option>`)}</select>
        <label for="reason">${t('aid.reason')}</label><input id="reason" name="reason">
        <p><button type="button" class="btn secondary" data-act="terminate">${t('aid.terminate')}</button></p>` : ''}
    </form>`);
  bindGroups(main, id, () => detail(main, id));
  const form = main.querySelector('#aid-actions');
  const send = async (body) => {
    try {
      await api('POST', `/legal-aid/applications/${id}/actions`, body);
      toast(t('aid.done'));
      detail(main, id);
    } catch (err) {
      showErrors(form, err);
    }
  };
  for (const b of form.querySelectorAll('[data-act]')) {
    b.addEventListener('click', () => send({
      action: b.dataset.act, reason: form.reason?.value ?? '', supplement_by: form.supplement_by?.value ?? '',
      result: form.result?.value ?? '', ground: form.ground?.value ?? '',
      missing: (form.missing?.value ?? '').split('\n').map((x) => x.trim()).filter(Boolean),
    }));
  }
  form.querySelector('#record-objection')?.addEventListener('click', async () => {
    try {
      await api('POST', `/legal-aid/applications/${id}/objections`, { reason: form.reason.value, objector: form.objector.value });
      toast(t('aid.done'));
      detail(main, id);
    } catch (err) {
      showErrors(form, err);
    }
  });
  for (const b of form.querySelectorAll('[data-advance]')) {
    b.addEventListener('click', () => send({ action: 'grant_advance', lawyer_id: Number(b.dataset.advance),
      ground: form.advance_ground.value, reason: form.advance_reason.value, override_reason: form.override_reason?.value ?? '' }));
  }
  for (const b of form.querySelectorAll('[data-assign]')) {
    b.addEventListener('click', () => send({ action: 'assign', lawyer_id: Number(b.dataset.assign), override_reason: form.override_reason.value }));
  }
}

// ageBadges shows an age from the ID number, with the priority groups.
function ageBadges(age) {
  if (age == null) return '';
  const group = age < 18 ? t('aid.minor') : age >= 60 ? t('aid.elderly') : '';
  return html`<span class="muted">${t('aid.age', { age })}</span>${group ? html` <span class="badge">${group}</span>` : ''}`;
}
