// Residents book the notary office: choose one or several matters (a
// package), see the merged materials checklist, say who comes, pick a time
// where the matters fit on consecutive slots, confirm (held first, sent
// with an Idempotency-Key); or ask for a home visit instead.
import { api } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-notary.js';
import { html, render, showErrors, toast } from '../dom.js';
import { session } from '../session.js';
import { timeCN, todayCN } from '../dates.js';

let matters = [];

export async function show(main) {
  if (session.user?.role !== 'resident') {
    render(main, html`<h1>${t('nt.title')}</h1><p>${t('book.signIn')}</p><p><a class="btn" href="#/login">${t('nav.login')}</a></p>`);
    return;
  }
  matters = (await api('GET', '/notary/matters')).items;
  const tomorrow = new Date(Date.parse(todayCN()) + 864e5).toISOString().slice(0, 10);
  render(main, html`
    <h1>${t('nt.title')}</h1>
    <p>${t('nt.lead')}</p>
    <form id="nt-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="nt-search">${t('nt.search')}</label>
      <input id="nt-search" type="search" maxlength="40">
      <fieldset id="nt-matters"><legend>${t('nt.matters')}</legend>
        ${matters.map((m) => html`<label class="choice" data-name="${m.name} ${m.category} ${m.materials.map((x) => x.name).join(' ')}">
          <input type="checkbox" id="nt-m-${m.id}" name="matter" value="${m.id}">
          <span>${m.name} <span class="muted">${t('nt.minutes', { n: m.minutes })}${m.in_person_only ? html` · ${t('nt.inPerson')}` : ''}${m.home_visit ? html` · ${t('nt.home')}` : ''} · ${m.fee_note}</span></span></label>`)}
      </fieldset>
      <section id="nt-checklist" aria-live="polite"></section>
      <label for="nt-parties">${t('nt.parties')}</label>
      <textarea id="nt-parties" name="parties" rows="2" maxlength="400">${session.user.name ?? ''}</textarea>
      <label for="nt-agent">${t('nt.agent')}</label><input id="nt-agent" name="agent" maxlength="40">
      <label for="nt-id">${t('nt.id')}</label>
      <input id="nt-id" name="id_number" maxlength="18" autocomplete="off" inputmode="text">
      <label for="nt-group">${t('nt.group')}</label>
      <select id="nt-group" name="group"><option value="">${t('nt.groupNone')}</option>
        ${['disabled', 'seriously_ill', 'veteran'].map((g) => html`<option value="${g}">${t('group.' + g)}</option>`)}</select>
      <label for="nt-date">${t('nt.date')}</label>
      <input id="nt-date" name="date" type="date" value="${tomorrow}" min="${todayCN()}">
      <p><button type="submit" class="btn" id="nt-show">${t('nt.show')}</button></p>
      <section id="nt-starts" aria-live="polite"></section>
      <details id="nt-home"><summary>${t('nt.askHome')}</summary>
        <p>${t('nt.homeLead')}</p>
        <label for="nt-address">${t('nt.address')}</label><input id="nt-address" name="address" maxlength="200">
        <label for="nt-reason">${t('nt.reason')}</label><input id="nt-reason" name="reason" maxlength="200">
        <label for="nt-preferred">${t('nt.preferred')}</label><input id="nt-preferred" name="preferred_dates" maxlength="100">
        <p><button type="button" class="btn secondary" id="nt-home-send">${t('nt.sendHome')}</button></p>
      </details>
    </form>`);
  const form = main.querySelector('#nt-form');
  main.querySelector('#nt-search').addEventListener('input', (e) => {
    const q = e.target.value.trim();
    for (const d of form.querySelectorAll('#nt-matters .choice')) d.style.display = q === '' || d.dataset.name.includes(q) ? '' : 'none';
  });
  form.addEventListener('change', (e) => { if (e.target.name === 'matter') drawChecklist(main, form); });
  form.addEventListener('submit', (e) => { e.preventDefault(); loadStarts(main, form); });
  main.querySelector('#nt-home-send').addEventListener('click', () => askHome(main, form));
}

function chosen(form) {
  return [...form.querySelectorAll('input[name=matter]:checked')].map((i) => Number(i.value));
}

