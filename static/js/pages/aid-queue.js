// The officers' triage board, in columns by where each application stands
// with a count per column, filterable by status, township and matter;
// #/aid-queue/<id> opens the case page (aid-case.js).
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import { named } from '../i18n-aid.js';
import '../i18n-aidact.js';
import { html, render } from '../dom.js';
import { session } from '../session.js';
import * as casePage from './aid-case.js';

const statuses = ['received', 'materials_requested', 'approved', 'assigned', 'objection_pending',
  'withdrawn', 'deemed_withdrawn', 'refused', 'closed', 'terminated'];
// The board's columns: the open steps; anything else (a chosen closed
// status) goes under "other".
const columns = ['received', 'materials_requested', 'approved', 'objection_pending', 'assigned'];
const filter = { status: '', township: '', matter: '' };
let townships = null;

export async function show(main, [id = '']) {
  if (!['aid_officer', 'admin'].includes(session.user?.role)) {
    location.hash = '#/login';
    return;
  }
  if (id) return casePage.show(main, Number(id));
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const [{ items }, info] = await Promise.all([api('GET', '/legal-aid/queue?' + q), api('GET', '/legal-aid/eligibility')]);
  townships ??= await listAll('/sites?tier=station').then((l) => l.map((s) => s.township)).catch(() => []);
  const by = Object.fromEntries([...columns, 'other'].map((c) => [c, []]));
  for (const it of items) (by[it.status] ?? by.other).push(it);
  const shown = [...columns, 'other'].filter((c) => by[c].length || (!filter.status && !['other', 'assigned'].includes(c)) || c === filter.status);
  render(main, html`
    <h1>${t('aid.queue')}</h1>
    <p class="row wrap"><a class="btn secondary" href="#/aid">${t('aid.walkIn')}</a>
      <a class="btn secondary" href="#/aid-notice" id="register-notice">${t('aid.registerNotice')}</a></p>
    <form id="board-filters" class="filters" aria-label="${t('board.filters')}">
      ${select('f-status', 'status', t('board.status'), [['', t('board.open')], ...statuses.map((s) => [s, t('aidstatus.' + s)])])}
      ${select('f-township', 'township', t('board.township'), [['', t('board.all')], ...townships.map((n) => [n, n])])}
      ${select('f-matter', 'matter', t('board.matter'), [['', t('board.all')], ...Object.keys(info.matters).map((m) => [m, named('aidmatter.', m, info.matters)])])}
      <p><button type="submit" class="btn">${t('board.apply')}</button></p>
    </form>
    <p class="muted" id="board-total">${t('board.total', { n: items.length })}${filter.status ? '' : html`${t('p.comma')}${t('board.openNote')}`}</p>
    <div class="board" id="aid-queue">${shown.map((c) => html`
      <section aria-labelledby="col-${c}" data-column="${c}"><h2 id="col-${c}">${t(heading(c))}<span class="count" data-count="${c}">${by[c].length}</span></h2>
        ${by[c].length ? html`<ul class="list">${by[c].map(card)}</ul>` : html`<p class="muted">${t('board.empty')}</p>`}</section>`)}</div>`);
  main.querySelector('#board-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target;
    Object.assign(filter, { status: f.status.value, township: f.township.value, matter: f.matter.value });
    show(main, []);
  });
}

// heading is a column's title: the open board ("在办") lists of the
// assigned cases only those given aid first and still to be decided.
function heading(c) {
  return c === 'assigned' && !filter.status ? 'board.col.advance' : 'board.col.' + c;
}

function select(id, name, label, options) {
  return html`<div><label for="${id}">${label}</label><select id="${id}" name="${name}">
    ${options.map(([v, text]) => html`<option value="${v}" ${filter[name] === v ? html`selected` : ''}>${text}</option>`)}</select></div>`;
}

function card(q) {
  return html`<li>
    <a href="#/aid-queue/${q.id}"><strong>${q.code}</strong> ${q.name}</a> · ${t('aidstatus.' + q.status)} ${ageBadges(q.age)}
    ${q.township ? html`<span class="muted">${q.township}</span>` : ''}
    ${q.origin === 'notified' ? html`<span class="badge warn">${t('aid.notified')}</span>` : ''}
    ${q.clock.step ? html`<span class="step" data-step="${q.clock.step}">${t('aidstep.' + q.clock.step)}</span>` : ''}
    ${(q.clock.pending ?? []).map((p) => html` <span class="badge">${t('aidpending.' + p)}</span>`)}
    ${q.clock.advance_aid ? html`<span class="badge warn">${t('aid.advance')}</span>` : ''}
    ${q.clock.priority_group ? html`<span class="badge">${t('aid.priority')}</span>` : ''}
    ${q.clock.due ? html`<span class="muted">${t('aid.due', { date: q.clock.due })}</span>` : ''}
    ${q.clock.due_today ? html`<span class="badge warn">${t('aid.dueToday')}</span>` : ''}
    ${q.clock.overdue ? html`<span class="badge warn">${t('aid.overdue')}</span>` : ''}
  </li>`;
}

// ageBadges shows an age from the ID number, with the priority groups.
function ageBadges(age) {
  if (age == null) return '';
  const group = age < 18 ? t('aid.minor') : age >= 60 ? t('aid.elderly') : '';
  return html`<span class="muted">${t('aid.age', { age })}</span>${group ? html` <span class="badge">${group}</span>` : ''}`;
}
