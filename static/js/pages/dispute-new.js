// Taking a dispute in: at the desk, or from a consultation a lawyer
// referred to mediation, with what the consultation already says filled in.
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-mediation.js';
import { html, render, showErrors, toast } from '../dom.js';
import { session } from '../session.js';
import { whereOptions } from './dispute.js';

const types = ['neighbour', 'family', 'labour', 'land', 'contract', 'damages', 'other'];

export async function intake(main, consultationID) {
  if (session.user?.role !== 'mediator') {
    location.hash = '#/mediation';
    return;
  }
  const [{ items: committees, rooms }, referrals] = await Promise.all([api('GET', '/mediation/committees'),
    consultationID ? api('GET', '/mediation/referrals').then((r) => r.items) : Promise.resolve([])]);
  const r = referrals.find((x) => x.consultation_id === consultationID) ?? null;
  const townships = committees.filter((c) => c.kind === 'township').map((c) => c.township);
  const township = r?.township ?? '';
  render(main, html`
    <p><a href="#/mediation">${t('md.back')}</a></p>
    <h1>${t('dp.newTitle')}</h1>
    ${r ? html`<aside class="record" id="dp-origin" aria-label="${t('dp.fromConsultation')}"><p><strong>${t('dp.fromConsultation')}</strong></p>
      <p class="muted">${t('dp.origin', { site: r.site_name, lawyer: r.lawyer_name, date: r.at.slice(0, 10), category: r.category })}</p>
      <p>${r.summary}</p>${r.phone ? html`<p class="muted">${t('dp.carried', { phone: r.phone })}</p>` : ''}</aside>` : ''}
    <form id="dp-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="dp-type">${t('dp.type')}</label>
      <select id="dp-type" name="type">${types.map((x) => html`<option value="${x}" ${x === r?.suggested_type ? html`selected` : ''}>${t('mdtype.' + x)}</option>`)}</select>
      <label for="dp-township">${t('md.township')}</label>
      <select id="dp-township" name="township"><option value=""></option>${townships.map((x) => html`<option value="${x}" ${x === township ? html`selected` : ''}>${x}</option>`)}</select>
      <label for="dp-summary">${t('dp.summary')}</label>
      <textarea id="dp-summary" name="summary" rows="4" maxlength="2000">${r?.summary ?? ''}</textarea>
      <input type="hidden" id="dp-parties-field" name="parties">
      <div id="dp-parties">${party(0, 'applicant', r?.person_name ?? '')}${party(1, 'respondent', '')}</div>
      <p><button type="button" class="btn secondary" id="dp-add">${t('dp.addParty')}</button></p>
      <label for="dp-where">${t('dp.assignTo')}</label>
      <select id="dp-where" name="where"><option value="">${t('dp.later')}</option>${whereOptions(committees, rooms)}</select>
      <p><button class="btn" id="dp-submit">${t('dp.submit')}</button></p>
    </form>`);
  const form = main.querySelector('#dp-form');
  let n = 2;
  main.querySelector('#dp-add').addEventListener('click', () => {
    main.querySelector('#dp-parties').insertAdjacentHTML('beforeend', String(party(n, 'respondent', '')));
    main.querySelector(`#pt-name-${n}`).focus();
    n++;
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { type: form.type.value, township: form.township.value, summary: form.summary.value, parties: [] };
    for (const fs of form.querySelectorAll('fieldset[data-party]')) {
      const i = fs.dataset.party;
      body.parties.push({ role: fs.querySelector(`#pt-role-${i}`).value, name: fs.querySelector(`#pt-name-${i}`).value,
        phone: fs.querySelector(`#pt-phone-${i}`).value, id_number: fs.querySelector(`#pt-id-${i}`).value });
    }
    if (r) body.consultation_id = r.consultation_id;
    const [kind, id] = form.where.value.split(':');
    if (id) body[kind === 'room' ? 'room_site_id' : 'committee_id'] = Number(id);
    try {
      const d = await api('POST', '/disputes', body);
      toast(t('dp.created', { number: d.number }));
      location.hash = `#/dispute/${d.id}`;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showErrors(form, err);
    }
  });
}

function party(i, role, name) {
  return html`<fieldset data-party="${i}"><legend>${t('dp.party')} ${i + 1}</legend>
    <label for="pt-role-${i}">${t('dp.role')}</label>
    <select id="pt-role-${i}">${['applicant', 'respondent'].map((x) => html`<option value="${x}" ${x === role ? html`selected` : ''}>${t('mdrole.' + x)}</option>`)}</select>
    <label for="pt-name-${i}">${t('dp.name')}</label><input id="pt-name-${i}" maxlength="50" value="${name}" autocomplete="off">
    <label for="pt-phone-${i}">${t('dp.phone')}</label><input id="pt-phone-${i}" type="tel" inputmode="numeric" maxlength="11" autocomplete="off">
    <label for="pt-id-${i}">${t('dp.id')}</label><input id="pt-id-${i}" maxlength="18" autocomplete="off"></fieldset>`;
}
