// The officer's case page: everything needed to decide, in groups (the
// applicant with the ID number masked and an audited "show", the matter,
// the economic path, the clocks, the materials, the lawyer), the letters
// and the timeline, then the actions (aid-actions.js). Kept apart from
// the board so that the case page can grow on its own.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { named, ruleTitle } from '../i18n-aid.js';
import { html, render, toast } from '../dom.js';
import { letterLinks } from '../letters.js';
import { dateCN, timeCN, todayCN } from '../dates.js';
import { actionsForm, wireActions } from './aid-actions.js';
import { bindGroups, groupsForm } from '../special-groups.js';
import { session } from '../session.js';

export async function show(main, id) {
  const [{ application: a, attachments, timeline }, sugs, info] = await Promise.all([
    api('GET', `/legal-aid/applications/${id}`),
    api('GET', `/legal-aid/applications/${id}/lawyer-suggestions`).then((r) => r.items).catch(() => []),
    api('GET', '/legal-aid/eligibility'),
  ]);
  const grounds = info.termination_grounds;
  render(main, html`
    <h1>${a.code} · ${a.name}</h1>
    <p><span class="aid-status" id="aid-status">${t('aidstatus.' + a.status)}</span>
      ${a.origin === 'notified' ? html` <span class="badge warn">${t('aid.notified')}</span> ${a.notice_organ} ${a.notice_case_no} · ${a.notice_date}` : ''}</p>
    ${a.materials_to_check ? html`<p class="alert" id="materials-to-check">${t('aid.materialsToCheck')}</p>` : ''}
    ${a.reported_ground ? html`<p class="alert">${t('aid.reported', { ground: named('aid48.', a.reported_ground, grounds), reason: a.reported_reason })}</p>` : ''}
    <div class="case-grid">
      ${applicant(a)}${matter(a, info)}${economic(a, info)}${clocks(a)}${materials(a, attachments)}
      <section class="card" id="case-lawyer" aria-labelledby="h-lawyer"><h2 id="h-lawyer">${t('case.lawyer')}</h2>
        <p id="lawyer-name">${a.lawyer_name || t('case.noLawyer')}</p>${a.conflict_override ? html`<p class="muted">${t('aid.override')}${t('p.colon')}${a.conflict_override}</p>` : ''}</section>
    </div>
    ${letterLinks(a, timeline)}
    <details><summary>${t('aid.timeline')}</summary><ol>${timeline.map((e) => html`<li>${when(e.at)} ${t('aidstatus.' + e.to)} ${e.reason} ${e.staff_note ?? ''}</li>`)}</ol></details>
    ${session.user?.role === 'aid_officer' ? groupsForm(a) : ''}
    ${actionsForm(a, sugs, info)}`);
  main.querySelector('#show-id')?.addEventListener('click', async (e) => {
    try {
      const full = await api('POST', `/legal-aid/applications/${id}/id-number`);
      main.querySelector('#case-id').textContent = full.id_number;
      const aided = main.querySelector('#case-aided-id');
      if (aided && full.aided_id_number) aided.textContent = full.aided_id_number;
      const note = main.querySelector('#id-shown');
      note.hidden = false;
      e.target.remove();
      note.focus();
    } catch (err) {
      toast(err.message);
    }
  });
  bindGroups(main, id, () => show(main, id));
  wireActions(main, id, () => show(main, id), a);
}

// when is a time as China reads it.
const when = (ts) => `${dateCN(ts)} ${timeCN(ts)}`;

// ageGroup is the group an age from the ID number falls in.
function ageGroup(age) {
  if (age == null) return '—';
  const group = age < 18 ? t('aid.minor') : age >= 60 ? t('aid.elderly') : t('case.adult');
  return `${t('aid.age', { age })} · ${group}`;
}

function applicant(a) {
  return html`<section class="card" id="case-applicant" aria-labelledby="h-applicant"><h2 id="h-applicant">${t('case.applicant')}</h2>
    <dl class="facts">
      <dt>${t('aid.name')}</dt><dd>${a.name}</dd>
      <dt>${t('aid.id')}</dt><dd><span id="case-id">${a.id_number || '—'}</span>
        ${a.id_number ? html`<button type="button" class="linklike" id="show-id">${t('case.show')}</button>` : ''}
        <span class="muted" id="id-shown" tabindex="-1" hidden>${t('case.shown')}</span></dd>
      <dt>${t('case.ageGroup')}</dt><dd id="case-age">${ageGroup(a.age)}</dd>
      <dt>${t('case.phone')}</dt><dd>${a.phone || '—'}</dd>
      <dt>${t('aid.address')}</dt><dd id="case-address">${a.address || '—'}</dd>
      <dt>${t('aid.township')}</dt><dd id="case-township">${a.township || '—'}</dd>
      <dt>${t('aid.relation')}</dt><dd>${t('aid.relation.' + a.relation)}</dd>
      ${a.relation !== 'self' ? html`<dt>${t('case.aided')}</dt><dd>${a.represented_name}
        · <span id="case-aided-id">${a.aided_id_number || '—'}</span> · ${ageGroup(a.aided_age)}</dd>` : ''}
      <dt>${t('case.veteran')}</dt><dd>${a.veteran ? t('case.yes') : t('case.no')}</dd>
    </dl></section>`;
}

