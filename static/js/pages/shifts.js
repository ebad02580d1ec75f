// A lawyer's month calendar of shifts, the calendar-feed link, leave, and
// swap requests offered to them.
import { api } from '../api.js';
import { paren, t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole, session } from '../session.js';
import { addMonths, daysOf, isoWeekday, monthOf, monthRange, timeCN, todayCN } from '../dates.js';

export async function show(main, [month = monthOf(todayCN())]) {
  if (!requireRole(main, 'lawyer')) return;
  const { from, to } = monthRange(month);
  let shifts = [];
  let swaps = [];
  try {
    [shifts, swaps] = await Promise.all([api('GET', `/me/shifts?from=${from}&to=${to}`).then((r) => r.items), api('GET', '/shift-swaps').then((r) => r.items)]);
  } catch (err) {
    toast(err.message);
  }
  const byDay = {};
  for (const s of shifts) (byDay[s.date] ??= []).push(s);
  const days = daysOf(month);
  const blanks = isoWeekday(days[0]) - 1;
  const offered = swaps.filter((s) => s.to_lawyer_id === session.user.id);
  render(main, html`
    <h1>${t('shifts.title')}</h1>
    <div class="row month-nav">
      <a class="btn secondary" href="#/shifts/${addMonths(month, -1)}">${t('shifts.prev')}</a>
      <h2 class="grow center" id="month-title">${month}</h2>
      <a class="btn secondary" href="#/shifts/${addMonths(month, 1)}">${t('shifts.next')}</a>
    </div>
    <table class="month" id="month-calendar">
      <thead><tr>${[1, 2, 3, 4, 5, 6, 7].map((w) => html`<th scope="col">${t('week.' + w)}</th>`)}</tr></thead>
      <tbody>${weeks(blanks, days).map((week) => html`<tr>${week.map((d) => dayCell(d, byDay[d]))}</tr>`)}</tbody>
    </table>
    ${shifts.length ? '' : html`<p>${t('shifts.none')}</p>`}
    <section id="shift-day" aria-live="polite"></section>
    <h2>${t('shifts.swaps')}</h2>
    ${offered.length ? html`<ul class="list">${offered.map((s) => html`<li>${t('shifts.swapFrom', { id: s.shift_id, from: s.from_lawyer_id })}
      ${paren(t('shifts.status.' + s.status))}
      ${s.status === 'proposed' ? html`<button type="button" class="btn" data-swap="${s.id}" data-accept="1">${t('shifts.accept')}</button>
        <button type="button" class="btn secondary" data-swap="${s.id}">${t('shifts.decline')}</button>` : ''}</li>`)}</ul>`
      : html`<p>${t('shifts.noSwaps')}</p>`}
    <h2>${t('shifts.leave')}</h2>
    <form id="leave-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="leave-from">${t('shifts.from')}</label><input id="leave-from" name="from" type="date" required>
      <label for="leave-to">${t('shifts.to')}</label><input id="leave-to" name="to" type="date" required>
      <label for="leave-reason">${t('shifts.reason')}</label><input id="leave-reason" name="reason" maxlength="200">
      <p><button type="submit" class="btn">${t('shifts.askLeave')}</button></p>
    </form>
    <h2>${t('shifts.feed')}</h2>
    <p class="muted">${t('shifts.feedHint')}</p>
    <p><input id="feed-url" readonly aria-label="${t('shifts.feed')}"></p>
    <p><button type="button" class="btn secondary" id="revoke-feed">${t('shifts.revoke')}</button></p>`);
  wire(main, month);
}

