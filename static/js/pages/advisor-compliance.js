// The bureau's monthly report of advisors' duties (the basis of their
// subsidy), per township and per advisor, with its CSV export.
import { api } from '../api.js';
import { getLang, t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { monthOf, todayCN } from '../dates.js';

export async function show(main, [month = '']) {
  if (!requireRole(main, 'admin')) return;
  month ||= monthOf(todayCN());
  let rep;
  try {
    rep = await api('GET', `/advisors/compliance?month=${encodeURIComponent(month)}`);
  } catch (err) {
    toast(err.message);
    return;
  }
  render(main, html`
    <h1>${t('adv.compliance')}</h1>
    <form id="month-form" class="row">
      <div class="grow"><label for="month">${t('adv.month')}</label>
        <input id="month" name="month" type="month" value="${month}" required></div>
      <button type="submit" class="btn">${t('adv.show')}</button>
      <a class="btn secondary" href="/api/v1/advisors/compliance.csv?month=${month}" download hreflang="${getLang() === 'en' ? 'en' : 'zh-CN'}">${t('adv.csv')}</a>
    </form>
    ${townships(rep)}
    ${advisors(rep)}`);
  main.querySelector('#month-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/advisor-compliance/' + e.target.month.value;
  });
}

export function verdict(v) {
  const text = t('adv.' + v);
  return v === 'missed' ? html`<strong class="warn">${text}</strong>` : v === 'met' ? html`<span class="ok">${text}</span>` : html`<span>${text}</span>`;
}

function townships(rep) {
  return html`<h2>${t('adv.township')}</h2>
    <div class="scroll" tabindex="0" role="region" aria-label="${t('adv.township')}">
    <table class="grid" id="township-duties"><thead><tr><th scope="col">${t('adv.township')}</th><th scope="col">${t('adv.duties')}</th>
      <th scope="col">${t('adv.met')}</th><th scope="col">${t('adv.missed')}</th><th scope="col">${t('adv.pending')}</th><th scope="col">${t('adv.exempt')}</th></tr></thead>
      <tbody>${rep.townships.map((tw) => html`<tr><th scope="row">${tw.township}</th><td>${tw.duties}</td><td>${tw.met}</td>
        <td>${tw.missed}</td><td>${tw.pending}</td><td>${tw.exempt}</td></tr>`)}</tbody></table></div>`;
}

export function advisors(rep) {
  return html`<h2>${t('adv.lawyer')}</h2>
    <div class="scroll" tabindex="0" role="region" aria-label="${t('adv.lawyer')}">
    <table class="grid" id="advisor-duties"><thead><tr><th scope="col">${t('adv.lawyer')}</th><th scope="col">${t('adv.village')}</th>
      <th scope="col">${t('adv.onSite')}</th><th scope="col">${t('adv.lecture')}</th><th scope="col">${t('adv.verdict')}</th></tr></thead>
      <tbody>${rep.advisors.map((a) => a.villages.map((v, i) => html`<tr>
        ${i === 0 ? html`<th scope="row" rowspan="${a.villages.length}">${a.name}<br><span class="muted">${a.firm}</span></th>` : ''}
        <td>${v.site_name}</td><td>${v.on_site_days} ${verdict(v.on_site)}</td><td>${v.lectures_in_quarter} ${verdict(v.lecture)}</td>
        <td>${verdict(v.verdict)}</td></tr>`))}</tbody></table></div>`;
}
