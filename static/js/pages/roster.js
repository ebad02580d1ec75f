// Administrators preview a month's roster as a grid of days × sites, with
// unfilled cells marked and fairness figures, then publish it.
import { api } from '../api.js';
import { getLang, t } from '../i18n.js';
import '../i18n-roster.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { addMonths, daysOf, isoWeekday, monthOf, monthRange, todayCN } from '../dates.js';

export function show(main) {
  if (!requireRole(main, 'admin')) return;
  const month = addMonths(monthOf(todayCN()), 1);
  render(main, html`
    <h1>${t('roster.title')}</h1>
    <form id="roster-form" class="row">
      <div class="grow"><label for="month">${t('roster.month')}</label>
        <input id="month" name="month" type="month" value="${month}" required></div>
      <button type="submit" class="btn" id="preview">${t('roster.preview')}</button>
      <button type="button" class="btn secondary" id="publish">${t('roster.publish')}</button>
    </form>
    <p class="ok" id="publish-result" role="status" hidden></p>
    <section id="publish-check" class="card" hidden aria-labelledby="rc-title"></section>
    <div id="roster-result"></div>`);
  const form = main.querySelector('#roster-form');
  const out = main.querySelector('#roster-result');
  const period = () => monthRange(form.month.value);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      drawRoster(out, form.month.value, await api('POST', '/rosters/preview', period()), await dayKinds(period()));
    } catch (err) {
      toast(err.message);
    }
  });
  const check = main.querySelector('#publish-check');
  // Publishing first shows what it would change; only "publish now" does it.
  main.querySelector('#publish').addEventListener('click', async () => {
    try {
      const preview = await api('POST', '/rosters/preview', period());
      drawRoster(out, form.month.value, preview, await dayKinds(period()));
      drawChanges(check, preview, () => publish(main, form, out, check));
      check.querySelector('h2').focus();
    } catch (err) {
      toast(err.message);
    }
  });
}

async function publish(main, form, out, check) {
  const period = monthRange(form.month.value);
  try {
    const { report, roster } = await api('POST', '/rosters/publish', period);
    check.hidden = true;
    const p = main.querySelector('#publish-result');
    p.textContent = t('roster.published', { c: report.created, u: report.updated, r: report.removed, k: report.kept_booked });
    p.hidden = false;
    drawRoster(out, form.month.value, roster, await dayKinds(period));
  } catch (err) {
    toast(err.message);
  }
}

// drawChanges lists what publishing would do, booked shifts first noted.
function drawChanges(el, r, onConfirm) {
  const changes = r.changes ?? [];
  const n = (k) => changes.filter((c) => c.kind === k).length;
  const who = (id) => (id ? short(r.lawyers[id] ?? id) : t('rpub.unfilled'));
  render(el, html`
    <h2 id="rc-title" tabindex="-1">${t('rpub.title')}</h2>
    ${changes.length ? html`
      <p>${t('rpub.summary', { c: n('created'), u: n('reassigned'), t: n('retimed'), r: n('removed'), k: n('kept_booked') })}</p>
      <ul class="list" id="change-list">${changes.map((c) => html`<li class="${c.booked ? 'warn' : ''}">
        <strong>${t('rpub.kind.' + c.kind)}</strong> ${t('rpub.when', { d: c.date, w: t('weekday.' + isoWeekday(c.date)), s: r.sites[c.site_id] ?? c.site_id, from: hhmm(c.starts_at), to: hhmm(c.ends_at) })}
        ${c.kind === 'created' ? who(c.to_lawyer_id) : c.kind === 'reassigned' ? `${who(c.from_lawyer_id)} → ${who(c.to_lawyer_id)}` : who(c.from_lawyer_id)}
        ${c.booked ? html`<br><span>${t(c.kind === 'kept_booked' ? 'rpub.keptBooked' : 'rpub.booked', { n: c.booked })}</span>` : ''}</li>`)}</ul>
      <div class="row"><button type="button" class="btn" id="publish-confirm">${t('rpub.confirm')}</button>
        <button type="button" class="btn secondary" id="publish-cancel">${t('rpub.cancel')}</button></div>`
    : html`<p>${t('rpub.none')}</p>`}`);
  el.hidden = false;
  el.querySelector('#publish-confirm')?.addEventListener('click', onConfirm);
  el.querySelector('#publish-cancel')?.addEventListener('click', () => { el.hidden = true; });
}

