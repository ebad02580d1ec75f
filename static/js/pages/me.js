import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render } from '../dom.js';
import { go, refreshUser, session } from '../session.js';

export function show(main) {
  const u = session.user;
  if (!u) {
    go('login');
    return;
  }
  render(main, html`
    <h1>${t('me.title')}</h1>
    <dl class="card">
      <dt class="muted">${t('me.name')}</dt><dd id="me-name">${u.name}</dd>
      <dt class="muted">${t('me.role')}</dt><dd>${t('role.' + u.role)}</dd>
      <dt class="muted">${t('me.phone')}</dt><dd>${u.phone}</dd>
    </dl>
    <p><button type="button" class="btn secondary" id="logout">${t('me.logout')}</button></p>`);
  main.querySelector('#logout').addEventListener('click', async () => {
    await api('POST', '/auth/logout');
    await refreshUser();
    go('');
  });
}
