// Sign-in: residents with phone + SMS code, staff with phone + password.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { html, render, showErrors } from '../dom.js';
import { go, refreshUser } from '../session.js';

// #/login/<tab>/<page…> comes back to that page after signing in.
export function show(main, [tab = 'resident', ...back]) {
  const staff = tab === 'staff';
  const after = back.join('/');
  render(main, html`
    <h1>${t('login.title')}</h1>
    <div class="tabs" role="group" aria-label="${t('login.title')}">
      <a class="btn ${staff ? html`secondary` : ''}" href="#/login/resident/${after}" aria-current="${staff ? 'false' : 'page'}">${t('login.resident')}</a>
      <a class="btn ${staff ? '' : html`secondary`}" href="#/login/staff/${after}" aria-current="${staff ? 'page' : 'false'}">${t('login.staff')}</a>
    </div>
    <form id="login-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="phone">${t('login.phone')}</label>
      <input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel" maxlength="13" required aria-describedby="phone-hint">
      <p id="phone-hint" class="muted">${t('login.phoneHint')}</p>
      ${staff ? html`
        <label for="password">${t('login.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>` : html`
        <label for="code">${t('login.code')}</label>
        <div class="row">
          <input class="grow" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required>
          <button type="button" class="btn secondary" id="get-code">${t('login.getCode')}</button>
        </div>
        <p id="code-note" class="muted" aria-live="polite"></p>`}
      <p><button type="submit" class="btn" id="login-submit">${t('login.submit')}</button></p>
    </form>`);
  const form = main.querySelector('#login-form');
  if (!staff) main.querySelector('#get-code').addEventListener('click', () => requestCode(form));
  // An error stops being shown once the person changes what it was about.
  form.addEventListener('input', () => {
    form.querySelector('.form-alert').hidden = true;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(form, staff, after);
  });
}

async function requestCode(form) {
  const btn = form.querySelector('#get-code');
  try {
    await api('POST', '/auth/sms-code', { phone: form.phone.value });
    const digits = form.phone.value.replace(/\D/g, '');
    form.querySelector('#code-note').textContent = t('login.sentTo', { phone: digits.slice(0, 3) + '****' + digits.slice(-4) });
    countdown(btn, 60);
    form.code.focus();
  } catch (err) {
    showErrors(form, err);
  }
}

function countdown(btn, secs) {
  btn.disabled = true;
  const tick = () => {
    if (secs <= 0) {
      btn.disabled = false;
      btn.textContent = t('login.getCode');
      return;
    }
    btn.textContent = t('login.resend', { n: secs-- });
    setTimeout(tick, 1000);
  };
  tick();
}

async function submit(form, staff, after) {
  const body = { phone: form.phone.value };
  if (staff) body.password = form.password.value;
  else body.code = form.code.value;
  try {
    await api('POST', '/auth/login', body);
    await refreshUser();
    go(after || 'me');
  } catch (err) {
    showErrors(form, err);
  }
}
