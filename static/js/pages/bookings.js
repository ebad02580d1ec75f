// A resident's bookings, with the code, the QR code, cancel and move.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';
import { dateCN, isoWeekday, timeCN } from '../dates.js';

// item is one booking: when and where, the code, and what can be done.
function item(b) {
  const d = dateCN(b.starts_at);
  return html`<li data-booking="${b.id}">
      <p><strong>${b.site_name}</strong> ${d} ${t('weekday.' + isoWeekday(d))} ${timeCN(b.starts_at)}–${timeCN(b.ends_at)}</p>
      <p>${t('book.lawyer', { name: b.lawyer_name.replace('（示例）', '') })}</p>
      <p>${t('book.code')}${t('p.colon')}<strong class="code">${b.code}</strong> · <span class="status">${t('status.' + b.status)}</span></p>
      ${b.status === 'confirmed' ? html`<p class="row wrap">
        <a class="btn secondary" href="/api/v1/bookings/${b.id}/qr.png" target="_blank" rel="noopener">${t('book.qrLabel')}</a>
        <a class="btn secondary" href="/api/v1/bookings/${b.id}/calendar.ics" download>${t('book.addCalendar')}</a>
        <a class="btn secondary" href="#/book/${b.id}">${t('bookings.move')}</a>
        <button type="button" class="btn secondary cancel" data-cancel="${b.id}">${t('bookings.cancel')}</button></p>` : ''}
      ${b.status === 'attended' ? html`<form class="rate-form" data-rate="${b.id}" novalidate>
        <p class="alert form-alert" tabindex="-1" hidden></p>
        <label for="score-${b.id}">${t('rate.score')}</label>
        <select id="score-${b.id}" name="score">${[5, 4, 3, 2, 1].map((n) => html`<option>${n}</option>`)}</select>
        <label for="comment-${b.id}">${t('rate.comment')}</label><input id="comment-${b.id}" name="comment" maxlength="500">
        <p><button type="submit" class="btn">${t('rate.send')}</button></p></form>` : ''}
    </li>`;
}

export async function show(main) {
  if (!requireRole(main, 'resident')) return;
  let list = [];
  try {
    list = (await api('GET', '/me/bookings')).items;
  } catch (err) {
    toast(err.message);
  }
  const upcoming = list.filter((b) => b.status === 'confirmed' && Date.parse(b.ends_at) > Date.now())
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  const past = list.filter((b) => !upcoming.includes(b));
  render(main, html`
    <h1>${t('bookings.title')}</h1>
    ${list.length ? html`<div id="my-bookings">
      <h2>${t('bookings.upcoming')}</h2>
      ${upcoming.length ? html`<ul class="list">${upcoming.map(item)}</ul>` : html`<p class="muted">${t('bookings.none')}</p>`}
      ${past.length ? html`<h2>${t('bookings.past')}</h2><ul class="list">${past.map(item)}</ul>` : ''}
    </div>` : html`<p>${t('bookings.none')}</p>`}
    <p><a class="btn" href="#/book">${t('nav.book')}</a></p>`);
  for (const f of main.querySelectorAll('[data-rate]')) {
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api('POST', `/bookings/${f.dataset.rate}/rating`, { score: Number(f.score.value), comment: f.comment.value });
        toast(t('rate.thanks'));
        f.remove();
      } catch (err) {
        showErrors(f, err);
      }
    });
  }
  for (const b of main.querySelectorAll('[data-cancel]')) {
    // Cancelling asks first, in the page (no modal, friendlier to old
    // phones). "Keep it" takes the cancel button's place, so a double tap
    // keeps the booking; the confirmation sits after it.
    b.addEventListener('click', () => {
      const ask = document.createElement('span');
      ask.className = 'row wrap cancel-ask';
      render(ask, html`<button type="button" class="btn secondary" data-keep>${t('bookings.keep')}</button>
        <button type="button" class="btn danger" data-confirm-cancel>${t('bookings.confirmCancel')}</button>
        <strong role="alert">${t('bookings.askCancel')}</strong>`);
      b.replaceWith(ask);
      ask.querySelector('[data-keep]').focus();
      ask.querySelector('[data-keep]').addEventListener('click', () => ask.replaceWith(b));
      ask.querySelector('[data-confirm-cancel]').addEventListener('click', async () => {
        try {
          await api('POST', `/bookings/${b.dataset.cancel}/cancel`, { reason: '' });
          toast(t('bookings.cancelled'));
          show(main);
        } catch (err) {
          toast(err.message);
        }
      });
    });
  }
}
