// The bureau's village-advisor page: coverage by township, the villages
// still without an advisor, contracts ending soon, and the balanced
// auto-assign (preview first, then apply).
import { api } from '../api.js';
import { paren, t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';

export async function show(main) {
  if (!requireRole(main, 'admin')) return;
  let cov;
  try {
    cov = await api('GET', '/advisors/coverage');
  } catch (err) {
    toast(err.message);
    return;
  }
  render(main, html`
    <h1>${t('adv.title')}</h1>
    <p class="row"><a class="btn secondary" href="#/advisor-compliance">${t('nav.compliance')}</a>
      <a class="btn secondary" href="#/advisor-register">${t('adv.register')}</a></p>
    <h2>${t('adv.coverage')}</h2>
    <p id="coverage-overall" class="${cov.percent === 100 ? 'ok' : ''}">${t('adv.overall', { c: cov.covered, n: cov.villages, p: cov.percent })}</p>
    <div class="scroll" tabindex="0" role="region" aria-label="${t('adv.coverage')}">
    <table class="grid" id="coverage-table">
      <thead><tr><th scope="col">${t('adv.township')}</th><th scope="col">${t('adv.villages')}</th>
        <th scope="col">${t('adv.covered')}</th><th scope="col">%</th></tr></thead>
      <tbody>${cov.townships.map((tw) => html`<tr><th scope="row">${tw.township}</th><td>${tw.villages}</td><td>${tw.covered}</td>
        <td>${tw.percent === 100 ? tw.percent : html`<strong class="warn">${tw.percent}</strong>`}</td></tr>`)}</tbody>
    </table></div>
    <section aria-labelledby="auto-h">
      <h2 id="auto-h">${t('adv.auto')}</h2>
      <form id="auto-form" class="row">
        <div class="grow"><label for="auto-township">${t('adv.township')}</label>
          <select id="auto-township" name="township"><option value="">${t('adv.all')}</option>
            ${cov.townships.map((tw) => html`<option value="${tw.township}">${tw.township}</option>`)}</select></div>
        <button type="submit" class="btn" id="auto-preview">${t('adv.preview')}</button>
        <button type="button" class="btn secondary" id="auto-apply">${t('adv.apply')}</button>
      </form>
      <div id="auto-result" aria-live="polite"></div>
    </section>
    <h2>${t('adv.uncovered', { n: cov.uncovered.length })}</h2>
    ${cov.uncovered.length ? html`<ul class="list" id="uncovered">${cov.uncovered.map((v) => html`<li>${v.township} · ${v.name}</li>`)}</ul>`
      : html`<p class="ok">${t('adv.none')}</p>`}
    <h2>${t('adv.ending')}</h2>
    ${cov.ending.length ? html`<ul class="list" id="ending">${cov.ending.map((e) => html`<li>${e.township} · ${e.site_name}${t('p.colon')}${e.lawyer_name}${t('p.comma')}
      ${e.ends_on}${paren(e.days_left < 0 ? t('adv.lapsed') : t('adv.daysLeft', { n: e.days_left }))}
      <button type="button" class="btn secondary" data-renew="${e.assignment_id}" data-ends="${e.ends_on}">${t('adv.renew')}</button></li>`)}</ul>`
      : html`<p>${t('adv.noEnding')}</p>`}`);
  const form = main.querySelector('#auto-form');
  const out = main.querySelector('#auto-result');
  const run = async (apply) => {
    try {
      const { result } = await api('POST', '/advisor-assignments/auto', { township: form.township.value, apply });
      if (apply) {
        toast(t('adv.applied', { n: result.proposals.length }));
        await show(main);
        return;
      }
      drawProposal(out, result);
    } catch (err) {
      toast(err.message);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(false); });
  main.querySelector('#auto-apply').addEventListener('click', () => run(true));
  for (const b of main.querySelectorAll('[data-renew]')) {
    b.addEventListener('click', async () => {
      const [y, rest] = [Number(b.dataset.ends.slice(0, 4)), b.dataset.ends.slice(4)];
      try {
        await api('POST', `/advisor-assignments/${b.dataset.renew}/renew`, { ends_on: `${y + 3}${rest}` });
        toast(t('adv.renewed'));
        await show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}

function drawProposal(el, r) {
  render(el, html`
    <p id="auto-summary">${t('adv.proposals', { n: r.proposals.length, min: r.min, max: r.max })}
      ${r.balanced ? html`<span class="ok">${t('adv.balanced')}</span>` : html`<strong class="warn">${t('adv.uneven')}</strong>`}</p>
    ${r.unfilled.length ? html`<h3>${t('adv.unfilled')}</h3>
      <ul class="list" id="auto-unfilled">${r.unfilled.map((u) => html`<li class="unfilled">${u.township} · ${u.site_name}${t('p.colon')}${u.reason}</li>`)}</ul>` : ''}
    ${r.proposals.length ? html`<div class="scroll" tabindex="0" role="region" aria-label="${t('adv.auto')}">
    <table class="grid" id="auto-table"><thead><tr><th scope="col">${t('adv.village')}</th><th scope="col">${t('adv.lawyer')}</th><th scope="col"></th></tr></thead>
      <tbody>${r.proposals.map((p) => html`<tr><th scope="row">${p.township} · ${p.site_name}</th><td>${p.lawyer_name}</td>
        <td>${t('adv.why.' + p.why)}</td></tr>`)}</tbody></table></div>` : ''}`);
}
