// The receipt (受理回执) after applying: the number, the date received,
// the decision date the service computed (Art. 43), the materials for the
// path and matter, and how to follow the application without signing in.
import { t } from '../i18n.js';
import { html } from '../dom.js';
import { session } from '../session.js';
import { dateCN } from '../dates.js';
import { ruleTitle } from '../i18n-aid.js';

export function receipt(app, rule) {
  const resident = session.user?.role === 'resident';
  return html`
    <h1>${t('aid.title')}</h1>
    <section class="card receipt" id="aid-receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabindex="-1">${t('rc.title')}</h2>
      <dl class="facts">
        <dt>${t('rc.number')}</dt><dd><span class="code" id="aid-code">${app.code}</span></dd>
        <dt>${t('rc.received')}</dt><dd id="rc-received">${dateCN(app.created_at)}</dd>
        <dt>${t('rc.applicant')}</dt><dd>${app.name}</dd>
        <dt>${t('rc.matter')}</dt><dd>${t('aidmatter.' + app.matter)}</dd>
        <dt>${t('rc.path')}</dt><dd id="rc-path">${ruleTitle(app.path, rule)}</dd>
        <dt>${t('rc.due')}</dt><dd><strong id="rc-due">${app.decision_due ?? '—'}</strong><br><span class="muted">${t('rc.dueNote')}</span></dd>
      </dl>
      <h3>${t('rc.materials')}</h3>
      <ul id="rc-checklist">${(app.checklist ?? []).map((m) => html`<li>${m}</li>`)}</ul>
      <p class="muted">${t('rc.materialsNote')}</p>
      <p class="ok">${t('rc.keep')}</p>
    </section>
    <p class="row wrap"><button type="button" class="btn secondary" id="print-receipt">${t('rc.print')}</button>
      <a class="btn" href="${resident ? '#/aid-mine' : '#/aid-queue'}">${resident ? t('rc.mine') : t('rc.board')}</a>
      <a class="btn secondary" href="#/aid-progress">${t('pg.title')}</a></p>`;
}
