// The receipt (受理回执) after applying: the number, the date received,
// the decision date the service computed (Art. 43), the materials for the
// path and matter, where the legal-aid centre is and when it is open, and
// how to follow the application without signing in.
import { getLang, t } from '../i18n.js';
import { html } from '../dom.js';
import { session } from '../session.js';
import { dateCN } from '../dates.js';
import { ruleTitle } from '../i18n-aid.js';
import '../i18n-aidact.js';

// centreFacts is the legal-aid centre's address, phone and hours.
function centreFacts(centre) {
  if (!centre) return '';
  return html`<section id="rc-centre" aria-labelledby="rc-centre-title"><h3 id="rc-centre-title">${t('rc.centre')}</h3>
    <dl class="facts">
      <dt>${t('rc.centreName')}</dt><dd>${centre.name}</dd>
      ${centre.address ? html`<dt>${t('rc.address')}</dt><dd id="rc-address">${centre.address}</dd>` : ''}
      ${centre.opening_hours ? html`<dt>${t('rc.hours')}</dt><dd id="rc-hours">${centre.opening_hours}</dd>` : ''}
      ${centre.phone ? html`<dt>${t('rc.phone')}</dt><dd><a href="tel:${centre.phone}">${centre.phone}</a></dd>` : ''}
    </dl></section>`;
}

export function receipt(app, rule, centre) {
  const resident = session.user?.role === 'resident';
  const list = getLang() === 'en' && app.checklist_en?.length ? app.checklist_en : (app.checklist ?? []);
  return html`
    <h1 id="receipt-heading">${t('rc.heading')}</h1>
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
      <ul id="rc-checklist">${list.map((m) => html`<li>${m}</li>`)}</ul>
      <p class="muted">${t('rc.materialsNote')}</p>
      ${centreFacts(centre)}
      <p class="ok">${t('rc.keep')}</p>
      ${/^1\d{2}\D{4}\d{4}$|^1\d{10}$/.test(app.phone ?? '') ? html`<p class="muted" id="rc-sms">${t('rc.sms')}</p>` : ''}
    </section>
    <p class="row wrap"><button type="button" class="btn secondary" id="print-receipt">${t('rc.print')}</button>
      <a class="btn" href="${resident ? '#/aid-mine' : '#/aid-queue'}">${resident ? t('rc.mine') : t('rc.board')}</a>
      <a class="btn secondary" href="#/aid-progress">${t('pg.title')}</a></p>`;
}
