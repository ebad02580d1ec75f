// The officer's actions on a case. Every decision is confirmed in a dialog
// (aid-dialogs.js) that names the applicant and the lawyer: refusal and
// termination become letters that tell the person the reasons and their
// right to object (Arts. 48, 49); approval and assignment are told too.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { named } from '../i18n-aid.js';
import { html, showErrors, toast } from '../dom.js';
import { decisionDialogs, openFor, wireDialog } from './aid-dialogs.js';

function lawyers(list, attr, label) {
  return list.map((s) => html`<li>${t('act.lawyerOf', { name: s.name, firm: s.firm })} ${s.specialties}
    ${s.conflict ? html`<span class="badge warn">${s.conflict}</span>` : ''}${s.forbidden ? html`<span class="badge warn">${s.forbidden}</span>` : ''}
    <button type="button" class="btn secondary" ${attr}="${s.lawyer_id}" data-name="${s.name}">${label}</button></li>`);
}

// states names what the status allows: a decision, aid first, a lawyer.
function states(a) {
  return {
    decide: a.status === 'received' || Boolean(a.advance_ground && !a.decided_at),
    open: ['received', 'materials_requested'].includes(a.status),
    running: ['approved', 'assigned'].includes(a.status),
  };
}

// assignment is the suggestions before a lawyer is assigned; after, the
// lawyer assigned and a separate control to change them.
function assignment(a, sugs) {
  const list = html`<ul class="list" id="suggestions">${lawyers(sugs.slice(0, 8), 'data-assign', a.lawyer_name ? t('act.reassign') : t('act.assignBtn'))}</ul>`;
  if (a.status !== 'assigned') return html`<h2>${t('aid.suggestions')}</h2>${list}`;
  return html`<p id="current-lawyer">${t('act.current', { lawyer: a.lawyer_name || '—' })}</p>
    <details id="change-lawyer"><summary>${t('act.change')}</summary>${list}</details>`;
}

export function actionsForm(a, sugs, info) {
  const st = states(a);
  return html`
    <form id="aid-actions" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      ${a.status === 'received' ? html`
        <h2>${t('aid.requestMaterials')}</h2>
        <label for="missing">${t('aid.missingList')}</label><textarea id="missing" name="missing" rows="3"></textarea>
        <label for="supplement_by">${t('aid.deadline')}</label><input id="supplement_by" name="supplement_by" type="date">
        <p><button type="button" class="btn secondary" data-act="request_materials">${t('aid.requestMaterials')}</button></p>
        <p class="row wrap"><button type="button" class="btn" data-dialog="approve-dialog" id="open-approve">${t('act.approveBtn')}</button>
          ${a.origin === 'notified' ? '' : html`<button type="button" class="btn danger" data-dialog="reject-dialog" id="open-reject">${t('aid.reject')}</button>`}</p>` : ''}
      ${a.status === 'materials_requested' ? html`
        <p class="row wrap"><button type="button" class="btn" data-act="supply">${t('aid.complete')}</button>
          ${a.materials_to_check ? html`<button type="button" class="btn secondary" data-act="materials_checked">${t('aid.checked')}</button>` : ''}</p>` : ''}
      ${['refused', 'terminated'].includes(a.status) && !a.objection_decided ? html`
        <h2>${t('aid.windowObjection')}</h2>
        <label for="objector">${t('aid.objector')}</label>
        <select id="objector" name="objector"><option value="applicant">${t('aid.objector.applicant')}</option>
          ${a.relation !== 'self' ? html`<option value="aided_person">${t('aid.objector.aided_person')}</option>` : ''}</select>
        <label for="objection_reason">${t('aid.objection')}</label><textarea id="objection_reason" name="reason" rows="3" maxlength="1000"></textarea>
        <p><button type="button" class="btn secondary" id="record-objection">${t('aid.object')}</button></p>` : ''}
      ${a.advance_ground && !a.decided_at ? html`
        <p class="alert">${t('aid.advancePending', { ground: named('aid44.', a.advance_ground, info.advance_grounds) })}</p>
        <p><button type="button" class="btn" data-dialog="approve-dialog" id="open-approve">${t('act.approveBtn')}</button></p>` : ''}
      ${st.open ? html`
        <h2>${t('aid.advanceTitle')}</h2>
        <ul class="list" id="advance-lawyers">${lawyers(sugs.slice(0, 5), 'data-advance', t('act.advanceBtn'))}</ul>` : ''}
      ${st.running ? assignment(a, sugs) : ''}
      ${a.status === 'assigned' ? html`
        <label for="result">${t('aid.result')}</label><input id="result" name="result">
        <p><button type="button" class="btn" data-act="close">${t('aid.close')}</button></p>` : ''}
      ${st.running ? html`<p><button type="button" class="btn danger" data-dialog="terminate-dialog" id="open-terminate">${t('aid.terminate')}</button></p>` : ''}
    </form>
    ${decisionDialogs(a, info, st)}`;
}

export function wireActions(main, id, reload, a) {
  const form = main.querySelector('#aid-actions');
  const post = (body) => api('POST', `/legal-aid/applications/${id}/actions`, body);
  for (const b of form.querySelectorAll('[data-act]')) {
    b.addEventListener('click', async () => {
      try {
        await post({ action: b.dataset.act, supplement_by: form.supplement_by?.value ?? '', result: form.result?.value ?? '',
          missing: (form.missing?.value ?? '').split('\n').map((x) => x.trim()).filter(Boolean) });
        toast(t('aid.done'));
        reload();
      } catch (err) {
        showErrors(form, err);
      }
    });
  }
  form.querySelector('#record-objection')?.addEventListener('click', async () => {
    try {
      await api('POST', `/legal-aid/applications/${id}/objections`, { reason: form.reason.value, objector: form.objector.value });
      toast(t('aid.done'));
      reload();
    } catch (err) {
      showErrors(form, err);
    }
  });
  for (const dlg of main.querySelectorAll('dialog[id$="-dialog"]')) wireDialog(dlg, post, reload);
  for (const b of form.querySelectorAll('[data-dialog]')) b.addEventListener('click', () => main.querySelector('#' + b.dataset.dialog).showModal());
  const pick = (attr, dialogID, key) => {
    for (const b of form.querySelectorAll(`[${attr}]`)) {
      b.addEventListener('click', () => openFor(main.querySelector(dialogID), t(key, { name: a.name, lawyer: b.dataset.name }),
        { id: b.getAttribute(attr) }));
    }
  };
  pick('data-advance', '#grant_advance-dialog', 'act.advanceWhat');
  pick('data-assign', '#assign-dialog', 'act.assignWhat');
}
