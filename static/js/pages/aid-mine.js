// A resident's applications (with the one materials notice, uploads and
// the timeline), or a lawyer's assigned cases.
import { api } from '../api.js';
import { getLang, t } from '../i18n.js';
import { named } from '../i18n-aid.js';
import '../i18n-aidact.js';
import { html, render, showErrors, toast } from '../dom.js';
import { session } from '../session.js';
import { uploadFile } from '../upload.js';
import { art48Order, letterLinks } from '../letters.js';

export async function show(main) {
  if (!['resident', 'lawyer'].includes(session.user?.role)) {
    location.hash = '#/login';
    return;
  }
  const list = (await api('GET', '/me/legal-aid')).items;
  const details = await Promise.all(list.map((a) => api('GET', `/legal-aid/applications/${a.id}`)));
  const lawyer = session.user.role === 'lawyer';
  const grounds = lawyer ? (await api('GET', '/legal-aid/eligibility')).termination_grounds : {};
  render(main, html`
    <h1>${t(lawyer ? 'nav.aidCases' : 'nav.myAid')}</h1>
    ${details.length ? html`<ul class="list" id="aid-list">${details.map(({ application: a, attachments, timeline }) => html`
      <li data-app="${a.id}">
        <p><strong>${a.code}</strong> · <span class="aid-status">${t('aidstatus.' + a.status)}</span></p>
        <p>${a.summary}</p>
        ${a.status === 'materials_requested' ? html`<p class="alert materials-notice">${t('aid.missing', { list: a.missing_materials, date: a.supplement_by })}
          <a href="/api/v1/legal-aid/applications/${a.id}/decision.pdf?kind=materials" target="_blank" rel="noopener">${t('aid.noticeLetter')}</a></p>` : ''}
        ${['received', 'materials_requested'].includes(a.status) && session.user.role === 'resident' ? html`
          <label for="file-${a.id}">${t('aid.upload')}</label>
          <input id="file-${a.id}" type="file" accept="application/pdf,image/jpeg,image/png" data-file="${a.id}">
          <p class="row"><button type="button" class="btn secondary" data-upload="${a.id}">${t('aid.uploadBtn')}</button>
          ${a.status === 'materials_requested' ? html`<button type="button" class="btn" data-supply="${a.id}">${t('aid.supplied')}</button>` : ''}</p>` : ''}
        ${a.decision_due && ['received', 'materials_requested'].includes(a.status) ? html`<p class="mine-due">${t('rc.due')}${t('p.colon')}<strong>${a.decision_due}</strong></p>` : ''}
        ${uploads(attachments)}
        ${!lawyer && ['received', 'materials_requested'].includes(a.status) ? checklist(a) : ''}
        <details><summary>${t('aid.timeline')}</summary><ol>${timeline.map((e) => html`<li>${e.at.slice(0, 16).replace('T', ' ')} ${t('aidstatus.' + e.to)} ${e.reason}</li>`)}</ol></details>
        ${letterLinks(a, timeline)}
        ${lawyer && a.status === 'assigned' ? html`<form class="report" data-report="${a.id}" novalidate>
          <p class="alert form-alert" tabindex="-1" hidden></p>
          <label for="ground-${a.id}">${t('aid.report')}</label>
          <select id="ground-${a.id}" name="ground" required><option value="">${t('act.choose')}</option>
            ${art48Order.map((k) => html`<option value="${k}">${named('aid48.', k, grounds)}</option>`)}</select>
          <label for="reason-${a.id}">${t('aid.reason')}</label><input id="reason-${a.id}" name="reason" maxlength="1000">
          <p><button class="btn secondary">${t('aid.reportBtn')}</button></p></form>` : ''}
        ${['refused', 'terminated'].includes(a.status) && session.user.role === 'resident' ? html`
          <label for="objection-${a.id}">${t('aid.objection')}</label><textarea id="objection-${a.id}" rows="3" maxlength="1000"></textarea>
          <p><button type="button" class="btn secondary" data-object="${a.id}">${t('aid.object')}</button></p>` : ''}
      </li>`)}</ul>` : html`<p>${t('aid.none')}</p>`}`);
  for (const b of main.querySelectorAll('[data-upload]')) {
    b.addEventListener('click', async () => {
      const input = main.querySelector(`[data-file="${b.dataset.upload}"]`);
      if (!input.files[0]) return;
      try {
        await uploadFile(`/legal-aid/applications/${b.dataset.upload}/attachments`, input.files[0]);
        toast(t('aid.uploaded'));
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
  for (const b of main.querySelectorAll('[data-object]')) {
    b.addEventListener('click', async () => {
      try {
        const reason = main.querySelector(`#objection-${b.dataset.object}`).value;
        await api('POST', `/legal-aid/applications/${b.dataset.object}/objections`, { reason });
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
  for (const f of main.querySelectorAll('[data-report]')) {
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!f.ground.value) {
        showErrors(f, { message: t('act.needGround'), fields: { ground: t('act.needGround') } });
        return;
      }
      try {
        await api('POST', `/legal-aid/applications/${f.dataset.report}/actions`, { action: 'report_ground', ground: f.ground.value, reason: f.reason.value });
        toast(t('aid.done'));
        show(main);
      } catch (err) {
        showErrors(f, err);
      }
    });
  }
  for (const b of main.querySelectorAll('[data-supply]')) {
    b.addEventListener('click', async () => {
      try {
        await api('POST', `/legal-aid/applications/${b.dataset.supply}/actions`, { action: 'supply' });
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}

// uploads lists the files sent, or says there are none yet.
function uploads(attachments) {
  if (!attachments.length) return html`<p class="muted">${t('aid.attachments')}${t('p.colon')}${t('mine.noFiles')}</p>`;
  return html`<p class="muted">${t('aid.attachments')}${t('p.colon')}${attachments.map((f, i) => html`${i ? t('p.sep') : ''}<a href="/api/v1/legal-aid/attachments/${f.id}">${f.name}</a>`)}</p>`;
}

// checklist is what to prepare for the application's path and matter.
function checklist(a) {
  const list = getLang() === 'en' && a.checklist_en?.length ? a.checklist_en : (a.checklist ?? []);
  if (!list.length) return '';
  return html`<details class="mine-checklist"><summary>${t('rc.materials')}</summary><ul>${list.map((m) => html`<li>${m}</li>`)}</ul></details>`;
}
