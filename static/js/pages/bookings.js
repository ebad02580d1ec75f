// A resident's bookings, with the code, the QR code, cancel and move.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { timeCN } from '../dates.js';

export async function show(main) {
  if (!requireRole(main, 'resident')) return;
  let list = [];
  try {
    list = (await api('GET', '/me/bookings')).items;
  } catch (err) {
    toast(err.message);
  }
  render(main, html`
    <h1>${t('bookings.title')}</h1>
    ${list.length ? html`<ul class="list" id="my-bookings">${list.map((b) => html`<li data-booking="${b.id}">
      <p><strong>${b.site_name}</strong> ${b.starts_at.slice(0, 10)} ${timeCN(b.starts_at)}–${timeCN(b.ends_at)}</p>
      <p>${t('book.code')}：<strong class="code">${b.code}</strong> · <span class="status">${t('status.' + b.status)}</span></p>
      ${b.status === 'confirmed' ? html`<p class="row">
        <a class="btn secondary" href="/api/v1/bookings/${b.id}/qr.png" target="_blank" rel="noopener">QR</a>
        <a class="btn secondary" href="#/book/${b.id}">${t('bookings.move')}</a>
        <button type="button" class="btn secondary cancel" data-cancel="${b.id}">${t('bookings.cancel')}</button></p>` : ''}
    </li>`)}</ul>` : html`<p>${t('bookings.none')}</p><p><a class="btn" href="#/book">${t('nav.book')}</a></p>`}`);
  for (const b of main.querySelectorAll('[data-cancel]')) {
    b.addEventListener('click', async () => {
      // A second press confirms: no modal dialog, friendlier to old phones.
      if (!b.dataset.armed) {
        b.dataset.armed = '1';
        b.textContent = t('bookings.confirmCancel');
        b.classList.add('danger');
        return;
      }
      try {
        await api('POST', `/bookings/${b.dataset.cancel}/cancel`, { reason: '' });
        toast(t('bookings.cancelled'));
        show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}