// drawChecklist merges the chosen matters' materials as the server does:
// one line per material; "later" only if every matter accepts it later.
function drawChecklist(main, form) {
  const items = new Map();
  for (const m of matters.filter((x) => chosen(form).includes(x.id))) {
    for (const x of m.materials) {
      const it = items.get(x.name);
      items.set(x.name, { later: it ? it.later && x.later : x.later });
    }
  }
  render(main.querySelector('#nt-checklist'), items.size ? html`<h2>${t('nt.checklist')}</h2><ul class="list">
    ${[...items].map(([name, it]) => html`<li>${name} <span class="muted">${it.later ? t('nt.later') : t('nt.needed')}</span></li>`)}</ul>` : '');
}

function people(form) {
  const parties = form.parties.value.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name }));
  if (form.agent.value.trim()) parties.push({ name: form.agent.value.trim(), agent: true });
  return { matter_ids: chosen(form), parties, id_number: form.id_number.value.trim(), group: form.group.value };
}

async function loadStarts(main, form) {
  const area = main.querySelector('#nt-starts');
  const ids = chosen(form);
  if (!ids.length) {
    toast(t('nt.pick'));
    return;
  }
  let starts;
  try {
    starts = (await api('GET', `/notary/slots?matter_ids=${ids.join(',')}&from=${form.date.value}&to=${form.date.value}`)).items;
  } catch (err) {
    showErrors(form, err);
    return;
  }
  const n = Math.max(1, Math.ceil(matters.filter((m) => ids.includes(m.id)).reduce((s, m) => s + m.minutes, 0) / 30));
  render(area, html`<h2>${t('nt.starts', { n })}</h2>
    ${starts.length ? html`<ul class="slots">${starts.map((s) => html`<li>
      <button type="button" class="slot nt-start" data-slot="${s.slot_id}"><strong>${timeCN(s.starts_at)}–${timeCN(s.ends_at)}</strong>
      <span>${t('nt.left', { n: s.remaining })}</span></button></li>`)}</ul>` : html`<p>${t('nt.none')}</p>
      <p><button type="button" class="btn secondary" id="nt-wait">${t('nt.wait')}</button></p>`}`);
  area.querySelector('#nt-wait')?.addEventListener('click', async () => {
    try {
      await post('/notary/waitlist', { date: form.date.value, matter_ids: ids }, crypto.randomUUID());
      toast(t('nt.waiting'));
    } catch (err) {
      toast(err.message);
    }
  });
  for (const b of area.querySelectorAll('[data-slot]')) b.addEventListener('click', () => confirmAt(main, form, Number(b.dataset.slot)));
}

async function confirmAt(main, form, slotId) {
  const body = people(form);
  try {
    const held = await api('POST', '/notary/holds', { slot_id: slotId });
    body.hold_id = held.hold_id;
  } catch (err) {
    if (err.status !== 503) {
      toast(err.message);
      return;
    }
    body.slot_id = slotId; // holds are advisory: confirm by slot
  }
  const area = main.querySelector('#nt-starts');
  render(area, html`<p><button type="button" class="btn" id="nt-confirm">${t('nt.book')}</button></p>`);
  const key = crypto.randomUUID();
  area.querySelector('#nt-confirm').addEventListener('click', async () => {
    try {
      done(main, await post('/notary/bookings', body, key));
    } catch (err) {
      showErrors(form, err);
    }
  });
}

// post sends with an Idempotency-Key, so a retry never books twice.
async function post(path, body, key) {
  const res = await fetch('/api/v1' + path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Accept-Language': document.documentElement.lang },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) {
    const err = new Error(data.error?.message ?? res.statusText);
    err.fields = data.error?.fields ?? {};
    throw err;
  }
  return data;
}

async function askHome(main, form) {
  const body = { ...people(form), address: form.address.value, reason: form.reason.value, preferred_dates: form.preferred_dates.value };
  try {
    await post('/notary/home-visits', body, crypto.randomUUID());
    toast(t('nt.homeSent'));
    location.hash = '#/notary-mine';
  } catch (err) {
    showErrors(form, err);
  }
}

function done(main, v) {
  render(main, html`
    <h1>${t('nt.booked')}</h1>
    <section class="card" id="nt-done">
      <p>${v.site_name} · ${v.starts_at.slice(0, 10)} ${timeCN(v.starts_at)}–${timeCN(v.ends_at)}</p>
      <p>${t('nt.code')}${t('p.colon')}<strong class="code" id="nt-code">${v.code}</strong></p>
      <h2>${t('nt.checklist')}</h2>
      <ul class="list">${v.checklist.map((it) => html`<li>${it.name} <span class="muted">${it.later ? t('nt.later') : t('nt.needed')}</span></li>`)}</ul>
    </section>
    <p><a class="btn" href="#/notary-mine">${t('nav.myNotary')}</a></p>`);
}
