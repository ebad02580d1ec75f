// The progress lookup, without signing in: the number on the receipt and
// the ID number. It answers the status, the dates and the next step only.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render } from '../dom.js';
import { clearSummary, fromError, showSummary } from '../errorsummary.js';

export async function show(main) {
  render(main, html`
    <h1>${t('pg.title')}</h1>
    <p>${t('pg.lead')}</p>
    <form id="progress-form" novalidate>
      <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="progress-form-errors-title" hidden></div>
      <label for="pg-number">${t('pg.number')}</label>
      <input id="pg-number" name="number" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false">
      <label for="pg-id">${t('pg.id')}</label>
      <input id="pg-id" name="id_number" maxlength="18" autocomplete="off" spellcheck="false">
      <p><button type="submit" class="btn" id="pg-submit">${t('pg.submit')}</button></p>
    </form>
    <section id="pg-result" aria-live="polite"></section>
    <p><a href="#/aid">${t('pg.apply')}</a></p>`);
  const form = main.querySelector('#progress-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = main.querySelector('#pg-result');
    out.innerHTML = '';
    try {
      const p = await api('POST', '/legal-aid/progress', { number: form.number.value.trim(), id_number: form.id_number.value.trim() });
      clearSummary(form);
      render(out, result(p));
      out.querySelector('h2').focus();
    } catch (err) {
      const problems = fromError(form, err);
      showSummary(form, problems, () => {}, problems.length ? '' : err.message);
    }
  });
}

function result(p) {
  return html`<div class="card" id="pg-card">
    <h2 tabindex="-1">${p.number}</h2>
    <dl class="facts">
      <dt>${t('pg.status')}</dt><dd id="pg-status">${t('aidstatus.' + p.status)}</dd>
      <dt>${t('pg.received')}</dt><dd>${p.received_on}</dd>
      ${p.decision_due ? html`<dt>${t('pg.decisionDue')}</dt><dd id="pg-due">${p.decision_due}</dd>` : ''}
      ${p.decided_on ? html`<dt>${t('pg.decided')}</dt><dd>${p.decided_on}</dd>` : ''}
      <dt>${t('pg.next')}</dt><dd id="pg-next">${t('next.' + p.next_step)}${p.next_due ? t('pg.by', { date: p.next_due }) : ''}</dd>
    </dl></div>`;
}
