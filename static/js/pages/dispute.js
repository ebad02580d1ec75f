// A dispute: #/dispute/new takes one in at the desk, #/dispute/new/<id>
// from the consultation a lawyer referred (pre-filled, 一件事一次办), and
// #/dispute/<id> shows it with its parties, origin, clock and history, and
// the mediator's steps, each in a dialog with its fields.
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-mediation.js';
import { html, render, showErrors, toast } from '../dom.js';
import { session } from '../session.js';
import { todayCN } from '../dates.js';
import { clock } from './mediation.js';
import { intake } from './dispute-new.js';

export async function show(main, [id = '', from = '']) {
  const role = session.user?.role;
  if (!['mediator', 'admin'].includes(role)) {
    location.hash = '#/login/staff/' + location.hash.replace(/^#\/?/, '');
    return;
  }
  if (id === 'new') return intake(main, from ? Number(from) : null);
  const [d, { items: committees, rooms }] = await Promise.all([api('GET', `/disputes/${Number(id)}`), api('GET', '/mediation/committees')]);
  const mine = role === 'mediator' && ['accepted', 'mediating'].includes(d.status);
  render(main, html`
    <p><a href="#/mediation">${t('md.back')}</a></p>
    <h1>${d.number} · ${t('mdtype.' + d.type)}</h1>
    <p><span class="badge" id="dp-status">${t('mdstatus.' + d.status)}</span> · ${d.township} · ${t('dp.source.' + d.source)}
      ${d.demo ? html`<span class="badge">${t('dp.demo')}</span>` : ''}</p>
    ${d.clock ? clock(d.clock) : ''}
    ${d.origin ? html`<aside class="record" id="dp-origin" aria-label="${t('dp.fromConsultation')}"><p><strong>${t('dp.fromConsultation')}</strong></p>
      <p class="muted">${t('dp.origin', { site: d.origin.site_name, lawyer: d.origin.lawyer_name, date: d.origin.at.slice(0, 10), category: d.origin.category })}</p>
      <p>${d.origin.summary}</p></aside>` : ''}
    <p>${d.summary}</p>
    <dl>
      <dt>${t('dp.acceptedAt')}</dt><dd>${d.accepted_at.slice(0, 16).replace('T', ' ')}</dd>
      <dt>${t('dp.assigned')}</dt><dd id="dp-assigned">${d.committee_name || d.room_name || t('md.unassigned')}</dd>
    </dl>
    <h2>${t('dp.parties')}</h2>
    <ul class="list" id="dp-parties">${d.parties.map((p) => html`<li>${t('mdrole.' + p.role)}${t('p.colon')}${p.name} ${p.phone} ${p.id_number}</li>`)}</ul>
    ${d.status === 'resolved' ? html`<h2>${t('dp.agreement')}</h2><p>${d.agreement_date}</p><p id="dp-agreement">${d.agreement}</p>` : ''}
    ${['unresolved', 'withdrawn'].includes(d.status) ? html`<p><strong>${t('dp.closeNote')}</strong>${t('p.colon')}${d.close_note}</p>` : ''}
    ${d.status === 'unresolved' ? letter(d) : ''}
    ${mine ? html`<div class="row wrap" id="dp-actions">
      <button type="button" class="btn secondary" data-open="assign">${t('dp.assign')}</button>
      ${d.status === 'accepted' ? html`<button type="button" class="btn" data-open="start">${t('dp.start')}</button>` : ''}
      ${d.status === 'mediating' ? html`<button type="button" class="btn" data-open="resolve">${t('dp.resolve')}</button>` : ''}
      <button type="button" class="btn secondary" data-open="fail">${t('dp.fail')}</button>
      <button type="button" class="btn secondary" data-open="withdraw">${t('dp.withdraw')}</button></div>
      ${dialogs(d, committees, rooms)}` : d.clock ? '' : html`<p class="muted">${t('dp.closed')}</p>`}
    <h2>${t('dp.history')}</h2>
    <ol id="dp-history">${d.events.map((e) => html`<li>${e.at.slice(0, 16).replace('T', ' ')} ${e.actor_name}
      ${e.from === e.to ? t('dp.event.assign') : e.from ? t('dp.from', { from: t('mdstatus.' + e.from), to: t('mdstatus.' + e.to) }) : t('mdstatus.' + e.to)}
      ${e.note}</li>`)}</ol>`);
  for (const b of main.querySelectorAll('[data-open]')) {
    b.addEventListener('click', () => main.querySelector(`#dlg-${b.dataset.open}`).showModal());
  }
  for (const f of main.querySelectorAll('dialog form')) {
    f.querySelector('[data-close]').addEventListener('click', () => f.closest('dialog').close());
    f.addEventListener('submit', (e) => step(e, main, d.id, f));
  }
  main.querySelector('#dp-print')?.addEventListener('click', () => window.print());
}

async function step(e, main, id, form) {
  e.preventDefault();
  const body = Object.fromEntries(new FormData(form));
  if (body.where) {
    const [kind, n] = body.where.split(':');
    body[kind === 'room' ? 'room_site_id' : 'committee_id'] = Number(n);
    delete body.where;
  }
  try {
    await api('PATCH', `/disputes/${id}`, body);
    form.closest('dialog').close();
    toast(t('dp.done'));
    await show(main, [String(id)]);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    showErrors(form, err);
  }
}

// dialog is one step's form in a modal dialog, labelled by its heading.
function dialog(name, title, body) {
  return html`<dialog id="dlg-${name}" aria-labelledby="dlg-${name}-title"><form novalidate>
    <h2 id="dlg-${name}-title">${title}</h2>
    <p class="alert form-alert" tabindex="-1" hidden></p>
    <input type="hidden" name="action" value="${name}">
    ${body}
    <p class="row"><button class="btn" id="dlg-${name}-ok">${t('dp.confirm')}</button>
      <button type="button" class="btn secondary" data-close>${t('dp.cancel')}</button></p>
  </form></dialog>`;
}

export function whereOptions(committees, rooms, selected = '') {
  const opt = (v, label) => html`<option value="${v}" ${v === selected ? html`selected` : ''}>${label}</option>`;
  return html`<optgroup label="${t('dp.committees')}">${committees.map((c) => opt(`committee:${c.id}`, c.name))}</optgroup>
    <optgroup label="${t('dp.rooms')}">${rooms.map((r) => opt(`room:${r.id}`, r.name))}</optgroup>`;
}

function dialogs(d, committees, rooms) {
  const current = d.committee_id ? `committee:${d.committee_id}` : d.room_site_id ? `room:${d.room_site_id}` : '';
  const routes = ['court', 'arbitration', 'administrative', 'other'];
  return html`
    ${dialog('assign', t('dp.assign'), html`<label for="as-where">${t('dp.assigned')}</label>
      <select id="as-where" name="where">${whereOptions(committees.filter((c) => !c.township || c.township === d.township || c.kind === 'trade'), rooms, current)}</select>
      <label for="as-reason">${t('dp.reason')}</label><input id="as-reason" name="reason" maxlength="500">`)}
    ${dialog('start', t('dp.start'), html`<label for="st-reason">${t('dp.reason')}</label><input id="st-reason" name="reason" maxlength="500">`)}
    ${dialog('resolve', t('dp.resolve'), html`<label for="rs-date">${t('dp.agreementDate')}</label>
      <input id="rs-date" name="agreement_date" type="date" value="${todayCN()}" required>
      <label for="rs-text">${t('dp.agreementText')}</label><textarea id="rs-text" name="agreement" rows="4" maxlength="4000" required></textarea>`)}
    ${dialog('fail', t('dp.fail'), html`<p class="muted">${t('dp.failHint')}</p>
      <label for="fl-route">${t('dp.referredTo')}</label>
      <select id="fl-route" name="referred_to">${routes.map((r) => html`<option value="${r}" ${r === (d.type === 'labour' ? 'arbitration' : 'court') ? html`selected` : ''}>${t('mdroute.' + r)}</option>`)}</select>
      <label for="fl-reason">${t('dp.reason')}</label><textarea id="fl-reason" name="reason" rows="3" maxlength="500" required></textarea>`)}
    ${dialog('withdraw', t('dp.withdraw'), html`<p class="muted">${t('dp.withdrawHint')}</p>
      <label for="wd-reason">${t('dp.reason')}</label><textarea id="wd-reason" name="reason" rows="3" maxlength="500" required></textarea>`)}`;
}

// letter is the written notice of Art. 26, printable from the page.
function letter(d) {
  return html`<section class="receipt" id="dp-letter" aria-labelledby="dp-letter-title">
    <h2 id="dp-letter-title">${t('dp.letter')}</h2>
    <p>${t('dp.letterTo', { names: d.parties.map((p) => p.name).join('、') })}</p>
    <p>${t('dp.letterBody', { type: t('mdtype.' + d.type), number: d.number, date: (d.closed_at ?? '').slice(0, 10), route: t('mdroute.' + d.referred_to) })}</p>
    <p>${d.committee_name || d.room_name}</p><p>${(d.closed_at ?? '').slice(0, 10)}</p>
    <p class="row"><button type="button" class="btn secondary" id="dp-print">${t('dp.print')}</button></p></section>`;
}
