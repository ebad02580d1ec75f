// A resident's notary visits: the merged checklist with what is missing,
// uploads per item, "ready — you need to come once", the home visit's
// date, and cancelling.
import { api } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-notary.js';
import { html, render, toast } from '../dom.js';
import { session } from '../session.js';
import { timeCN } from '../dates.js';
import { uploadFile } from '../upload.js';

const open = ['requested', 'booked', 'checked'];

function when(v) {
  return v.starts_at ? `${v.starts_at.slice(0, 10)} ${timeCN(v.starts_at)}–${timeCN(v.ends_at)}` : '';
}

export async function show(main) {
  if (session.user?.role !== 'resident') {
    location.hash = '#/login';
    return;
  }
  const list = (await api('GET', '/me/notary-bookings')).items;
  render(main, html`
    <h1>${t('nt.mine')}</h1>
    ${list.length ? html`<ul class="list" id="nt-list">${list.map((v) => html`
      <li data-visit="${v.id}">
        <p><strong>${v.code}</strong> · <span class="nt-status">${t('ntstatus.' + v.status)}</span>
          ${v.priority ? html` <span class="badge">${t('nt.priority')}</span>` : ''}</p>
        <p>${v.matters.map((m) => m.name).join(t('p.sep'))} · ${v.kind === 'home' ? '' : when(v)}</p>
        ${v.kind === 'home' && v.starts_at ? html`<p class="ok nt-home-date">${t('nt.homeDate', { when: when(v), name: v.notary_name })}</p>` : ''}
        ${v.kind === 'home' && !v.starts_at ? html`<p class="muted">${t('nt.homeWaiting', { dates: v.preferred_dates })}</p>` : ''}
        ${v.fee_reduced ? html`<p class="ok">${t('nt.feeReduced')}</p>` : ''}
        ${v.ready && open.includes(v.status) ? html`<p class="ok nt-ready">${t('nt.ready')}</p>` : ''}
        ${v.materials_state === 'missing' && !v.ready ? html`<p class="alert nt-missing">${t('nt.missing', { list: v.missing.join(t('p.sep')) })}</p>` : ''}
        ${open.includes(v.status) ? html`
          <ul class="list">${v.checklist.map((it, i) => html`<li>
            <label for="f-${v.id}-${i}">${it.name} <span class="muted">${it.later ? t('nt.later') : t('nt.needed')} · ${t('nt.files', { n: it.files })}</span>
              ${it.missing ? html`<span class="badge warn">${t('nt.missing', { list: '' })}</span>` : ''}</label>
            <input id="f-${v.id}-${i}" type="file" accept="application/pdf,image/jpeg,image/png" data-item="${it.name}">
            <button type="button" class="btn secondary" data-upload="${v.id}" data-index="${i}">${t('nt.upload')}</button></li>`)}</ul>
          <p><button type="button" class="btn danger" data-cancel="${v.id}">${t('nt.cancel')}</button></p>` : ''}
      </li>`)}</ul>` : html`<p>${t('nt.noneMine')}</p>`}`);
  for (const b of main.querySelectorAll('[data-upload]')) {
    b.addEventListener('click', async () => {
      const input = main.querySelector(`#f-${b.dataset.upload}-${b.dataset.index}`);
      if (!input.files[0]) return;
      try {
        await uploadFile(`/notary/bookings/${b.dataset.upload}/materials`, input.files[0], { item: input.dataset.item });
        toast(t('nt.uploaded'));
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
  for (const b of main.querySelectorAll('[data-cancel]')) {
    b.addEventListener('click', async () => {
      try {
        await api('POST', `/notary/bookings/${b.dataset.cancel}/status`, { status: 'cancelled' });
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}
