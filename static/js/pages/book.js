// Residents book: pick a site and a day, pick a slot (held for a few
// minutes, with a visible countdown), confirm, and get a code and a QR code.
// #/book/<reschedule booking id> moves an existing booking instead.
import { api, listAll } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { go, session } from '../session.js';
import { dateCN, isoWeekday, timeCN, todayCN } from '../dates.js';

let sites = null;
let countdown = null;

// fresh: availability is checked with the server each time (an ETag makes
// an unchanged answer a bodiless 304), never taken from the browser's cache.
const fresh = { cache: 'no-cache' };

// #/book/site/<id> opens with that site chosen (the directory's "book here").
export async function show(main, [first = '', second = '']) {
  const moving = first === 'site' ? '' : first;
  if (first === 'site' && second) localStorage.setItem('mySite', second);
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
      <h2 id="days-title">${t('book.days')}</h2>
      <ul class="days" id="free-days" aria-labelledby="days-title"></ul>
      <label for="book-date">${t('book.date')}</label>
      <input id="book-date" name="date" type="date" value="${tomorrow}" min="${todayCN()}" required>
      <p><button type="submit" class="btn" id="show-slots">${t('book.show')}</button></p>
    </form>
    <section id="slots-area" aria-live="polite"></section>`);
  const form = main.querySelector('#pick-form');
  const pick = (date) => {
    form.date.value = date;
    localStorage.setItem('mySite', form.site.value);
    loadSlots(main, form.site.value, date, movingBooking);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    pick(form.date.value);
  });
  form.site.addEventListener('change', () => loadDays(main, form.site.value, pick));
  loadDays(main, form.site.value, pick);
}

// loadDays shows the coming two weeks of a site, each day with its free
// places, and opens the first day that has any.
async function loadDays(main, site, pick) {
  const list = main.querySelector('#free-days');
  const from = todayCN();
  const to = new Date(Date.parse(from) + 13 * 864e5).toISOString().slice(0, 10);
  let slots = [];
  try {
    slots = (await api('GET', `/slots?site_id=${site}&from=${from}&to=${to}`, undefined, fresh)).items;
  } catch (err) {
    toast(err.message);
    return;
  }
  const free = {};
  for (const s of slots) {
    const d = dateCN(s.starts_at);
    free[d] = (free[d] ?? 0) + (s.bookable ? s.remaining : 0);
  }
  const days = Object.keys(free).sort();
  render(list, html`${days.map((d) => html`<li><button type="button" class="day" data-day="${d}" ${free[d] ? '' : html`disabled`}>
    <strong>${d.slice(5)} ${t('weekday.' + isoWeekday(d))}</strong>
    <span>${free[d] ? t('book.left', { n: free[d] }) : t('book.full')}</span></button></li>`)}`);
  if (!days.length) render(list, html`<li class="muted">${t('book.noDays')}</li>`);
  for (const b of list.querySelectorAll('[data-day]:not([disabled])')) b.addEventListener('click', () => pick(b.dataset.day));
  const first = days.find((d) => free[d] > 0);
  if (first) pick(first);
}

// loadSlots lists a day's slots. With a message (the place just tapped was
// taken meanwhile) it says so above the fresh list and takes the focus there.
async function loadSlots(main, site, date, moving, message = '') {
  const area = main.querySelector('#slots-area');
  let slots = [];
  try {
    slots = (await api('GET', `/slots?site_id=${site}&from=${date}&to=${date}`, undefined, fresh)).items;
  } catch (err) {
    toast(err.message);
    return;
  }
  const open = slots.filter((s) => s.bookable);
  for (const b of main.querySelectorAll('[data-day]')) b.setAttribute('aria-pressed', String(b.dataset.day === date));
  render(area, html`${message ? html`<p class="alert" id="slot-taken" tabindex="-1">${message}</p>` : ''}
    <h2>${t('book.slotsOn', { date: `${date} ${t('weekday.' + isoWeekday(date))}` })}</h2>
    ${open.length ? html`<ul class="slots" id="slot-list">${slots.map((s) => html`<li>
      <button type="button" class="slot" data-slot="${s.id}" ${s.bookable ? '' : html`disabled`}>
        <strong>${timeCN(s.starts_at)}–${timeCN(s.ends_at)}</strong>
        <span>${s.remaining > 0 ? t('book.left', { n: s.remaining }) : t('book.full')}</span>
        <span class="muted">${t('book.lawyer', { name: s.lawyer_name.replace('（示例）', '') })}</span>
        ${s.lawyer_firm ? html`<span class="muted">${s.lawyer_firm.replace('（示例）', '')}</span>` : ''}
        ${s.lawyer_specialties ? html`<span class="muted">${t('book.specialties', { s: s.lawyer_specialties })}</span>` : ''}
      </button></li>`)}</ul>` : html`<p>${t('book.none')}</p>`}`);
  for (const b of area.querySelectorAll('[data-slot]:not([disabled])')) {
    const slot = slots.find((s) => s.id === Number(b.dataset.slot));
    b.addEventListener('click', () => (moving ? askMove(main, moving, slot) : hold(main, slot)));
  }
  area.querySelector('#slot-taken')?.focus();
}

// when names a slot or booking as people say it: site, date, weekday, time.
function when(x) {
  const d = dateCN(x.starts_at);
  return `${x.site_name} ${d} ${t('weekday.' + isoWeekday(d))} ${timeCN(x.starts_at)}–${timeCN(x.ends_at)}`;
}

// askMove says "from X to Y?" before anything changes.
function askMove(main, booking, slot) {
  const area = main.querySelector('#slots-area');
  render(area, html`<section class="card" id="move-ask">
    <h2>${t('book.moveAsk')}</h2>
    <p>${t('book.moveFrom')}${t('p.colon')}${when(booking)}</p>
    <p>${t('book.moveTo')}${t('p.colon')}<strong>${when(slot)}</strong></p>
    <p class="row"><button type="button" class="btn" id="move-yes">${t('book.moveYes')}</button>
      <button type="button" class="btn secondary" id="move-no">${t('book.release')}</button></p></section>`);
  area.querySelector('#move-yes').addEventListener('click', () => move(main, booking, slot.id));
  area.querySelector('#move-no').addEventListener('click', () => main.querySelector('#pick-form').requestSubmit());
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

async function hold(main, slot) {
  const slotId = slot.id;
  let held = null;
  let notice = '';
  try {
    held = await api('POST', '/holds', { slot_id: slotId });
  } catch (err) {
    if (err.status === 409) {
      // Taken or held by someone else since the list was read: show the
      // day again as it is now, with the reason above it.
      loadSlots(main, slot.site_id, dateCN(slot.starts_at), null, err.message);
      return;
    }
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
      <p class="card" id="hold-summary" tabindex="-1"><strong>${when(slot)}</strong><br>${t('book.lawyer', { name: slot.lawyer_name.replace('（示例）', '') })}</p>
      ${held ? html`<p class="ok" id="hold-note">${t('book.hold')}<strong id="hold-countdown" aria-live="off"></strong></p>` : html`<p class="ok">${notice}</p>`}
      <label for="topic">${t('book.topic')}</label><input id="topic" name="topic" maxlength="100">
      <label for="note">${t('book.note')}</label><textarea id="note" name="note" maxlength="500" rows="3"></textarea>
      <p class="row"><button type="submit" class="btn" id="confirm">${t('book.confirm')}</button>
        <button type="button" class="btn secondary" id="release">${t('book.release')}</button></p>
    </form>`);
  if (held) tick(area, held.expires_at);
  // The slot's button is gone: the focus goes to what was chosen, not to
  // the top of the page.
  area.querySelector('#hold-summary').focus();
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