function matter(a, info) {
  const left = a.limitation_date ? Math.round((Date.parse(a.limitation_date) - Date.parse(todayCN())) / 864e5) : null;
  return html`<section class="card" id="case-matter" aria-labelledby="h-matter"><h2 id="h-matter">${t('case.case')}</h2>
    <dl class="facts">
      <dt>${t('aid.matter')}</dt><dd id="case-matter-type">${named('aidmatter.', a.matter, info.matters)}</dd>
      ${a.art31_item ? html`<dt>${t('case.item31')}</dt><dd id="case-item">${named('aid31.', a.art31_item, info.art31_items)}</dd>` : ''}
      ${a.criminal_category ? html`<dt>${t('case.item25')}</dt><dd id="case-item">${named('aid25.', a.criminal_category, info.criminal_categories)}</dd>` : ''}
      <dt>${t('aid.opposing')}</dt><dd>${a.opposing_party || '—'}</dd>
      <dt>${t('case.limitation')}</dt><dd id="case-limitation">${a.limitation_date
    ? html`${a.limitation_date} <span class="badge ${left < 7 ? 'warn' : ''}">${t('case.daysLeft', { n: left })}</span>` : '—'}</dd>
      <dt>${t('case.urgent')}</dt><dd id="case-urgent">${a.urgent_preservation ? html`<span class="badge warn">${t('case.yes')}</span>` : t('case.no')}</dd>
      <dt>${t('aid.summary')}</dt><dd>${a.summary}</dd>
    </dl></section>`;
}

function economic(a, info) {
  const rule = info.items.find((r) => r.path === a.path);
  const detail = a.path === 'art32_no_hardship' ? named('aid32.', a.path_detail, info.art32_grounds)
    : a.path === 'art42_exempt' ? named('aid42.', a.path_detail, info.art42_groups) : a.path_detail;
  const pledge = a.path === 'art41_pledge';
  return html`<section class="card" id="case-economic" aria-labelledby="h-economic"><h2 id="h-economic">${t('case.economic')}</h2>
    <dl class="facts">
      <dt>${t('aid.path')}</dt><dd id="case-path">${ruleTitle(a.path, rule)}</dd>
      ${detail ? html`<dt>${t('case.pathDetail')}</dt><dd id="case-path-detail">${detail}</dd>` : ''}
      ${pledge ? html`<dt>${t('case.pledge')}</dt><dd>${t('case.pledgeSigned', { name: a.pledge_signed_name, version: a.pledge_version })}</dd>
        <dt>${t('aid.householdSize')}</dt><dd id="case-household">${a.household_size}</dd>
        <dt>${t('aid.householdIncome')}</dt><dd id="case-income">${a.household_income}
          (${t('case.perCapita', { n: Math.round(a.household_income / Math.max(1, a.household_size)) })})
          <span class="badge ${a.meets_standard ? '' : 'warn'}">${a.meets_standard ? t('aid.meets') : t('aid.notMeets')}</span></dd>
        <dt>${t('aid.assets')}</dt><dd>${a.notable_assets || '—'}</dd>` : ''}
    </dl></section>`;
}

function clocks(a) {
  return html`<section class="card" id="case-clocks" aria-labelledby="h-clocks"><h2 id="h-clocks">${t('case.clocks')}</h2>
    <dl class="facts">
      <dt>${t('case.complete')}</dt><dd>${a.complete_at ? when(a.complete_at) : '—'}</dd>
      <dt>${t('case.decisionDue')}</dt><dd id="case-due">${a.decision_due ?? '—'}${a.paused_days ? ` (${t('case.paused', { n: a.paused_days })})` : ''}</dd>
      ${a.decided_at ? html`<dt>${t('pg.decided')}</dt><dd>${dateCN(a.decided_at)}</dd>` : ''}
    </dl></section>`;
}

function materials(a, attachments) {
  const notice = a.materials_notice_at;
  return html`<section class="card" id="case-materials" aria-labelledby="h-materials"><h2 id="h-materials">${t('case.materials')}</h2>
    ${a.missing_materials ? html`<p id="case-requested">${t('case.requested', { date: dateCN(notice), list: a.missing_materials })}</p>
      <p>${t('case.supplementBy')}${t('p.colon')}<strong id="case-supplement-by">${a.supplement_by}</strong></p>` : ''}
    <h3>${t('case.uploaded')}</h3>
    ${attachments.length ? html`<ul class="list" id="case-files">${attachments.map((f) => html`<li><a href="/api/v1/legal-aid/attachments/${f.id}">${f.name}</a>
      <span class="muted">${when(f.created_at)}</span>
      ${notice && Date.parse(f.created_at) > Date.parse(notice) ? html` <span class="badge">${t('case.since')}</span>` : ''}</li>`)}</ul>` : html`<p>${t('case.noFiles')}</p>`}
    </section>`;
}
