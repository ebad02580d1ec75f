// Tiny helpers for building pages without a framework.

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => escapes[c]);
}

// html is a tagged template that escapes every interpolated value unless it
// was itself made by html (marked as safe).
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => {
    out += (Array.isArray(v) ? v.map(toSafe).join('') : toSafe(v)) + strings[i + 1];
  });
  return new Safe(out);
}

class Safe {
  constructor(s) { this.s = s; }
  toString() { return this.s; }
}

function toSafe(v) { return v instanceof Safe ? v.s : esc(v); }

// render fills el. A page that finished loading after the person moved on
// (main's route is no longer the address shown) does not overwrite the page
// they are on now.
export function render(el, safe) {
  if (el.id === 'main' && el.dataset.route !== undefined && el.dataset.route !== location.hash) return;
  el.innerHTML = String(safe);
}

let toastTimer;
export function toast(msg) {
  const el = document.getElementById('toast');
  el.textContent = msg;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), 4000);
}

// showErrors puts an ApiError's messages beside the form fields and on top.
export function showErrors(form, err) {
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  const box = form.querySelector('.form-alert');
  box.textContent = err.message;
  box.hidden = false;
  for (const [name, msg] of Object.entries(err.fields ?? {})) {
    const input = form.querySelector(`[name="${name}"]`);
    if (!input) continue;
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = `${input.id}-error`;
    p.textContent = msg;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', p.id);
    input.after(p);
  }
  box.focus();
}
