// The justice bureau reviews objections to refusals and terminations.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';

export async function show(main) {
  if (!requireRole(main, 'admin')) return;
  const { items } = await api('GET', '/legal-aid/objections');
  render(main, html`
    <h1>${t('obj.title')}</h1>
    ${items.length ? html`<ul class="list" id="objections">${items.map((o) => html`<li>
      <p><strong>${o.code}</strong> ${o.name} · ${t('aidstatus.' + o.from_status)} · ${t('obj.filed', { date: o.filed_at.slice(0, 10) })}
        · ${t('aid.due', { date: o.due })}${o.overdue ? html` <span class="badge warn">${t('aid.overdue')}</span>` : ''}
        · ${t('aid.objector.' + o.objector)}${o.channel === 'window' ? html` <span class="badge">${t('obj.window')}</span>` : ''}</p>
      <p class="muted">${t('obj.original', { r: o.decided_reason || '—' })}</p>
      <p>${o.reason}</p>
      <label for="decision-${o.id}">${t('obj.decision')}</label><input id="decision-${o.id}" maxlength="1000">
      <p class="row"><button type="button" class="btn" data-decide="${o.id}" data-v="overturn">${t('obj.overturn')}</button>
        <button type="button" class="btn secondary" data-decide="${o.id}" data-v="uphold">${t('obj.uphold')}</button></p>
    </li>`)}</ul>` : html`<p>${t('obj.none')}</p>`}`);
  for (const b of main.querySelectorAll('[data-decide]')) {
    b.addEventListener('click', async () => {
      try {
        const reason = main.querySelector(`#decision-${b.dataset.decide}`).value;
        await api('POST', `/legal-aid/objections/${b.dataset.decide}/decision`, { decision: b.dataset.v, reason });
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}