// dayKinds says which days are off (weekends, holidays) and which
// weekend days are make-up workdays, so the grid can shade them.
async function dayKinds({ from, to }) {
  const kinds = {};
  try {
    for (const d of (await api('GET', `/calendar/days?from=${from}&to=${to}`)).items) kinds[d.date] = d.kind;
  } catch {
    // The grid is still useful without the shading.
  }
  return kinds;
}

function dayClass(d, kinds) {
  const k = kinds[d] ?? (isoWeekday(d) >= 6 ? 'weekend' : 'workday');
  return k === 'workday' || k === 'makeup_workday' || k === 'extra_workday' ? (k === 'workday' ? '' : 'makeup') : 'off';
}

function drawRoster(el, month, r, kinds = {}) {
  const days = daysOf(month);
  const cell = {};
  for (const s of r.shifts) (cell[`${s.site_id}|${s.date}`] ??= []).push(r.lawyers[s.lawyer_id] ?? s.lawyer_id);
  for (const u of r.unfilled) (cell[`${u.site_id}|${u.date}`] ??= []).push(null);
  const sites = Object.keys(r.sites).map(Number).sort((a, b) => a - b);
  render(el, html`
    <div class="scroll" tabindex="0" role="region" aria-label="${t('roster.title')}">
    <table class="grid" id="roster-grid">
      <thead><tr><th scope="col">${t('roster.site')}</th>${days.map((d) => html`<th scope="col" class="${dayClass(d, kinds)}">${d.slice(8)}<br>${t('weekday.' + isoWeekday(d))}</th>`)}</tr></thead>
      <tbody>${sites.map((id) => html`<tr><th scope="row">${r.sites[id]}</th>${days.map((d) => gridCell(cell[`${id}|${d}`], dayClass(d, kinds)))}</tr>`)}</tbody>
    </table></div>
    <p class="muted">${t('roster.legend')}</p>
    <h2>${t('roster.unfilledList')}</h2>
    ${r.unfilled.length ? html`<ul class="list" id="unfilled">${r.unfilled.map((u) => html`<li class="unfilled">${u.date} ${r.sites[u.site_id]}${t('p.colon')}${getLang() === 'en' && u.reason_en ? u.reason_en : u.reason}</li>`)}</ul>`
      : html`<p>${t('roster.noneUnfilled')}</p>`}
    <h2>${t('roster.fairness')}</h2>
    <table class="grid stack" id="fairness"><thead><tr><th scope="col">${t('roster.site')}</th><th scope="col">${t('roster.min')}</th>
      <th scope="col">${t('roster.max')}</th><th scope="col">${t('roster.stdev')}</th><th scope="col"></th></tr></thead>
      <tbody>${r.fairness.map((f) => html`<tr><th scope="row">${r.sites[f.site_id] ?? f.site_id}</th><td data-label="${t('roster.min')}">${f.min}</td><td data-label="${t('roster.max')}">${f.max}</td>
        <td data-label="${t('roster.stdev')}">${f.stdev}</td><td>${f.bound_met ? t('roster.ok') : html`<strong class="warn">${t('roster.notOk')}</strong>`}</td></tr>`)}</tbody>
    </table>`);
}

function gridCell(names, cls) {
  if (!names) return html`<td class="${cls}"></td>`;
  return html`<td class="${cls}">${names.map((n) => (n === null ? html`<span class="unfilled">${t('roster.unfilled')}</span>` : html`<span>${short(n)}</span>`))}</td>`;
}

// hhmm is the China-time clock of an RFC 3339 time with its +08:00 offset.
function hhmm(ts) { return String(ts).slice(11, 16); }

// short drops the demo marker and the title so the grid stays narrow.
function short(name) { return String(name).replace('（示例）', '').replace('律师', ''); }
