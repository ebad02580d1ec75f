// An error summary at the top of a form (GOV.UK pattern): every problem
// listed, each a link that takes the person to its field, and the message
// beside the field too.
import { html, render } from './dom.js';
import { t } from './i18n.js';

// showSummary lists problems [{name, msg}] in form's .error-summary; jump
// (name) is called when a link is followed, to reveal the field first.
export function showSummary(form, problems, jump = () => {}, message = '') {
  clearSummary(form);
  const box = form.querySelector('.error-summary');
  for (const { name, msg } of problems) {
    const input = fieldOf(form, name);
    if (!input) continue;
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = `${input.id || name}-error`;
    p.textContent = msg;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', p.id);
    (input.closest('.choice, [role="radiogroup"]') ?? input).after(p);
  }
  render(box, html`<h2 id="${form.id}-errors-title">${message || t(problems.length === 1 ? 'wiz.error1' : 'wiz.errors', { n: problems.length })}</h2>
    <ul>${problems.map(({ name, msg }) => html`<li><a href="#${fieldOf(form, name)?.id ?? ''}" data-field="${name}">${msg}</a></li>`)}</ul>`);
  box.hidden = false;
  for (const a of box.querySelectorAll('a[data-field]')) {
    a.addEventListener('click', (e) => {
      e.preventDefault(); // the hash is the router's
      jump(a.dataset.field);
      fieldOf(form, a.dataset.field)?.focus();
    });
  }
  box.focus();
}

// fromError turns an ApiError into problems, the fields the form knows.
export function fromError(form, err) {
  return Object.entries(err.fields ?? {}).map(([name, msg]) => ({ name, msg })).filter((p) => fieldOf(form, p.name));
}

export function clearSummary(form) {
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  for (const i of form.querySelectorAll('[aria-invalid]')) {
    i.removeAttribute('aria-invalid');
    i.removeAttribute('aria-describedby');
  }
  const box = form.querySelector('.error-summary');
  box.hidden = true;
  box.innerHTML = '';
}

// fieldOf is the element a problem points to: the named input, or for a
// radio group its first choice; aliases map server names to the page's.
function fieldOf(form, name) {
  const alias = form.dataset.alias ? JSON.parse(form.dataset.alias)[name] : null;
  return form.querySelector(`[name="${alias ?? name}"]`);
}