// done is the receipt: what, where, with whom, what to bring, the code and
// its QR image, and a button to print it.
function done(main, b) {
  clearInterval(countdown);
  const site = sites.find((s) => s.id === b.site_id);
  render(main, html`
    <h1>${t('book.done')}</h1>
    <section class="card receipt" id="booking-done">
      <p><strong>${when(b)}</strong></p>
      <p>${t('book.lawyer', { name: b.lawyer_name.replace('（示例）', '') })}</p>
      ${site?.address ? html`<p>${t('sites.address')}${t('p.colon')}${site.address}</p>` : ''}
      ${site?.phone ? html`<p>${t('book.phone')}${t('p.colon')}<a href="tel:${site.phone}">${site.phone}</a></p>` : ''}
      <p>${t('book.code')}${t('p.colon')}<strong class="code" id="booking-code">${b.code}</strong></p>
      <figure><img src="/api/v1/bookings/${b.id}/qr.png" width="200" height="200" alt="${t('book.qrAlt', { code: b.code })}">
        <figcaption>${t('book.qrLabel')}${t('p.colon')}${t('book.qr')}</figcaption></figure>
      <p>${t('book.bring')}</p>
    </section>
    <p class="row wrap"><a class="btn secondary" href="/api/v1/bookings/${b.id}/calendar.ics" download>${t('book.addCalendar')}</a>
      <button type="button" class="btn secondary" id="print">${t('book.print')}</button>
      <a class="btn" href="#/bookings">${t('nav.bookings')}</a></p>`);
  main.querySelector('#print').addEventListener('click', () => window.print());
}
