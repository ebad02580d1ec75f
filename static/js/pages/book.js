// Residents book: pick a site and a day, pick a slot (held for a few
// minutes, with a visible countdown), confirm, and get a code and a QR code.
// #/book/<reschedule booking id> moves an existing booking instead.
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { go, session } from '../session.js';
import { timeCN, todayCN } from '../dates.js';

let sites = null;
let countdown = null;

export async function show(main, [moving = '']) {
  clearInterval(countdown);
  if (session.user?.role !== 'resident') {
    render(main, html`<h1>${t('book.title')}</h1><p>${t('book.signIn')}</p><p><a class="btn" href="#/login/resident/book">${t('nav.login')}</a></p>`);
    return;
  }
  try {
    sites ??= [...(await listAll('/sites?tier=center')), ...(await listAll('/sites?tier=station'))];
  } catch (err) {
    toast(err.message);
    return;
  }
  const tomorrow = new Date(Date.parse(todayCN()) + 864e5).toISOString().slice(0, 10);
  // "My station": the site chosen last time comes first.
  const mySite = localStorage.getItem('mySite') ?? '';
  const movingBooking = moving ? await api('GET', `/bookings/${moving}`).catch(() => null) : null;
  render(main, html`
    <h1>${t('book.title')}</h1>
    ${movingBooking ? html`<p class="ok">${t('book.reschedule', { code: movingBooking.code })}</p>` : ''}
    <form id="pick-form" novalidate>
      <label for="book-site">${t('book.site')}</label>
      <select id="book-site" name="site">${sites.map((s) => html`<option value="${s.id}" ${String(s.id) === mySite ? html`selected` : ''}>${s.name}</option>`)}</select>
      <label for="book-date">${t('book.date')}</label>
      <input id="book-date" name="date" type="date" value="${tomorrow}" min="${todayCN()}" required>
      <p><button type="submit" class="btn" id="show-slots">${t('book.show')}</button></p>
    </form>
    <section id="slots-area" aria-live="polite"></section>`);
  const form = main.querySelector('#pick-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    localStorage.setItem('mySite', form.site.value);
    loadSlots(main, form.site.value, form.date.value, movingBooking);
  });
}

async function loadSlots(main, site, date, moving) {
  const area = main.querySelector('#slots-area');
  let slots = [];
  try {
    slots = (await api('GET', `/slots?site_id=${site}&from=${date}&to=${date}`)).items;
  } catch (err) {
    toast(err.message);
    return;
  }
  const open = slots.filter((s) => s.bookable);
  render(area, html`<h2>${t('book.slots')}</h2>
    ${open.length ? html`<ul class="slots" id="slot-list">${slots.map((s) => html`<li>
      <button type="button" class="slot" data-slot="${s.id}" ${s.bookable ? '' : html`disabled`}>
        <strong>${timeCN(s.starts_at)}–${timeCN(s.ends_at)}</strong>
        <span>${s.remaining > 0 ? t('book.left', { n: s.remaining }) : t('book.full')}</span>
        <span class="muted">${t('book.lawyer', { name: s.lawyer_name.replace('（示例）', '') })}</span>
      </button></li>`)}</ul>` : html`<p>${t('book.none')}</p>`}`);
  for (const b of area.querySelectorAll('[data-slot]:not([disabled])')) {
    b.addEventListener('click', () => (moving ? move(main, moving, Number(b.dataset.slot)) : hold(main, Number(b.dataset.slot))));
  }
}

async function move(main, booking, slotId) {
  try {
    await api('POST', `/bookings/${booking.id}/reschedule`, { slot_id: slotId });
    toast(t('book.moved'));
    go('bookings');
  } catch (err) {
    toast(err.message);
  }
}

async function hold(main, slotId) {
  let held = null;
  let notice = '';
  try {
    held = await api('POST', '/holds', { slot_id: slotId });
  } catch (err) {
    if (err.status !== 503) {
      toast(err.message);
      return;
    }
    notice = t('book.noHold');
  }
  const area = main.querySelector('#slots-area');
  render(area, html`
    <form id="confirm-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      ${held ? html`<p class="ok" id="hold-note">${t('book.hold')}<strong id="hold-countdown" aria-live="off"></strong></p>` : html`<p class="ok">${notice}</p>`}
      <label for="topic">${t('book.topic')}</label><input id="topic" name="topic" maxlength="100">
      <label for="note">${t('book.note')}</label><textarea id="note" name="note" maxlength="500" rows="3"></textarea>
      <p class="row"><button type="submit" class="btn" id="confirm">${t('book.confirm')}</button>
        <button type="button" class="btn secondary" id="release">${t('book.release')}</button></p>
    </form>`);
  if (held) tick(area, held.expires_at);
  const form = area.querySelector('#confirm-form');
  const key = crypto.randomUUID();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = held ? { hold_id: held.hold_id } : { slot_id: slotId };
    body.topic = form.topic.value;
    body.note = form.note.value;
    try {
      done(main, await apiWithKey(body, key));
    } catch (err) {
      showErrors(form, err);
    }
  });
  area.querySelector('#release').addEventListener('click', async () => {
    clearInterval(countdown);
    if (held) await api('DELETE', `/holds/${encodeURIComponent(held.hold_id)}`).catch(() => {});
    main.querySelector('#pick-form').requestSubmit();
  });
}

// apiWithKey confirms with an Idempotency-Key, so a retry never books twice.
async function apiWithKey(body, key) {
  const res = await fetch('/api/v1/bookings', {
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

function tick(area, expiresAt) {
  const el = area.querySelector('#hold-countdown');
  const end = Date.parse(expiresAt);
  const draw = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    el.textContent = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) {
      clearInterval(countdown);
      area.querySelector('#hold-note').textContent = t('book.holdExpired');
    }
  };
  draw();
  countdown = setInterval(draw, 1000);
}

function done(main, b) {
  clearInterval(countdown);
  render(main, html`
    <h1>${t('book.done')}</h1>
    <section class="card" id="booking-done">
      <p>${b.site_name} · ${b.starts_at.slice(0, 10)} ${timeCN(b.starts_at)}–${timeCN(b.ends_at)}</p>
      <p>${t('book.code')}：<strong class="code" id="booking-code">${b.code}</strong></p>
      <img src="/api/v1/bookings/${b.id}/qr.png" width="200" height="200" alt="${t('book.code')} ${b.code}">
      <p class="muted">${t('book.qr')}</p>
    </section>
    <p><a class="btn" href="#/bookings">${t('nav.bookings')}</a></p>`);
}
