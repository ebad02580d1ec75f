// The legal-aid application as a wizard of four steps: the problem, the
// economic status asked as plain questions that choose the statutory path
// (the service's rules, with the article shown as the reason), the person
// and the case with only the fields that apply, then a review with the
// pledge and the separate consent. Problems are listed at the top with
// links to their fields; the answer is a receipt (aid-receipt.js).
import { api, listAll } from '../api.js';
import { getLang, t } from '../i18n.js';
import { html, render } from '../dom.js';
import { session } from '../session.js';
import { clearSummary, fromError, showSummary } from '../errorsummary.js';
import { stepFour, stepNames, stepOne, stepThree, stepTwo } from './aid-steps.js';
import { receipt } from './aid-receipt.js';
import { checkStep, reviewList } from './aid-check.js';

let info = null;

export async function show(main) {
  // Residents apply online; officers enter walk-in applications at the window.
  if (!['resident', 'aid_officer'].includes(session.user?.role)) {
    location.hash = '#/login/resident/aid';
    return;
  }
  info ??= await api('GET', '/legal-aid/eligibility');
  const referral = session.user.role === 'resident'
    ? (await api('GET', '/me/referrals?kind=legal_aid').catch(() => ({ items: [] }))).items[0] : null;
  render(main, html`
    <h1>${t('aid.title')}</h1>
    <p><a href="#/aid-progress">${t('wiz.progressLink')}</a></p>
    <ol class="wiz-steps" aria-label="${t('wiz.progress')}">${stepNames.map((k, i) => html`<li data-step="${i + 1}">${t(k)}</li>`)}</ol>
    <form id="aid-form" novalidate data-alias='{"path":"answer","path_detail":"answer"}'>
      <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="aid-form-errors-title" hidden></div>
      ${[stepOne(info), '', stepThree(referral), stepFour()].map((body, i) => html`
        <fieldset data-step="${i + 1}" ${i ? html`hidden` : ''}>
          <legend><span class="wiz-count">${t('wiz.step', { n: i + 1, total: 4 })}</span> ${t(stepNames[i])}</legend>
          <div class="step-body">${body}</div>
          <p class="row wrap">${i ? html`<button type="button" class="btn secondary" data-back>${t('wiz.back')}</button>` : ''}
            ${i < 3 ? html`<button type="button" class="btn" data-next>${t('wiz.next')}</button>` : ''}</p>
        </fieldset>`)}
    </form>`);
  const form = main.querySelector('#aid-form');
  const state = { step: 1, answer: '', fallback: '', rule: null };
  wire(main, form, state);
  go(main, form, state, 1);
  listAll('/sites?tier=station').then((list) => {
    const dl = form.querySelector('#townships');
    for (const s of list) dl?.append(new Option(s.township));
  }).catch(() => {});
}

function wire(main, form, state) {
  form.matter.addEventListener('change', () => toggleMatter(form));
  form.relation.addEventListener('change', () => {
    form.querySelector('#on-behalf').hidden = form.relation.value === 'self';
  });
  form.addEventListener('click', (e) => {
    if (e.target.closest('[data-next]')) next(main, form, state);
    if (e.target.closest('[data-back]')) go(main, form, state, state.step - 1);
    const edit = e.target.closest('[data-edit]');
    if (edit) go(main, form, state, Number(edit.dataset.edit));
  });
  form.addEventListener('change', (e) => {
    if (e.target.name === 'answer' || e.target.name === 'fallback') choosePath(form, state);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(main, form, state);
  });
}

function toggleMatter(form) {
  const m = form.matter.value;
  form.querySelector('#item-31').hidden = m !== 'civil_admin';
  form.querySelector('#item-25').hidden = m !== 'criminal';
  form.querySelector('.not-criminal').hidden = m === 'criminal';
}

// go shows step n, tells where the person is, and moves focus to the step.
function go(main, form, state, n) {
  state.step = n;
  if (n === 2) {
    const body = form.querySelector('fieldset[data-step="2"] .step-body');
    const keep = form.querySelector('[name="household_size"]') ? readHousehold(form) : null;
    render(body, stepTwo(info, form.matter.value, form.art31_item.value, state));
    if (keep) Object.entries(keep).forEach(([k, v]) => { form.elements[k].value = v; });
    choosePath(form, state);
  }
  if (n === 4) review(form, state);
  for (const fs of form.querySelectorAll('fieldset[data-step]')) fs.hidden = Number(fs.dataset.step) !== n;
  for (const li of main.querySelectorAll('.wiz-steps li')) {
    const i = Number(li.dataset.step);
    li.classList.toggle('done', i < n);
    if (i === n) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  }
  form.querySelector(`fieldset[data-step="${n}"] legend`).scrollIntoView?.({ block: 'start' });
}

function readHousehold(form) {
  return { household_size: form.household_size.value, household_income: form.household_income.value, notable_assets: form.notable_assets.value };
}

