// The bureau's register of people's mediation committees: township,
// village and trade committees, registered, renamed and retired (never
// deleted, so past disputes keep theirs).
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-mediation.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';

const kinds = ['township', 'village', 'trade'];

export async function show(main) {
  if (!requireRole(main, 'admin')) return;
  const { items } = await api('GET', '/mediation/committees?all=true');
  const townships = items.filter((c) => c.kind === 'township').map((c) => c.township);
  render(main, html`
    <p><a href="#/mediation">${t('md.back')}</a></p>
    <h1>${t('mc.title')}</h1>
    <form id="mc-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="mc-name">${t('mc.name')}</label><input id="mc-name" name="name" maxlength="80">
      <label for="mc-kind">${t('mc.kind')}</label>
      <select id="mc-kind" name="kind">${kinds.map((k) => html`<option value="${k}">${t('mdkind.' + k)}</option>`)}</select>
      <label for="mc-township">${t('md.township')}</label>
      <select id="mc-township" name="township"><option value="">—</option>${[...new Set(townships)].map((x) => html`<option>${x}</option>`)}</select>
      <p><button class="btn" id="mc-add">${t('mc.add')}</button></p>
    </form>
    <ul class="list" id="mc-list">${items.map((c) => html`<li>
      <p><strong>${c.name}</strong> · ${t('mdkind.' + c.kind)}${c.township ? ` · ${c.township}` : ''}
        ${c.active ? '' : html`<span class="badge warn">${t('mc.retired')}</span>`}</p>
      <p><button type="button" class="btn secondary" data-active="${c.active ? '' : '1'}" data-committee="${c.id}">${c.active ? t('mc.retire') : t('mc.restore')}</button></p>
    </li>`)}</ul>`);
  const form = main.querySelector('#mc-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/mediation/committees', Object.fromEntries(new FormData(form)));
      toast(t('dp.done'));
      await show(main);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      showErrors(form, err);
    }
  });
  for (const b of main.querySelectorAll('[data-committee]')) {
    b.addEventListener('click', async () => {
      try {
        await api('PATCH', `/mediation/committees/${b.dataset.committee}`, { active: b.dataset.active === '1' });
        await show(main);
      } catch (err) {
        toast(err.message);
      }
    });
  }
}
