// A lawyer's month calendar of shifts, the calendar-feed link, leave, and
// swap requests offered to them.
import { api } from '../api.js';
import { t } from '../i18n.js';
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
    <h2>${t('shifts.swaps')}</h2>
    ${offered.length ? html`<ul class="list">${offered.map((s) => html`<li>${t('shifts.swapFrom', { id: s.shift_id, from: s.from_lawyer_id })}
      （${t('shifts.status.' + s.status)}）
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
    ${(shifts ?? []).map((s) => html`<span class="shift" data-date="${date}">${s.site_name.replace('公共法律服务', '')}<br>${timeCN(s.starts_at)}–${timeCN(s.ends_at)}</span>`)}</td>`;
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