function weeks(blanks, days) {
  const cells = [...Array(blanks).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const out = [];
  for (let i = 0; i < cells.length; i += 7) out.push(cells.slice(i, i + 7));
  return out;
}

function dayCell(date, shifts) {
  if (!date) return html`<td></td>`;
  return html`<td class="${shifts ? 'duty' : ''}"><span class="day-number">${Number(date.slice(8))}</span>
    ${(shifts ?? []).map((s) => html`<button type="button" class="shift" data-shift="${s.id}" data-site="${s.site_id}"
      data-heading="${s.date} ${t('weekday.' + isoWeekday(s.date))} ${timeCN(s.starts_at)}–${timeCN(s.ends_at)} ${s.site_name}">${s.site_name.replace('公共法律服务', '')}<br>${timeCN(s.starts_at)}–${timeCN(s.ends_at)}</button>`)}</td>`;
}

async function wire(main, month) {
  const feed = main.querySelector('#feed-url');
  api('GET', '/me/calendar-feed').then((r) => { feed.value = r.url; }).catch((err) => toast(err.message));
  main.querySelector('#revoke-feed').addEventListener('click', async () => {
    await api('DELETE', '/me/calendar-feed');
    feed.value = (await api('GET', '/me/calendar-feed')).url;
  });
  const form = main.querySelector('#leave-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await api('POST', '/leave', { from: form.from.value, to: form.to.value, reason: form.reason.value });
      const open = r.moves.filter((m) => !m.to_lawyer_id).length;
      toast(t('shifts.leaveDone', { m: r.moves.length - open, u: open }));
      show(main, [month]);
    } catch (err) {
      showErrors(form, err);
    }
  });
  for (const b of main.querySelectorAll('[data-shift]')) {
    b.addEventListener('click', () => shiftDay(main.querySelector('#shift-day'), Number(b.dataset.shift), Number(b.dataset.site), b.dataset.heading));
  }
  for (const b of main.querySelectorAll('[data-swap]')) {
    b.addEventListener('click', async () => {
      try {
        await api('POST', `/shift-swaps/${b.dataset.swap}/${b.dataset.accept ? 'accept' : 'decline'}`);
        show(main, [month]);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}

let options = null;
let colleagues = [];

// opened: a booking's attendance and record are taken from half an hour
// before its start, as the server allows (booking.openBefore).
const opened = (b) => new Date(b.starts_at).getTime() - Date.now() <= 30 * 60 * 1000;

// shiftDay shows a shift's bookings with attendance buttons and the
// consultation record form (also for walk-ins).
async function shiftDay(el, shiftId, siteId, heading) {
  let list = [];
  try {
    options ??= await api('GET', '/consultations/options');
    list = (await api('GET', `/shifts/${shiftId}/bookings`)).items;
    colleagues = (await api('GET', `/shifts/${shiftId}/colleagues`).catch(() => ({ items: [] }))).items;
    render(el, html`
      <h2 id="shift-day-title">${t('day.title')}</h2>
      <p><strong>${heading}</strong></p>
      ${list.length ? html`<ul class="list" id="day-bookings">${list.map(({ booking: b, resident_name: name, record: r }) => html`<li>
        <p><strong>${timeCN(b.starts_at)}</strong> ${name} · ${b.topic || '—'} · <span class="status">${t('status.' + b.status)}</span></p>
        ${b.note ? html`<p class="muted">${b.note}</p>` : ''}
        ${r ? html`<p class="record">${r.category} · ${t('outcome.' + r.outcome)}${t('p.colon')}${r.summary}</p>` : ''}
        ${r ? html`<p class="row wrap"><button type="button" class="btn secondary" data-edit="${r.id}">${t('day.edit')}</button></p>`
          : !opened(b) ? (b.status === 'confirmed' ? html`<p class="muted">${t('day.notYet')}</p>` : '')
          : html`<p class="row wrap">${b.status === 'confirmed' ? html`<button type="button" class="btn secondary" data-attend="${b.id}" data-status="attended">${t('day.attended')}</button>
        <button type="button" class="btn secondary" data-attend="${b.id}" data-status="no_show">${t('day.noShow')}</button>` : ''}
        ${b.status === 'confirmed' || b.status === 'attended' ? html`<button type="button" class="btn" data-record="${b.id}">${t('day.record')}</button>` : ''}</p>`}</li>`)}</ul>`
        : html`<p>${t('day.none')}</p>`}
      <p><button type="button" class="btn secondary" data-record="">${t('day.walkIn')}</button></p>
      <div id="record-area"></div>
      ${colleagues.length ? html`<label for="swap-to">${t('day.swapTo')}</label>
        <select id="swap-to">${colleagues.map((c) => html`<option value="${c.id}">${c.name}${c.firm ? paren(c.firm.replace('（示例）', '')) : ''}</option>`)}</select>
        <p><button type="button" class="btn secondary" id="propose-swap">${t('day.swap')}</button></p>` : ''}`);
  } catch (err) {
    toast(err.message);
    return;
  }
  for (const b of el.querySelectorAll('[data-attend]')) {
    b.addEventListener('click', async () => {
      try {
        await api('POST', `/bookings/${b.dataset.attend}/attendance`, { status: b.dataset.status });
        shiftDay(el, shiftId, siteId, heading);
      } catch (err) {
        toast(err.message);
      }
    });
  }
  el.querySelector('#propose-swap')?.addEventListener('click', async () => {
    try {
      await api('POST', '/shift-swaps', { shift_id: shiftId, to_lawyer_id: Number(el.querySelector('#swap-to').value) });
      toast(t('day.swapSent'));
    } catch (err) {
      toast(err.message);
    }
  });
  const again = () => shiftDay(el, shiftId, siteId, heading);
  for (const b of el.querySelectorAll('[data-record]')) {
    b.addEventListener('click', () => recordForm(el.querySelector('#record-area'), b.dataset.record, siteId, again));
  }
  for (const b of el.querySelectorAll('[data-edit]')) {
    const rec = list.find((x) => x.record?.id === Number(b.dataset.edit)).record;
    b.addEventListener('click', () => recordForm(el.querySelector('#record-area'), '', siteId, again, rec));
  }
}

// recordForm writes a new record, or corrects an existing one (rec).
function recordForm(area, bookingId, siteId, after, rec = null) {
  render(area, html`
    <form id="record-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      ${bookingId || rec ? '' : html`<label for="visitor">${t('day.visitor')}</label><input id="visitor" name="visitor" maxlength="50">`}
      <label for="category">${t('day.category')}</label>
      <select id="category" name="category" required><option value="">${t('day.choose')}</option>
        ${options.categories.map((c) => html`<option ${rec?.category === c ? html`selected` : ''}>${c}</option>`)}</select>
      <label for="summary">${t('day.summary')}</label><textarea id="summary" name="summary" rows="4" maxlength="2000">${rec?.summary ?? ''}</textarea>
      <label for="outcome">${t('day.outcome')}</label>
      <select id="outcome" name="outcome">${options.outcomes.map((o) => html`<option value="${o}" ${rec?.outcome === o ? html`selected` : ''}>${t('outcome.' + o)}</option>`)}</select>
      <p><button type="submit" class="btn">${t('day.save')}</button></p>
    </form>`);
  const form = area.querySelector('#record-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { category: form.category.value, summary: form.summary.value, outcome: form.outcome.value };
    if (bookingId) body.booking_id = Number(bookingId);
    else if (!rec) Object.assign(body, { site_id: siteId, visitor: form.visitor.value });
    try {
      if (rec) await api('PATCH', `/consultations/${rec.id}`, body);
      else await api('POST', '/consultations', body);
      toast(t('day.saved'));
      after();
    } catch (err) {
      showErrors(form, err);
    }
  });
  form.category.focus();
}
