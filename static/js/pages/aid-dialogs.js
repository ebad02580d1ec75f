// The dialogs in which the officer confirms a decision on a legal-aid
// case: approval, assignment, aid first (Art. 44), refusal and
// termination (Arts. 48, 49). Each names the applicant (and the lawyer),
// has its own labelled fields, and sends nothing until confirmed.
import { t } from '../i18n.js';
import { html, toast } from '../dom.js';
import { named } from '../i18n-aid.js';
import { art44Order } from '../i18n-aidact.js';
import { art48Order } from '../letters.js';
import { clearSummary, fromError, showSummary } from '../errorsummary.js';

// groundSelect is a required select of a statute's items in order, with
// nothing chosen until the officer chooses (a reported ground excepted).
function groundSelect(id, label, prefix, order, zh, chosen = '') {
  return html`<label for="${id}">${label}</label>
    <select id="${id}" name="ground" required><option value="">${t('act.choose')}</option>
      ${order.map((k) => html`<option value="${k}" ${k === chosen ? html`selected` : ''}>${named(prefix, k, zh)}</option>`)}</select>`;
}

function dialog(kind, title, what, danger, fields) {
  return html`<dialog id="${kind}-dialog" aria-labelledby="${kind}-title">
    <form id="${kind}-form" novalidate data-action="${kind}">
      <h2 id="${kind}-title">${title}</h2>
      <p id="${kind}-what">${what}</p>
      <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="${kind}-form-errors-title" hidden></div>
      ${fields}
      <p class="row wrap"><button type="submit" class="btn ${danger ? 'danger' : ''}" id="${kind}-confirm">${t('case.confirm')}</button>
        <button type="button" class="btn secondary" data-close>${t('case.cancel')}</button></p>
    </form></dialog>`;
}

const reasonField = (kind, label) => html`<label for="${kind}_reason">${label}</label>
  <textarea id="${kind}_reason" name="reason" rows="3" maxlength="1000"></textarea>`;

// decisionDialogs are the dialogs the case's status allows.
export function decisionDialogs(a, info, { decide, open, running }) {
  const name = a.name;
  return html`
    ${decide ? dialog('approve', t('act.approveTitle'), t('act.approveWhat', { name }), false, reasonField('approve', t('act.approveNote'))) : ''}
    ${a.status === 'received' && a.origin !== 'notified' ? dialog('reject', t('case.rejectTitle'),
    html`${t('act.applicant', { name })}<br>${t('case.rejectHint')}`, true, reasonField('reject', t('case.rejectReason'))) : ''}
    ${open ? dialog('grant_advance', t('act.advanceTitle'), '', false, html`
      <input type="hidden" name="lawyer_id">
      ${groundSelect('advance_ground', t('aid.advanceGround'), 'aid44.', art44Order, info.advance_grounds)}
      ${reasonField('grant_advance', t('act.advanceReason'))}
      <label for="advance_override">${t('act.override')}</label><input id="advance_override" name="override_reason" maxlength="500">`) : ''}
    ${running ? dialog('assign', t('act.assignTitle'), '', false, html`
      <input type="hidden" name="lawyer_id">
      <label for="override_reason">${t('act.override')}</label><input id="override_reason" name="override_reason" maxlength="500">`) : ''}
    ${running ? dialog('terminate', t('case.terminateTitle'), html`${t('act.applicant', { name })}<br>${t('case.terminateHint')}`, true, html`
      ${groundSelect('terminate_ground', t('aid.ground'), 'aid48.', art48Order, info.termination_grounds, a.reported_ground)}
      ${reasonField('terminate', t('case.terminateReason'))}`) : ''}`;
}

// needs lists what a dialog lacks before anything is sent.
function needs(f) {
  const problems = [];
  if (f.ground && !f.ground.value) problems.push({ name: 'ground', msg: t('act.needGround') });
  if (['reject', 'terminate'].includes(f.dataset.action) && !f.reason.value.trim()) problems.push({ name: 'reason', msg: t('case.needReason') });
  return problems;
}

// wireDialog sends the dialog's action with its own fields once confirmed.
export function wireDialog(dlg, post, reload) {
  const f = dlg.querySelector('form');
  dlg.querySelector('[data-close]').addEventListener('click', () => dlg.close());
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const problems = needs(f);
    if (problems.length) {
      showSummary(f, problems);
      return;
    }
    try {
      await post({ action: f.dataset.action, reason: f.reason?.value.trim() ?? '', ground: f.ground?.value ?? '',
        lawyer_id: Number(f.lawyer_id?.value ?? 0), override_reason: f.override_reason?.value.trim() ?? '' });
      clearSummary(f);
      dlg.close();
      toast(t('aid.done'));
      reload();
    } catch (err) {
      const found = fromError(f, err);
      showSummary(f, found, () => {}, found.length ? '' : err.message);
    }
  });
}

// openFor opens an assignment dialog for one lawyer, naming them.
export function openFor(dlg, what, lawyer) {
  const f = dlg.querySelector('form');
  clearSummary(f);
  f.lawyer_id.value = lawyer.id;
  dlg.querySelector('p[id$="-what"]').textContent = what;
  dlg.showModal();
}
