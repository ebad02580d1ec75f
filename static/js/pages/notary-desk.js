// The notary clerk's desk: the day's visits (green channel first) with each
// checklist's state, the materials review (complete, or one list of what is
// missing), closing a visit, and the home-visit requests to schedule.
import { api } from '../api.js';
import { paren, t } from '../i18n.js';
import '../i18n-notary.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { timeCN, todayCN } from '../dates.js';

export async function show(main, [date = todayCN()]) {
  if (!requireRole(main, 'notary_clerk')) return;
  const [day, home] = await Promise.all([api('GET', `/notary/day?date=${date}`), api('GET', '/notary/home-visits')]);
  render(main, html`
    <h1>${t('nd.title')}</h1>
    <form id="nd-pick" class="row">
      <label for="nd-date">${t('nd.day')}</label><input id="nd-date" type="date" value="${date}">
      <button type="submit" class="btn secondary">${t('nd.show')}</button>
      <button type="button" class="btn secondary" id="nd-open">${t('nd.open')}</button>
    </form>
    ${day.items.length ? html`<ul class="list" id="nd-list">${day.items.map((v) => visit(v))}</ul>` : html`<p>${t('nd.none')}</p>`}
    <h2>${t('nd.home')}</h2>
    ${home.items.length ? html`<ul class="list" id="nd-home">${home.items.map((v) => html`<li data-home="${v.id}">
      <p><strong>${v.code}</strong> ${v.priority ? html`<span class="badge">${t('group.' + v.priority_reason)}</span>` : ''}
        ${v.resident_name} · ${v.matters.map((m) => m.name).join(t('p.sep'))}</p>
      <p>${v.address} · ${v.reason} · ${v.preferred_dates}</p>
      <label for="nd-when-${v.id}">${t('nd.when')}</label><input id="nd-when-${v.id}" type="datetime-local">
      <label for="nd-notary-${v.id}">${t('nd.notary')}</label><input id="nd-notary-${v.id}" maxlength="40">
      <p><button type="button" class="btn" data-schedule="${v.id}">${t('nd.schedule')}</button></p></li>`)}</ul>` : html`<p>${t('nd.noHome')}</p>`}`);
  main.querySelector('#nd-pick').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/notary-desk/${main.querySelector('#nd-date').value}`;
  });
  main.querySelector('#nd-open').addEventListener('click', () => act(main, date, 'POST', '/notary/calendar',
    { from: todayCN(), to: new Date(Date.parse(todayCN()) + 40 * 864e5).toISOString().slice(0, 10), capacity: 2 }));
  for (const b of main.querySelectorAll('[data-complete]')) {
    b.addEventListener('click', () => act(main, date, 'POST', `/notary/bookings/${b.dataset.complete}/materials-check`, { complete: true }));
  }
  for (const b of main.querySelectorAll('[data-missing]')) {
    b.addEventListener('click', () => {
      const id = b.dataset.missing;
      const missing = [...main.querySelectorAll(`[data-miss-of="${id}"]:checked`)].map((i) => i.value);
      act(main, date, 'POST', `/notary/bookings/${id}/materials-check`, { missing, note: main.querySelector(`#nd-note-${id}`).value });
    });
  }
  for (const b of main.querySelectorAll('[data-done]')) {
    b.addEventListener('click', () => {
      const id = b.dataset.done;
      const waived = main.querySelector(`#nd-waived-${id}`).checked;
      act(main, date, 'POST', `/notary/bookings/${id}/status`, { status: 'done', certificate_no: main.querySelector(`#nd-cert-${id}`).value,
        fee_charged: waived ? 0 : Number(main.querySelector(`#nd-fee-${id}`).value || 0), fee_waived: waived });
    });
  }
  for (const b of main.querySelectorAll('[data-noshow]')) {
    b.addEventListener('click', () => act(main, date, 'POST', `/notary/bookings/${b.dataset.noshow}/status`, { status: 'no_show' }));
  }
  for (const b of main.querySelectorAll('[data-schedule]')) {
    b.addEventListener('click', () => {
      const id = b.dataset.schedule;
      const local = main.querySelector(`#nd-when-${id}`).value;
      act(main, date, 'PATCH', `/notary/home-visits/${id}`, { starts_at: local ? `${local}:00+08:00` : '',
        notary_name: main.querySelector(`#nd-notary-${id}`).value });
    });
  }
}

function visit(v) {
  const open = ['booked', 'checked'].includes(v.status);
  return html`<li data-visit="${v.id}">
    <p><strong>${timeCN(v.starts_at)}–${timeCN(v.ends_at)}</strong> ${v.code} · ${v.resident_name}
      ${v.priority ? html`<span class="badge">${t('nt.priority')} · ${t('group.' + v.priority_reason)}</span>` : ''}
      ${v.fee_reduced ? html`<span class="badge">${t('nt.feeReduced')}</span>` : ''}
      · <span class="nd-status">${t('ntstatus.' + v.status)}</span> ${v.ready ? html`<span class="badge nd-ready">${t('nt.ready')}</span>` : ''}</p>
    <p>${v.matters.map((m) => m.name).join(t('p.sep'))} · ${v.parties.map((p) => p.name + (p.agent ? paren(t('nd.agent')) : '')).join(t('p.sep'))}</p>
    ${open ? html`<fieldset><legend>${t('nt.checklist')}</legend>
      ${v.checklist.map((it, i) => html`<label class="choice"><input type="checkbox" data-miss-of="${v.id}" value="${it.name}" id="nd-miss-${v.id}-${i}" ${it.missing ? html`checked` : ''}>
        <span>${it.name} <span class="muted">${it.later ? t('nt.later') : t('nt.needed')} · ${t('nt.files', { n: it.files })}</span></span></label>`)}
      <label for="nd-note-${v.id}">${t('nd.note')}</label><input id="nd-note-${v.id}" maxlength="300">
      <p class="row"><button type="button" class="btn" data-complete="${v.id}">${t('nd.complete')}</button>
        <button type="button" class="btn secondary" data-missing="${v.id}">${t('nd.sendMissing')}</button></p></fieldset>
      <p class="row"><label for="nd-cert-${v.id}">${t('nd.certificate')}</label><input id="nd-cert-${v.id}" maxlength="40">
        <label for="nd-fee-${v.id}">${t('nd.fee')}</label><input id="nd-fee-${v.id}" type="number" min="0" inputmode="numeric">
        <label class="choice"><input type="checkbox" id="nd-waived-${v.id}" ${v.fee_reduced ? html`checked` : ''}><span>${t('nd.waived')}</span></label></p>
      <p class="row"><button type="button" class="btn" data-done="${v.id}">${t('nd.done')}</button>
        <button type="button" class="btn secondary" data-noshow="${v.id}">${t('nd.noShow')}</button></p>` : ''}
  </li>`;
}

async function act(main, date, method, path, body) {
  try {
    await api(method, path, body);
    toast(t('nd.saved'));
    show(main, [date]);
  } catch (err) {
    toast(err.message);
  }
}
