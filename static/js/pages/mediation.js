// The mediation desk: the board of disputes by column with their 30-day
// clocks (overdue and near-due highlighted, counts per column), the
// consultations lawyers referred to mediation, and a township filter.
// #/mediation shows the open columns, #/mediation/<status> one closed
// column, #/mediation/<open|status>/<township> one township's.
import { api } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-mediation.js';
import { html, render } from '../dom.js';
import { session } from '../session.js';

const open = ['accepted', 'mediating'];
const closed = ['resolved', 'unresolved', 'withdrawn'];

export async function show(main, [col = 'open', town = '']) {
  const role = session.user?.role;
  if (!['mediator', 'admin'].includes(role)) {
    location.hash = '#/login/staff/mediation';
    return;
  }
  const township = decodeURIComponent(town);
  const statuses = closed.includes(col) ? [col] : open;
  const q = `status=${statuses.join(',')}${township ? '&township=' + encodeURIComponent(township) : ''}`;
  const [board, { items: committees }, referrals] = await Promise.all([
    api('GET', `/disputes?${q}`),
    api('GET', '/mediation/committees'),
    role === 'mediator' ? api('GET', '/mediation/referrals').then((r) => r.items) : Promise.resolve(null),
  ]);
  const townships = committees.filter((c) => c.kind === 'township').map((c) => c.township);
  render(main, html`
    <h1>${t('md.title')}</h1>
    <p class="muted">${t('md.lead')}</p>
    ${role === 'mediator' ? html`<p><a class="btn" href="#/dispute/new" id="md-new">${t('md.new')}</a></p>`
    : html`<p><a class="btn secondary" href="#/mediation-committees" id="md-committees">${t('mc.link')}</a></p>`}
    <form id="md-filter" class="row wrap">
      <div class="grow"><label for="md-township">${t('md.township')}</label>
      <select id="md-township">${[''].concat(townships).map((x) => html`<option value="${x}" ${x === township ? html`selected` : ''}>${x || t('md.allTownships')}</option>`)}</select></div>
      <button class="btn secondary">${t('md.filter')}</button>
    </form>
    <p id="md-alerts">${board.overdue ? html`<span class="badge warn">${t('md.overdueN', { n: board.overdue })}</span> ` : ''}
      ${board.near_due ? html`<span class="badge">${t('md.nearN', { n: board.near_due })}</span>` : ''}</p>
    <nav aria-label="${t('dp.status')}"><ul class="row wrap list" id="md-columns">${open.concat(closed).map((s) => html`<li>
      <a href="#/mediation/${closed.includes(s) ? s : 'open'}/${encodeURIComponent(township)}" ${statuses.includes(s) ? html`aria-current="true"` : ''}>${t('mdstatus.' + s)}
      <span class="badge" data-count="${s}">${board.counts[s] ?? 0}</span></a></li>`)}</ul></nav>
    ${statuses.map((s) => html`<section aria-labelledby="col-${s}">
      <h2 id="col-${s}">${t('mdstatus.' + s)} (${board.counts[s] ?? 0})</h2>
      ${columnList(board.items.filter((d) => d.status === s))}</section>`)}
    ${referrals ? html`<section aria-labelledby="md-ref-title"><h2 id="md-ref-title">${t('md.referrals')}</h2>
      ${referrals.length ? html`<ul class="list" id="md-referrals">${referrals.map((r) => html`<li data-referral="${r.consultation_id}">
        <p><strong>${r.person_name || '—'}</strong> ${r.phone} · ${r.township || r.site_name} · ${r.category}</p>
        <p class="muted">${t('dp.origin', { site: r.site_name, lawyer: r.lawyer_name, date: r.at.slice(0, 10), category: r.category })}</p>
        <p>${r.summary}</p>
        <p><a class="btn secondary" href="#/dispute/new/${r.consultation_id}" data-take="${r.consultation_id}">${t('md.take')}</a></p>
      </li>`)}</ul>` : html`<p>${t('md.noReferrals')}</p>`}</section>` : ''}`);
  main.querySelector('#md-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    const x = main.querySelector('#md-township').value;
    location.hash = `#/mediation/${closed.includes(col) ? col : 'open'}/${encodeURIComponent(x)}`;
  });
}

function columnList(list) {
  if (!list.length) return html`<p>${t('md.none')}</p>`;
  return html`<ul class="list">${list.map((d) => html`<li data-dispute="${d.id}" class="${d.clock?.overdue ? 'overdue' : d.clock?.near_due ? 'near-due' : ''}">
    <p><a href="#/dispute/${d.id}"><strong>${d.number}</strong> ${t('mdtype.' + d.type)}</a> · ${d.township}
      ${d.demo ? html`<span class="badge">${t('dp.demo')}</span>` : ''}</p>
    <p class="muted">${d.parties.map((p) => `${t('mdrole.' + p.role)} ${p.name}`).join(t('p.semi'))} · ${d.committee_name || d.room_name || t('md.unassigned')}</p>
    ${d.clock ? clock(d.clock) : html`<p class="muted">${(d.closed_at ?? '').slice(0, 10)}</p>`}
  </li>`)}</ul>`;
}

export function clock(c) {
  return html`<p>${t('md.due', { date: c.due })} · ${c.overdue ? html`<span class="badge warn">${t('md.overdue')}</span>`
    : html`${t('md.daysLeft', { n: c.days_left })}${c.near_due ? html` <span class="badge warn">${t('md.nearDue')}</span>` : ''}`}</p>`;
}
