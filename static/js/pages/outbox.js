// Administrators read what was sent: notices, and sign-in codes hidden
// (shown only in a development demo, marked as a demo aid).
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, toast } from '../dom.js';
import { requireRole } from '../session.js';

// kindName says what a message was, in words; a kind without words yet
// shows as it is.
function kindName(kind) {
  const key = 'outbox.kind.' + kind;
  const name = t(key);
  return name === key ? kind : name;
}

export async function show(main, [phone = '']) {
  if (!requireRole(main, 'admin')) return;
  phone = decodeURIComponent(phone);
  let items = [];
  try {
    items = (await api('GET', '/admin/outbox?limit=100' + (phone ? '&phone=' + encodeURIComponent(phone) : ''))).items;
  } catch (err) {
    toast(err.message);
  }
  render(main, html`
    <h1>${t('outbox.title')}</h1>
    <form id="outbox-form" class="row">
      <div class="grow"><label for="outbox-phone">${t('outbox.phone')}</label>
        <input id="outbox-phone" name="phone" type="tel" value="${phone}"></div>
      <button type="submit" class="btn">${t('outbox.search')}</button>
    </form>
    <ul class="list" id="outbox">${items.map((m) => html`<li>
      <p class="muted">${m.created_at.slice(0, 16).replace('T', ' ')} · ${m.recipient} · ${kindName(m.kind)}
        ${m.demo_aid ? html`<span class="badge warn" title="${t('outbox.demoAidHint')}">${t('outbox.demoAid')}</span>` : ''}</p>
      <p>${m.body}</p></li>`)}</ul>`);
  main.querySelector('#outbox-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = '#/outbox/' + encodeURIComponent(e.target.phone.value.trim());
  });
}
