// The four steps of the legal-aid wizard, as templates. The questions and
// the paths they choose come from the service (GET /legal-aid/eligibility).
import { t } from '../i18n.js';
import { named } from '../i18n-aid.js';
import { html } from '../dom.js';
import { session } from '../session.js';

export const stepNames = ['wiz.s1', 'wiz.s2', 'wiz.s3', 'wiz.s4'];

export function stepOne(info) {
  return html`
    <label for="matter">${t('wiz.matterQ')}</label>
    <select id="matter" name="matter"><option value="">${t('wiz.choose')}</option>
      ${Object.keys(info.matters).map((k) => html`<option value="${k}">${t('aidmatter.' + k)}</option>`)}</select>
    <div id="item-31" hidden>
      <label for="art31_item">${t('wiz.itemQ')}</label>
      <select id="art31_item" name="art31_item"><option value="">${t('wiz.choose')}</option>
        ${Object.keys(info.art31_items).map((k) => html`<option value="${k}">${named('aid31.', k, info.art31_items)}</option>`)}</select>
    </div>
    <div id="item-25" hidden>
      <label for="criminal_category">${t('wiz.criminalQ')}</label>
      <select id="criminal_category" name="criminal_category"><option value="">${t('wiz.criminalNone')}</option>
        ${Object.keys(info.criminal_categories).map((k) => html`<option value="${k}">${named('aid25.', k, info.criminal_categories)}</option>`)}</select>
    </div>`;
}

// applies says whether a question fits the matter (and Art. 31 item).
export function applies(q, matter, item) {
  if (q.matters?.length && !q.matters.includes(matter)) return false;
  return matter !== 'civil_admin' || !q.art31_items?.length || q.art31_items.includes(item);
}

export function stepTwo(info, matter, item, { answer, fallback }) {
  const qs = info.questions.filter((q) => applies(q, matter, item));
  return html`
    <p id="answer-label" class="label">${t('wiz.eligQ')}</p>
    <div role="radiogroup" aria-labelledby="answer-label" id="answers">
      ${qs.map((q) => html`<label class="choice big"><input type="radio" name="answer" value="${q.key}" ${answer === q.key ? html`checked` : ''}>
        <span>${t('aidq.' + q.key)}</span></label>`)}
      <label class="choice big"><input type="radio" name="answer" value="none" ${answer === 'none' ? html`checked` : ''}> <span>${t('wiz.none')}</span></label>
    </div>
    <div id="fallback" hidden>
      <p id="fallback-label" class="label">${t('wiz.noneHow')}</p>
      <div role="radiogroup" aria-labelledby="fallback-label">
        <label class="choice big"><input type="radio" name="fallback" value="art41_pledge" ${fallback === 'art41_pledge' ? html`checked` : ''}> <span>${t('wiz.pledgeOpt')}</span></label>
        <label class="choice big"><input type="radio" name="fallback" value="proof_documents" ${fallback === 'proof_documents' ? html`checked` : ''}> <span>${t('wiz.proofOpt')}</span></label>
      </div>
    </div>
    <section id="path-explain" aria-live="polite"></section>
    <div id="household" hidden>
      <p class="muted">${t('aid.standard', { amount: info.hardship_standard.monthly_per_capita, source: info.hardship_standard.source })}</p>
      <label for="household_size">${t('aid.householdSize')}</label><input id="household_size" name="household_size" type="number" min="1" max="20" inputmode="numeric">
      <label for="household_income">${t('aid.householdIncome')}</label><input id="household_income" name="household_income" type="number" min="0" inputmode="numeric">
      <label for="notable_assets">${t('aid.assets')}</label><input id="notable_assets" name="notable_assets" maxlength="200">
    </div>`;
}

export function stepThree(referral) {
  const officer = session.user.role === 'aid_officer';
  return html`
    <h3>${t('wiz.aboutYou')}</h3>
    <label for="relation">${t('wiz.who')}</label>
    <select id="relation" name="relation">${['self', 'legal_representative', 'close_relative'].map((r) => html`<option value="${r}">${t('aid.relation.' + r)}</option>`)}</select>
    <label for="name">${t('aid.name')}</label><input id="name" name="name" autocomplete="name">
    <label for="id_number">${t('aid.id')}</label><input id="id_number" name="id_number" maxlength="18" autocomplete="off" spellcheck="false">
    ${officer ? html`<label for="phone">${t('aid.phoneWalkIn')}</label><input id="phone" name="phone" type="tel">`
    : html`<label for="phone">${t('aid.phone')}</label><input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel">`}
    <label for="township">${t('aid.township')}</label><input id="township" name="township" list="townships" maxlength="30">
    <datalist id="townships"></datalist>
    <label for="address">${t('aid.address')}</label><input id="address" name="address" maxlength="200" autocomplete="street-address">
    <div id="on-behalf" hidden>
      <label for="represented_name">${t('aid.represented')}</label><input id="represented_name" name="represented_name" maxlength="30">
      <label for="aided_id_number">${t('aid.aidedId')}</label><input id="aided_id_number" name="aided_id_number" maxlength="18" autocomplete="off">
    </div>
    <label class="choice"><input type="checkbox" name="veteran"> ${t('aid.veteran')}</label>
    <h3>${t('wiz.aboutCase')}</h3>
    ${referral ? html`<p class="ok">${t('aid.fromReferral', { site: referral.site_name })}</p>` : ''}
    <label for="summary">${t('aid.summary')}</label>
    <p class="muted" id="summary-hint">${t('wiz.summaryHint')}</p>
    <textarea id="summary" name="summary" rows="5" maxlength="2000" aria-describedby="summary-hint">${referral?.summary ?? ''}</textarea>
    <div class="not-criminal">
      <label for="opposing_party">${t('aid.opposing')}</label><input id="opposing_party" name="opposing_party" maxlength="100">
      <label for="limitation_date">${t('aid.limitation')}</label>
      <p class="muted" id="limitation-hint">${t('wiz.noLimitation')}</p>
      <input id="limitation_date" name="limitation_date" type="date" aria-describedby="limitation-hint">
      <label class="choice"><input type="checkbox" name="urgent_preservation"> ${t('aid.urgent')}</label>
    </div>`;
}

export function stepFour() {
  return html`
    <h3>${t('wiz.review')}</h3>
    <dl class="facts" id="review"></dl>
    <div id="pledge-sign" hidden>
      <h3>${t('wiz.sign')}</h3>
      <div id="pledge-texts"></div>
      <label class="choice"><input type="checkbox" name="pledge_confirmed"> ${t('aid.pledgeConfirm')}</label>
      <label for="pledge_signature">${t('aid.signature')}</label><input id="pledge_signature" name="pledge_signature" maxlength="30">
    </div>
    <label class="choice"><input type="checkbox" name="sensitive_consent"> ${t('aid.consent')}</label>
    <p><button type="submit" class="btn" id="aid-submit">${t('aid.submit')}</button></p>`;
}
