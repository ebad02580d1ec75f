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
      <select id="kind" name="kind"><option value="closed">${t('cal.kind.closed')}</option><option value="workday">${t('cal.kind.workday')}</option></select>
      <label for="name">${t('cal.name')}</label><input id="name" name="name" maxlength="50" required>
      <p><button type="submit" class="btn">${t('cal.save')}</button></p>
    </form>`);
  const form = main.querySelector('#override-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/calendar/overrides', { date: form.date.value, kind: form.kind.value, name: form.name.value });
      toast(t('cal.saved'));
      show(main, [month]);
    } catch (err) {
      showErrors(form, err);
    }
  });
}
