// The signed-in user, shared by the shell and the pages; the navigation
// shows each role its own pages.
import { api } from './api.js';
import { t } from './i18n.js';

export const session = { user: null };

const roleLinks = {
  admin: [['#/network', 'nav.network'], ['#/roster', 'nav.roster'], ['#/rules', 'nav.rules'], ['#/calendar', 'nav.calendar'], ['#/pools', 'nav.pools'], ['#/advisors', 'nav.advisors'],
    ['#/objections', 'nav.objections'], ['#/mediation', 'nav.mediation'], ['#/outbox', 'nav.outbox'], ['#/stats', 'nav.stats']],
  lawyer: [['#/shifts', 'nav.myShifts'], ['#/aid-mine', 'nav.aidCases'], ['#/advisor-mine', 'nav.myVillages']],
  resident: [['#/book', 'nav.book'], ['#/bookings', 'nav.bookings'], ['#/aid', 'nav.aid'], ['#/aid-mine', 'nav.myAid'],
    ['#/notary', 'nav.notary'], ['#/notary-mine', 'nav.myNotary']],
  aid_officer: [['#/aid-queue', 'nav.aidQueue'], ['#/stats', 'nav.stats']],
  notary_clerk: [['#/notary-desk', 'nav.notaryDesk'], ['#/notary-matters', 'nav.notaryMatters']],
  mediator: [['#/mediation', 'nav.mediation']],
};

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
  for (const a of document.querySelectorAll('#nav a.role')) a.remove();
  for (const [href, key] of roleLinks[session.user?.role] ?? []) {
    const a = document.createElement('a');
    a.href = href;
    a.className = 'role';
    a.dataset.i18n = key;
    a.textContent = t(key);
    link.before(a);
  }
}

export function go(path) { location.hash = '#/' + path; }

// requireRole sends the visitor to sign in unless they have the role; after
// signing in they come back to this page.
export function requireRole(main, role) {
  if (session.user?.role === role) return true;
  main.innerHTML = '';
  go(`login/${role === 'resident' ? 'resident' : 'staff'}/${location.hash.replace(/^#\/?/, '')}`);
  return false;
}
