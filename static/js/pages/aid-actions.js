// The officer's actions on a case. Refusal and termination are confirmed
// in a dialog with their own reason fields, since each becomes a letter
// that tells the person the reasons and their right to object (Arts. 48, 49).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, showErrors, toast } from '../dom.js';
import { art48Order } from '../letters.js';
import { clearSummary, fromError, showSummary } from '../errorsummary.js';

function lawyers(list, attr, label) {
  return list.map((s) => html`<li>${s.name}（${s.firm}）${s.specialties}
    ${s.conflict ? html`<span class="badge warn">${s.conflict}</span>` : ''}${s.forbidden ? html`<span class="badge warn">${s.forbidden}</span>` : ''}
    <button type="button" class="btn secondary" ${attr}="${s.lawyer_id}">${label}</button></li>`);
}

export function actionsForm(a, sugs, info) {
  const grounds = info.termination_grounds;
  const advance = info.advance_grounds;
  const open = ['received', 'materials_requested'].includes(a.status);
  const running = ['approved', 'assigned'].includes(a.status);
  return html`
    <form id="aid-actions" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      ${a.status === 'received' ? html`
        <h2>${t('aid.requestMaterials')}</h2>
        <label for="missing">${t('aid.missingList')}</label><textarea id="missing" name="missing" rows="3"></textarea>
        <label for="supplement_by">${t('aid.deadline')}</label><input id="supplement_by" name="supplement_by" type="date">
        <p><button type="button" class="btn secondary" data-act="request_materials">${t('aid.requestMaterials')}</button></p>
        <label for="reason">${t('aid.reason')}</label><input id="reason" name="reason">
        <p class="row wrap"><button type="button" class="btn" data-act="approve">${t('aid.approve')}</button>
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
        <p class="alert">${t('aid.advancePending', { ground: advance[a.advance_ground] })}</p>
        <p><button type="button" class="btn" data-act="approve">${t('aid.approve')}</button></p>` : ''}
      ${open ? html`
        <h2>${t('aid.advanceTitle')}</h2>
        <label for="advance_ground">${t('aid.advanceGround')}</label>
        <select id="advance_ground" name="advance_ground">${Object.entries(advance).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>
        <label for="advance_reason">${t('aid.reason')}</label><input id="advance_reason" name="advance_reason">
        <ul class="list" id="advance-lawyers">${lawyers(sugs.slice(0, 5), 'data-advance', t('aid.advanceBtn'))}</ul>` : ''}
      ${running ? html`
        <h2>${t('aid.suggestions')}</h2>
        <label for="override_reason">${t('aid.override')}</label><input id="override_reason" name="override_reason">
        <ul class="list" id="suggestions">${lawyers(sugs.slice(0, 8), 'data-assign', t('aid.assign'))}</ul>` : ''}
      ${a.status === 'assigned' ? html`
        <label for="result">${t('aid.result')}</label><input id="result" name="result">
        <p><button type="button" class="btn" data-act="close">${t('aid.close')}</button></p>` : ''}
      ${running ? html`<p><button type="button" class="btn danger" data-dialog="terminate-dialog" id="open-terminate">${t('aid.terminate')}</button></p>` : ''}
    </form>
    ${a.status === 'received' && a.origin !== 'notified' ? dialog('reject', t('case.rejectTitle'), t('case.rejectHint'), t('case.rejectReason'), '') : ''}
    ${running ? dialog('terminate', t('case.terminateTitle'), t('case.terminateHint'), t('case.terminateReason'), html`
      <label for="terminate_ground">${t('aid.ground')}</label>
      <select id="terminate_ground" name="ground">${art48Order.map((k) => html`<option value="${k}" ${k === a.reported_ground ? html`selected` : ''}>${grounds[k]}</option>`)}</select>`) : ''}`;
}

function dialog(kind, title, hint, reasonLabel, extra) {
  return html`<dialog id="${kind}-dialog" aria-labelledby="${kind}-title">
    <form id="${kind}-form" novalidate data-action="${kind === 'reject' ? 'reject' : 'terminate'}">
      <h2 id="${kind}-title">${title}</h2>
      <p>${hint}</p>
      <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="${kind}-form-errors-title" hidden></div>
      ${extra}
      <label for="${kind}_reason">${reasonLabel}</label><textarea id="${kind}_reason" name="reason" rows="4" maxlength="1000"></textarea>
      <p class="row wrap"><button type="submit" class="btn danger" id="${kind}-confirm">${t('case.confirm')}</button>
        <button type="button" class="btn secondary" data-close>${t('case.cancel')}</button></p>
    </form></dialog>`;
}

export function wireActions(main, id, reload) {
  const form = main.querySelector('#aid-actions');
  const post = (body) => api('POST', `/legal-aid/applications/${id}/actions`, body);
  const send = async (body) => {
    try {
      await post(body);
      toast(t('aid.done'));
      reload();
    } catch (err) {
      showErrors(form, err);
    }
  };
  for (const b of form.querySelectorAll('[data-act]')) {
    b.addEventListener('click', () => send({
      action: b.dataset.act, reason: form.reason?.value ?? '', supplement_by: form.supplement_by?.value ?? '',
      result: form.result?.value ?? '', missing: (form.missing?.value ?? '').split('\n').map((x) => x.trim()).filter(Boolean),
    }));
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
  for (const b of form.querySelectorAll('[data-advance]')) {
    b.addEventListener('click', () => send({ action: 'grant_advance', lawyer_id: Number(b.dataset.advance),
      ground: form.advance_ground.value, reason: form.advance_reason.value, override_reason: form.override_reason?.value ?? '' }));
  }
  for (const b of form.querySelectorAll('[data-assign]')) {
    b.addEventListener('click', () => send({ action: 'assign', lawyer_id: Number(b.dataset.assign), override_reason: form.override_reason.value }));
  }
  for (const b of form.querySelectorAll('[data-dialog]')) {
    const dlg = main.querySelector('#' + b.dataset.dialog);
    b.addEventListener('click', () => dlg.showModal());
    dlg.querySelector('[data-close]').addEventListener('click', () => dlg.close());
    wireDialog(dlg, post, reload);
  }
}

// wireDialog sends the dialog's action with its own reason (and ground).
function wireDialog(dlg, post, reload) {
  const f = dlg.querySelector('form');
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!f.reason.value.trim()) {
      showSummary(f, [{ name: 'reason', msg: t('case.needReason') }]);
      return;
    }
    try {
      await post({ action: f.dataset.action, reason: f.reason.value.trim(), ground: f.ground?.value ?? '' });
      clearSummary(f);
      dlg.close();
      toast(t('aid.done'));
      reload();
    } catch (err) {
      const problems = fromError(f, err);
      showSummary(f, problems, () => {}, problems.length ? '' : err.message);
    }
  });
}
