// Administrators see the official calendar of a month and change single days
// (a closure, an extra working day).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { addMonths, isoWeekday, monthOf, monthRange, todayCN } from '../dates.js';

// monthGrid lays the month out by weeks, Monday first, each day with its
// kind in words (colour alone says nothing to a screen reader).
function monthGrid(days) {
  const cells = [...Array(isoWeekday(days[0].date) - 1).fill(null), ...days];
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const cls = (k) => (k === 'weekend' || k === 'holiday' || k === 'closed' ? 'off' : k === 'workday' ? '' : 'makeup');
  return html`<table class="month grid" id="month-grid"><caption class="visually-hidden">${t('cal.grid')}</caption>
    <thead><tr>${[1, 2, 3, 4, 5, 6, 7].map((n) => html`<th scope="col">${t('weekday.' + n)}</th>`)}</tr></thead>
    <tbody>${weeks.map((w) => html`<tr>${w.map((d) => (d ? html`<td class="${cls(d.kind)}"><span class="day-number">${Number(d.date.slice(8))}</span>
      ${d.kind !== 'workday' && d.kind !== 'weekend' ? html`<span>${t('kind.' + d.kind)}</span>` : ''}${d.name ? html`<span>${d.name}</span>` : ''}</td>` : html`<td></td>`))}</tr>`)}</tbody></table>`;
}

export async function show(main, [month = monthOf(todayCN())]) {
  if (!requireRole(main, 'admin')) return;
  const { from, to } = monthRange(month);
  let days = [];
  let error = '';
  try {
    days = (await api('GET', `/calendar/days?from=${from}&to=${to}`)).items;
  } catch (err) {
    error = err.message;
  }
  render(main, html`
    <h1>${t('cal.title')}</h1>
    <div class="row month-nav">
      <a class="btn secondary" href="#/calendar/${addMonths(month, -1)}">${t('shifts.prev')}</a>
      <h2 class="grow center">${month}</h2>
      <a class="btn secondary" href="#/calendar/${addMonths(month, 1)}">${t('shifts.next')}</a>
    </div>
    ${error ? html`<p class="alert">${error}</p>` : ''}
    ${days.length ? monthGrid(days) : ''}
    <p class="muted">${t('roster.legend')}</p>
    <ul class="list" id="days">${days.filter((d) => d.kind !== 'workday' && d.kind !== 'weekend').map((d) =>
      html`<li><strong>${d.date}</strong> ${t('kind.' + d.kind)} ${d.name}</li>`)}</ul>
    <h2>${t('cal.override')}</h2>
    <form id="override-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="date">${t('cal.date')}</label><input id="date" name="date" type="date" required>
      <label for="kind">${t('cal.kind')}</label>
      <select id="kind" name="kind" required><option value="">${t('day.choose')}</option>
        <option value="closed">${t('cal.kind.closed')}</option><option value="workday">${t('cal.kind.workday')}</option></select>
      <label for="name">${t('cal.name')}</label><input id="name" name="name" maxlength="50" required>
      <div id="closure-check" class="card" hidden></div>
      <p><button type="submit" class="btn">${t('cal.save')}</button></p>
    </form>`);
  const form = main.querySelector('#override-form');
  const check = form.querySelector('#closure-check');
  const body = () => ({ date: form.date.value, kind: form.kind.value, name: form.name.value });
  const save = async () => {
    const done = await api('POST', '/calendar/overrides', body());
    toast(done.cancelled_bookings ? t('cal.closedTold', { n: done.cancelled_bookings }) : t('cal.saved'));
    show(main, [month]);
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      if (form.kind.value !== 'closed') {
        await save();
        return;
      }
      // Closing a day cancels its bookings: say what it will do first.
      const p = await api('POST', '/calendar/overrides', { ...body(), preview: true });
      render(check, html`<p id="closure-effect" role="alert">${t('cal.closureEffect', { b: p.cancelled_bookings, s: p.closed_slots })}</p>
        <p class="row wrap"><button type="button" class="btn danger" id="closure-confirm">${t('cal.closureConfirm')}</button>
        <button type="button" class="btn secondary" id="closure-cancel">${t('cal.closureKeep')}</button></p>`);
      check.hidden = false;
      check.querySelector('#closure-cancel').addEventListener('click', () => { check.hidden = true; });
      check.querySelector('#closure-confirm').addEventListener('click', async () => {
        try {
          await save();
        } catch (err) {
          check.hidden = true;
          showErrors(form, err);
        }
      });
    } catch (err) {
      showErrors(form, err);
    }
  });
}
