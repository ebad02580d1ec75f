// The signed-in user, shared by the shell and the pages.
import { api } from './api.js';
import { t } from './i18n.js';

export const session = { user: null };

export async function refreshUser() {
  try {
    session.user = (await api('GET', '/me')).user;
  } catch {
    session.user = null;
  }
  const link = document.getElementById('nav-account');
  link.href = session.user ? '#/me' : '#/login';
  link.dataset.i18n = session.user ? 'nav.me' : 'nav.login';
  link.textContent = t(link.dataset.i18n);
}

export function go(path) { location.hash = '#/' + path; }