function next(main, form, state) {
  const problems = checkStep(form, state);
  if (problems.length) {
    showSummary(form, problems);
    return;
  }
  clearSummary(form);
  go(main, form, state, state.step + 1);
  form.querySelector(`fieldset[data-step="${state.step}"] legend`).setAttribute('tabindex', '-1');
  form.querySelector(`fieldset[data-step="${state.step}"] legend`).focus();
}

// pathOf is the statutory path and detail the answers choose.
export function pathOf(form, state) {
  const answer = form.querySelector('[name="answer"]:checked')?.value ?? state.answer;
  const q = info.questions.find((x) => x.key === answer);
  if (q) return { path: q.path, detail: q.detail };
  const fb = form.querySelector('[name="fallback"]:checked')?.value;
  return { path: answer === 'none' ? fb ?? '' : '', detail: '' };
}

async function choosePath(form, state) {
  state.answer = form.querySelector('[name="answer"]:checked')?.value ?? '';
  state.fallback = form.querySelector('[name="fallback"]:checked')?.value ?? '';
  form.querySelector('#fallback').hidden = state.answer !== 'none';
  const { path } = pathOf(form, state);
  form.querySelector('#household').hidden = path !== 'art41_pledge';
  const box = form.querySelector('#path-explain');
  if (!path) {
    box.innerHTML = '';
    state.rule = null;
    return;
  }
  const rule = await api('GET', `/legal-aid/eligibility?matter=${form.matter.value}&path=${path}`);
  state.rule = rule;
  const en = getLang() === 'en';
  render(box, html`<div class="card reason" id="path-reason"><p><strong>${reasonOf(path, rule)}</strong></p>
    <p>${en ? rule.explanation_en : rule.explanation}</p><ul>${(en ? rule.requirements_en : rule.requirements).map((r) => html`<li>${r}</li>`)}</ul></div>`);
}

// reasonOf names the article that applies, in the page's language.
function reasonOf(path, rule) {
  const en = getLang() === 'en';
  return t('wiz.reason', { article: en ? t('aidart.' + path) : rule.article, title: en ? t('aidpath.' + path) : rule.title });
}

function review(form, state) {
  render(form.querySelector('#review'), reviewList(form, state, info));
  const pledge = state.rule?.pledge;
  form.querySelector('#pledge-sign').hidden = !pledge;
  render(form.querySelector('#pledge-texts'), html`${(pledge ?? []).map((p) => html`<p class="pledge">${p}</p>`)}`);
}

async function submit(main, form, state) {
  const problems = checkStep(form, state);
  if (problems.length) {
    showSummary(form, problems, (name) => jump(main, form, state, name));
    return;
  }
  const v = (name) => form.elements[name]?.value?.trim() ?? '';
  const on = (name) => Boolean(form.elements[name]?.checked);
  const { path, detail } = pathOf(form, state);
  const matter = v('matter');
  const criminal = matter === 'criminal';
  const body = {
    matter, art31_item: matter === 'civil_admin' ? v('art31_item') : '', criminal_category: criminal ? v('criminal_category') : '',
    path, path_detail: detail, name: v('name'), id_number: v('id_number'), phone: v('phone'), address: v('address'),
    township: v('township'), relation: v('relation'), veteran: on('veteran'), summary: v('summary'),
    represented_name: v('relation') === 'self' ? '' : v('represented_name'), aided_id_number: v('relation') === 'self' ? '' : v('aided_id_number'),
    opposing_party: criminal ? '' : v('opposing_party'), limitation_date: criminal ? '' : v('limitation_date'),
    urgent_preservation: !criminal && on('urgent_preservation'), sensitive_consent: on('sensitive_consent'),
  };
  if (path === 'art41_pledge') {
    Object.assign(body, { household_size: Number(v('household_size') || 0), household_income: Number(v('household_income') || 0),
      notable_assets: v('notable_assets'), pledge_confirmed: on('pledge_confirmed'), pledge_signature: v('pledge_signature') });
  }
  try {
    const app = await api('POST', '/legal-aid/applications', body);
    const centre = await listAll('/sites?tier=legal_aid').then((l) => l.find((s) => s.active !== false)).catch(() => null);
    render(main, receipt(app, state.rule, centre));
    main.querySelector('#aid-receipt h2')?.focus();
    main.querySelector('#print-receipt')?.addEventListener('click', () => window.print());
  } catch (err) {
    showSummary(form, fromError(form, err), (name) => jump(main, form, state, name), err.fields && Object.keys(err.fields).length ? '' : err.message);
  }
}

// jump shows the step that holds a field named in the summary.
function jump(main, form, state, name) {
  const alias = JSON.parse(form.dataset.alias)[name] ?? name;
  const fs = form.querySelector(`[name="${alias}"]`)?.closest('fieldset[data-step]');
  if (fs && Number(fs.dataset.step) !== state.step) go(main, form, state, Number(fs.dataset.step));
}
