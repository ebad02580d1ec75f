// The shell: a hash router, the language and large-text switches, and the
// signed-in user. Each feature adds its pages to `routes`.
import { refreshUser } from './session.js';
import { applyStatic, getLang, setLang, t } from './i18n.js';
import './i18n-notary.js';
import './i18n-roster.js';
import './i18n-mediation.js';
import './i18n-aid.js';
import './i18n-stats.js';
import * as home from './pages/home.js';
import * as sites from './pages/sites.js';
import * as login from './pages/login.js';
import * as me from './pages/me.js';
import * as roster from './pages/roster.js';
import * as rules from './pages/rules.js';
import * as calendar from './pages/calendar.js';
import * as shifts from './pages/shifts.js';
import * as book from './pages/book.js';
import * as bookings from './pages/bookings.js';
import * as aid from './pages/aid.js';
import * as aidMine from './pages/aid-mine.js';
import * as aidQueue from './pages/aid-queue.js';
import * as aidNotice from './pages/aid-notice.js';
import * as aidProgress from './pages/aid-progress.js';
import * as objections from './pages/objections.js';
import * as outbox from './pages/outbox.js';
import * as pools from './pages/pools.js';
import * as network from './pages/network.js';
import * as notary from './pages/notary.js';
import * as notaryMine from './pages/notary-mine.js';
import * as notaryDesk from './pages/notary-desk.js';
import * as notaryMatters from './pages/notary-matters.js';
import * as advisors from './pages/advisors.js';
import * as advisorCompliance from './pages/advisor-compliance.js';
import * as advisorMine from './pages/advisor-mine.js';
import * as advisor from './pages/advisor.js';
import * as advisorRegister from './pages/advisor-register.js';
import * as mediation from './pages/mediation.js';
import * as dispute from './pages/dispute.js';
import * as mediationCommittees from './pages/mediation-committees.js';
import * as stats from './pages/stats.js';

const routes = {
  '': home,
  sites,
  login,
  me,
  roster,
  rules,
  calendar,
  shifts,
  book,
  bookings,
  aid,
  'aid-mine': aidMine,
  'aid-queue': aidQueue,
  'aid-notice': aidNotice,
  'aid-progress': aidProgress,
  objections,
  outbox,
  pools,
  network,
  notary,
  'notary-mine': notaryMine,
  'notary-desk': notaryDesk,
  'notary-matters': notaryMatters,
  advisors,
  'advisor-compliance': advisorCompliance,
  'advisor-mine': advisorMine,
  advisor,
  'advisor-register': advisorRegister,
  mediation,
  dispute,
  'mediation-committees': mediationCommittees,
  stats,
};

async function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = routes[name] ?? notFound;
  const main = document.getElementById('main');
  main.dataset.route = location.hash;
  for (const a of document.querySelectorAll('#nav a')) {
    a.toggleAttribute('aria-current', a.getAttribute('href') === '#/' + name);
    if (a.hasAttribute('aria-current')) a.setAttribute('aria-current', 'page');
  }
  await page.show(main, rest);
  document.title = `${main.querySelector('h1')?.textContent ?? ''} - ${t('brand')}`;
  main.focus({ preventScroll: true });
}

const notFound = {
  show(main) {
    main.innerHTML = `<h1>${t('notfound.title')}</h1><p><a href="#/">${t('notfound.back')}</a></p>`;
  },
};

function setupTools() {
  const large = document.getElementById('toggle-large');
  const setLarge = (on) => {
    document.documentElement.classList.toggle('large', on);
    large.setAttribute('aria-pressed', String(on));
    localStorage.setItem('large', on ? '1' : '');
  };
  setLarge(localStorage.getItem('large') === '1');
  large.addEventListener('click', () => setLarge(large.getAttribute('aria-pressed') !== 'true'));

  const langBtn = document.getElementById('toggle-lang');
  const label = () => {
    const en = getLang() === 'en';
    langBtn.textContent = en ? '中文' : 'English';
    langBtn.lang = en ? 'zh-CN' : 'en';
  };
  label();
  langBtn.addEventListener('click', async () => {
    setLang(getLang() === 'en' ? 'zh' : 'en');
    label();
    applyStatic();
    await refreshUser();
    await route();
  });
}

// setupMenu folds the navigation behind a button on phones and in large
// text; choosing a page folds it again.
function setupMenu() {
  const btn = document.getElementById('toggle-menu');
  const nav = document.getElementById('nav');
  const set = (open) => {
    nav.classList.toggle('open', open);
    btn.setAttribute('aria-expanded', String(open));
  };
  btn.addEventListener('click', () => set(!nav.classList.contains('open')));
  window.addEventListener('hashchange', () => set(false));
}

applyStatic();
setupTools();
setupMenu();
window.addEventListener('hashchange', route);
await refreshUser();
await route();
