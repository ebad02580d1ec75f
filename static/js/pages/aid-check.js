// The wizard's own checks before moving on (the service checks everything
// again on submit), and the review of the answers on the last step.
import { t } from '../i18n.js';
import { named, ruleTitle } from '../i18n-aid.js';
import { html } from '../dom.js';
import { session } from '../session.js';
import { pathOf } from './aid.js';

// checkStep lists the problems of the step shown: [{name, msg}].
export function checkStep(form, state) {
  const v = (name) => form.elements[name]?.value?.trim() ?? '';
  const out = [];
  const need = (ok, name, key) => { if (!ok) out.push({ name, msg: t(key) }); };
  switch (state.step) {
    case 1:
      need(v('matter'), 'matter', 'wiz.need.matter');
      need(v('matter') !== 'civil_admin' || v('art31_item'), 'art31_item', 'wiz.need.item');
      break;
    case 2: {
      need(state.answer, 'answer', 'wiz.need.answer');
      need(state.answer !== 'none' || state.fallback, 'fallback', 'wiz.need.fallback');
      if (pathOf(form, state).path === 'art41_pledge') {
        const size = Number(v('household_size'));
        need(v('household_size') && size >= 1 && size <= 20, 'household_size', 'wiz.need.household');
        need(v('household_income') !== '' && Number(v('household_income')) >= 0, 'household_income', 'wiz.need.income');
      }
      break;
    }
    case 3:
      need(v('name').length >= 2, 'name', 'wiz.need.name');
      need(/^\d{17}[\dXx]$/.test(v('id_number')), 'id_number', 'wiz.need.id');
      need(session.user.role === 'aid_officer' || /^1\d{10}$/.test(v('phone').replace(/[\s-]/g, '')), 'phone', 'wiz.need.phone');
      need(v('relation') === 'self' || v('represented_name').length >= 2, 'represented_name', 'wiz.need.represented');
      need(v('summary').length >= 10, 'summary', 'wiz.need.summary');
      break;
    case 4:
      if (pathOf(form, state).path === 'art41_pledge') {
        need(form.elements.pledge_confirmed.checked && v('pledge_signature') === v('name'), 'pledge_signature', 'wiz.need.pledge');
      }
      need(form.elements.sensitive_consent.checked, 'sensitive_consent', 'wiz.need.consent');
      break;
  }
  return out;
}

// reviewList shows what was entered, each group with a link back to it.
export function reviewList(form, state, info) {
  const v = (name) => form.elements[name]?.value?.trim() ?? '';
  const { path, detail } = pathOf(form, state);
  const matter = v('matter');
  const row = (label, value, step) => html`<dt>${label}</dt><dd>${value || '—'}
    <button type="button" class="linklike" data-edit="${step}" aria-label="${t('wiz.edit')}: ${label}">${t('wiz.edit')}</button></dd>`;
  const item = matter === 'civil_admin' ? named('aid31.', v('art31_item'), info.art31_items)
    : matter === 'criminal' && v('criminal_category') ? named('aid25.', v('criminal_category'), info.criminal_categories) : '';
  const pathText = path ? `${ruleTitle(path, state.rule)}${detail ? ' · ' + (path === 'art32_no_hardship'
    ? named('aid32.', detail, info.art32_grounds) : named('aid42.', detail, info.art42_groups)) : ''}` : '';
  return html`
    ${row(t('rc.matter'), `${t('aidmatter.' + matter)}${item ? ' · ' + item : ''}`, 1)}
    ${row(t('rc.path'), pathText, 2)}
    ${path === 'art41_pledge' ? row(t('aid.householdSize') + ' / ' + t('aid.householdIncome'), `${v('household_size')} / ${v('household_income')}`, 2) : ''}
    ${row(t('aid.name'), `${v('name')}${v('relation') !== 'self' ? ` (${t('aid.relation.' + v('relation'))}: ${v('represented_name')})` : ''}`, 3)}
    ${row(t('aid.id'), v('id_number'), 3)}
    ${row(t('aid.phone'), v('phone'), 3)}
    ${row(t('aid.township'), [v('township'), v('address')].filter(Boolean).join(' '), 3)}
    ${row(t('aid.summary'), v('summary'), 3)}`;
}
