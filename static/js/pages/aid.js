// The legal-aid application form, step by step: the matter and the
// economic-status path explained with its article before anything is sent,
// the applicant, the case, the separate consent; then materials.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors } from '../dom.js';
import { session } from '../session.js';

let info = null;

export async function show(main) {
  // Residents apply online; officers enter walk-in applications at the window.
  if (!['resident', 'aid_officer'].includes(session.user?.role)) {
    location.hash = '#/login';
    return;
  }
  info ??= await api('GET', '/legal-aid/eligibility');
  const referral = session.user.role === 'resident'
    ? (await api('GET', '/me/referrals?kind=legal_aid').catch(() => ({ items: [] }))).items[0] : null;
  render(main, html`
    <h1>${t('aid.title')}</h1>
    <form id="aid-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <fieldset><legend>${t('aid.step1')}</legend>
        <label for="matter">${t('aid.matter')}</label>
        <select id="matter" name="matter">${Object.entries(info.matters).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>
        <label for="art31_item">${t('aid.art31')}</label>
        <select id="art31_item" name="art31_item"><option value="">—</option>
          ${Object.entries(info.art31_items).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>
        <label for="criminal_category">${t('aid.criminal')}</label>
        <select id="criminal_category" name="criminal_category"><option value="">—</option>
          ${Object.entries(info.criminal_categories).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>
        <p id="path-label" class="label">${t('aid.path')}</p>
        <div role="radiogroup" aria-labelledby="path-label">${info.items.map((r) => html`
          <label class="choice"><input type="radio" name="path" value="${r.path}"> <strong>${r.title}</strong>（${r.article}）</label>`)}</div>
        <section id="path-explain" aria-live="polite"></section>
      </fieldset>
      <fieldset><legend>${t('aid.step2')}</legend>
        <label for="name">${t('aid.name')}</label><input id="name" name="name" autocomplete="name" required>
        <label for="id_number">${t('aid.id')}</label><input id="id_number" name="id_number" maxlength="18" required>
        ${session.user.role === 'aid_officer'
    ? html`<label for="phone">${t('aid.phoneWalkIn')}</label><input id="phone" name="phone" type="tel">`
    : html`<label for="phone">${t('aid.phone')}</label><input id="phone" name="phone" type="tel" inputmode="numeric" required>`}
        <label for="address">${t('aid.address')}</label><input id="address" name="address">
        <label for="township">${t('aid.township')}</label><input id="township" name="township">
        <label for="relation">${t('aid.relation')}</label>
        <select id="relation" name="relation">${['self', 'legal_representative', 'close_relative'].map((r) => html`<option value="${r}">${t('aid.relation.' + r)}</option>`)}</select>
        <label for="represented_name">${t('aid.represented')}</label><input id="represented_name" name="represented_name">
        <label for="aided_id_number">${t('aid.aidedId')}</label><input id="aided_id_number" name="aided_id_number" maxlength="18">
        <label class="choice"><input type="checkbox" name="veteran"> ${t('aid.veteran')}</label>
      </fieldset>
      <fieldset><legend>${t('aid.step3')}</legend>
        <label for="opposing_party">${t('aid.opposing')}</label><input id="opposing_party" name="opposing_party">
        ${referral ? html`<p class="ok">${t('aid.fromReferral', { site: referral.site_name })}</p>` : ''}
        <label for="summary">${t('aid.summary')}</label><textarea id="summary" name="summary" rows="5" maxlength="2000" required>${referral?.summary ?? ''}</textarea>
        <label for="limitation_date">${t('aid.limitation')}</label><input id="limitation_date" name="limitation_date" type="date">
        <label class="choice"><input type="checkbox" name="urgent_preservation"> ${t('aid.urgent')}</label>
      </fieldset>
      <fieldset><legend>${t('aid.step4')}</legend>
        <label class="choice"><input type="checkbox" name="sensitive_consent"> ${t('aid.consent')}</label>
        <p><button type="submit" class="btn" id="aid-submit">${t('aid.submit')}</button></p>
      </fieldset>
    </form>
    <section id="aid-done" aria-live="polite"></section>`);
  const form = main.querySelector('#aid-form');
  for (const r of form.querySelectorAll('[name="path"]')) r.addEventListener('change', () => explain(form));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(main, form);
  });
}

async function explain(form) {
  const path = form.querySelector('[name="path"]:checked')?.value;
  const rule = await api('GET', `/legal-aid/eligibility?matter=${form.matter.value}&path=${path}`);
  render(form.querySelector('#path-explain'), html`
    <div class="card"><p><strong>${rule.article}</strong>：${rule.explanation}</p>
      <ul>${rule.requirements.map((r) => html`<li>${r}</li>`)}</ul>
      ${rule.options ? html`<label for="path_detail">${t('aid.detail')}</label>
        <select id="path_detail" name="path_detail">${Object.entries(rule.options).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select>` : ''}
      ${rule.pledge ? html`
        <p class="muted">${t('aid.standard', { amount: info.hardship_standard.monthly_per_capita, source: info.hardship_standard.source })}</p>
        <label for="household_size">${t('aid.householdSize')}</label><input id="household_size" name="household_size" type="number" min="1" max="20" inputmode="numeric">
        <label for="household_income">${t('aid.householdIncome')}</label><input id="household_income" name="household_income" type="number" min="0" inputmode="numeric">
        <label for="notable_assets">${t('aid.assets')}</label><input id="notable_assets" name="notable_assets" maxlength="200">
        ${rule.pledge.map((p) => html`<p class="pledge">${p}</p>`)}
        <label class="choice"><input type="checkbox" name="pledge_confirmed"> ${t('aid.pledgeConfirm')}</label>
        <label for="pledge_signature">${t('aid.signature')}</label><input id="pledge_signature" name="pledge_signature">` : ''}
    </div>`);
}

async function submit(main, form) {
  const v = (name) => form.elements[name]?.value ?? '';
  const on = (name) => Boolean(form.elements[name]?.checked);
  const body = {
    matter: v('matter'), art31_item: v('matter') === 'civil_admin' ? v('art31_item') : '', criminal_category: v('matter') === 'criminal' ? v('criminal_category') : '', path: form.querySelector('[name="path"]:checked')?.value ?? '', path_detail: v('path_detail'),
    pledge_confirmed: on('pledge_confirmed'), pledge_signature: v('pledge_signature'), name: v('name'), id_number: v('id_number'),
    phone: v('phone'), address: v('address'), township: v('township'), relation: v('relation'), represented_name: v('represented_name'),
    veteran: on('veteran'), opposing_party: v('opposing_party'), summary: v('summary'), limitation_date: v('limitation_date'),
    urgent_preservation: on('urgent_preservation'), sensitive_consent: on('sensitive_consent'), aided_id_number: v('aided_id_number'),
    household_size: Number(v('household_size') || 0), household_income: Number(v('household_income') || 0), notable_assets: v('notable_assets'),
  };
  try {
    const app = await api('POST', '/legal-aid/applications', body);
    form.remove();
    render(main.querySelector('#aid-done'), html`<p class="ok" id="aid-code">${t('aid.submitted', { code: app.code })}</p>
      <p><a class="btn" href="${session.user.role === 'resident' ? '#/aid-mine' : '#/aid-queue'}">${t('nav.myAid')}</a></p>`);
  } catch (err) {
    showErrors(form, err);
  }
}
