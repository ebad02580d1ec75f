// The bureau's statistics dashboard: a period and township, the figures as
// charts each with a table equivalent, the year's report figures with their
// definitions, and the exports. The legal-aid centre sees its own section.
import { api } from '../api.js';
import { getLang, t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole, session } from '../session.js';
import { todayCN } from '../dates.js';
import { barChart, fmt } from '../charts.js';
import { groups as groupOrder } from '../special-groups.js';

export async function show(main, [from = '', to = '', township = '']) {
  if (!['admin', 'aid_officer'].includes(session.user?.role) && !requireRole(main, 'admin')) return;
  const lastYear = Number(todayCN().slice(0, 4)) - 1;
  from ||= `${lastYear}-01-01`;
  to ||= `${lastYear}-12-31`;
  township = decodeURIComponent(township);
  const q = `from=${from}&to=${to}${township ? '&township=' + encodeURIComponent(township) : ''}`;
  let sum, year, towns;
  try {
    [sum, year, towns] = await Promise.all([api('GET', `/stats/summary?${q}`), api('GET', `/stats/annual?year=${to.slice(0, 4)}`),
      api('GET', '/sites?tier=station&limit=100').then((r) => r.items.map((s) => s.township))]);
  } catch (err) {
    toast(err.message);
    return;
  }
  const admin = session.user.role === 'admin';
  render(main, html`
    <h1>${t('st.title')}</h1>
    <form id="stats-filter" class="row wrap">
      <div><label for="st-from">${t('st.from')}</label><input id="st-from" name="from" type="date" value="${from}" required></div>
      <div><label for="st-to">${t('st.to')}</label><input id="st-to" name="to" type="date" value="${to}" required></div>
      <div class="grow"><label for="st-township">${t('st.township')}</label>
        <select id="st-township" name="township"><option value="">${t('st.allTownships')}</option>
        ${towns.map((tw) => html`<option ${tw === township ? html`selected` : ''}>${tw}</option>`)}</select></div>
      <button type="submit" class="btn">${t('st.show')}</button>
    </form>
    ${sum.includes_demo ? html`<p class="alert" id="stats-demo">${t('st.demo')}</p>` : ''}
    ${sum.consultations ? consultations(sum.consultations) : ''}
    ${legalAid(sum.legal_aid)}
    ${sum.notary ? others(sum) : ''}
    <h2 id="annual-title">${t('st.annual', { year: year.year })}</h2>
    ${year.includes_demo ? html`<p class="muted">${t('st.demo')}</p>` : ''}
    <div class="scroll" tabindex="0" role="region" aria-labelledby="annual-title">
    <table class="grid" id="annual"><thead><tr><th scope="col">${t('st.figure')}</th><th scope="col">${t('st.value')}</th><th scope="col">${t('st.definition')}</th></tr></thead>
      <tbody>${year.figures.map((f) => html`<tr><th scope="row">${lang(f.label, f.label_en)}</th><td>${fmt(f.value)}${f.unit}</td>
        <td>${lang(f.definition, f.definition_en)}</td></tr>`)}</tbody></table></div>
    <h2>${t('st.export')}</h2>
    <ul class="list" id="exports">${['summary', 'legal_aid', ...(admin ? ['disputes'] : [])].map((l) => html`<li>${t('st.list.' + l)}：
      <a href="/api/v1/stats/export.xlsx?${q}&list=${l}" download>Excel</a> · <a href="/api/v1/stats/export.csv?${q}&list=${l}" download>CSV</a></li>`)}</ul>`);
  main.querySelector('#stats-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target;
    location.hash = `#/stats/${f.from.value}/${f.to.value}/${encodeURIComponent(f.township.value)}`;
  });
}

function lang(zh, en) { return getLang() === 'en' ? en : zh; }

function consultations(c) {
  return html`<h2>${t('st.consultations')}</h2>
    <p class="muted">${t('st.rating')}：${fmt(c.average_rating)}（${t('st.ratings', { n: c.ratings })}）· ${t('st.attendedPct')}：${fmt(c.attended_percent)}%</p>
    ${barChart('chart-consultations', t('st.consultations'), [
      { label: t('st.booked'), value: c.booked }, { label: t('st.attended'), value: c.attended },
      { label: t('st.noShow'), value: c.no_show }, { label: t('st.cancelled'), value: c.cancelled }, { label: t('st.walkIns'), value: c.walk_ins }])}`;
}

function legalAid(a) {
  const groups = groupOrder.filter((g) => g in a.by_group);
  return html`<h2>${t('st.legalAid')}</h2>
    <p class="muted">${t('st.onTime')}：<strong id="on-time">${fmt(a.on_time_percent)}%</strong>（${a.decided_on_time}/${a.decided}）</p>
    ${barChart('chart-aid', t('st.legalAid'), [
      { label: t('st.received'), value: a.received }, { label: t('st.specialGroups'), value: a.special_groups },
      { label: t('st.approved'), value: a.approved }, { label: t('st.refused'), value: a.refused }, { label: t('st.closed'), value: a.closed }])}
    ${barChart('chart-groups', t('st.byGroup'), groups.map((g) => ({ label: t('sg.' + g), value: a.by_group[g] })))}`;
}

function others(s) {
  const { notary: n, advisors: v, disputes: d } = s;
  return html`<h2>${t('st.disputes')}</h2>
    <p class="muted">${t('st.resolutionRate')}：${fmt(d.resolution_percent)}%</p>
    ${barChart('chart-disputes', t('st.disputes'), [{ label: t('st.accepted'), value: d.accepted }, { label: t('st.resolved'), value: d.resolved },
      { label: t('st.unresolved'), value: d.unresolved }, { label: t('st.withdrawn'), value: d.withdrawn }])}
    <h2>${t('st.notaryAdvisors')}</h2>
    ${barChart('chart-coverage', t('st.coverage'), [{ label: t('st.coverage'), value: v.coverage_percent }], '%')}
    <div class="scroll" tabindex="0" role="region" aria-label="${t('st.notaryAdvisors')}">
    <table class="grid" id="notary-advisors"><tbody>
      <tr><th scope="row">${t('st.notaryMatters')}</th><td>${n.matters_done}</td></tr>
      <tr><th scope="row">${t('st.notaryVisits')}</th><td>${n.visits_done}</td></tr>
      <tr><th scope="row">${t('st.homeVisits')}</th><td>${n.home_visits_done}</td></tr>
      <tr><th scope="row">${t('st.villages')}</th><td>${v.covered}/${v.villages}</td></tr>
      <tr><th scope="row">${t('st.advisorServices')}</th><td>${v.services}</td></tr>
      <tr><th scope="row">${t('st.advisorPeople')}</th><td>${v.people}</td></tr>
      <tr><th scope="row">${t('st.activeAdvisors')}</th><td>${v.active_advisors}</td></tr>
    </tbody></table></div>`;
}
