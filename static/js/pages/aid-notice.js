// An officer registers a criminal defence notified by a court, procuratorate
// or public-security organ (Arts. 25, 28, 36): not an application, no
// economic check, never refused, a lawyer within three days of receipt.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { session } from '../session.js';

export async function show(main) {
  if (session.user?.role !== 'aid_officer') {
    location.hash = '#/login';
    return;
  }
  const { criminal_categories: categories } = await api('GET', '/legal-aid/eligibility');
  render(main, html`
    <h1>${t('aid.registerNotice')}</h1>
    <p class="muted">${t('aid.noticeHint')}</p>
    <form id="notice-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="organ">${t('aid.organ')}</label>
      <select id="organ" name="organ">${['court', 'procuratorate', 'police'].map((o) => html`<option value="${o}">${t('aid.organ.' + o)}</option>`)}</select>
      <label for="organ_name">${t('aid.organName')}</label><input id="organ_name" name="organ_name" maxlength="30">
      <label for="case_number">${t('aid.caseNumber')}</label><input id="case_number" name="case_number" maxlength="50" required>
      <label for="notice_date">${t('aid.noticeDate')}</label><input id="notice_date" name="notice_date" type="date" required>
      <label for="category">${t('aid.category')}</label>
      <select id="category" name="category">${Object.entries(categories).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>
      <label for="name">${t('aid.accused')}</label><input id="name" name="name" maxlength="30" required>
      <label for="id_number">${t('aid.idOptional')}</label><input id="id_number" name="id_number" maxlength="18">
      <label for="summary">${t('aid.summary')}</label><textarea id="summary" name="summary" rows="3" maxlength="2000"></textarea>
      <p><button class="btn" id="notice-submit">${t('aid.registerNotice')}</button></p>
    </form>`);
  const form = main.querySelector('#notice-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(form));
    try {
      const a = await api('POST', '/legal-aid/notices', body);
      toast(t('aid.registered', { code: a.code }));
      location.hash = `#/aid-queue/${a.id}`;
    } catch (err) {
      showErrors(form, err);
    }
  });
}
