// The notary matter catalogue editor (clerks): each matter's materials,
// marked "may follow later" (容缺) with a trailing *, the in-person rule
// (Notary Law Art. 26), minutes, fee note and home visits.
import { api } from '../api.js';
import { t } from '../i18n.js';
import '../i18n-notary.js';
import { html, render, showErrors, toast } from '../dom.js';
import { requireRole } from '../session.js';

export async function show(main, [editing = '']) {
  if (!requireRole(main, 'notary_clerk')) return;
  const list = (await api('GET', '/notary/matters?all=true')).items;
  const m = list.find((x) => String(x.id) === editing) ?? { id: 0, name: '', category: '', materials: [], minutes: 30, fee_note: '', active: true };
  render(main, html`
    <h1>${t('nm.title')}</h1>
    <ul class="list" id="nm-list">${list.map((x) => html`<li>
      <strong>${x.name}</strong> <span class="muted">${x.category} · ${t('nt.minutes', { n: x.minutes })}${x.in_person_only ? html` · ${t('nt.inPerson')}` : ''}${x.active ? '' : html` · ✕`}</span>
      <a href="#/notary-matters/${x.id}">${t('nm.edit')} ${x.name}</a></li>`)}</ul>
    <h2>${m.id ? m.name : t('nm.new')}</h2>
    <form id="nm-form" novalidate>
      <p class="alert form-alert" tabindex="-1" hidden></p>
      <label for="nm-name">${t('nm.name')}</label><input id="nm-name" name="name" maxlength="60" value="${m.name}">
      <label for="nm-category">${t('nm.category')}</label><input id="nm-category" name="category" maxlength="40" value="${m.category}">
      <label for="nm-materials">${t('nm.materials')}</label>
      <textarea id="nm-materials" name="materials" rows="6">${m.materials.map((x) => x.name + (x.later ? '*' : '')).join('\n')}</textarea>
      <label for="nm-minutes">${t('nm.minutes')}</label><input id="nm-minutes" name="minutes" type="number" min="10" max="240" value="${m.minutes}">
      <label for="nm-fee">${t('nm.fee')}</label><input id="nm-fee" name="fee_note" maxlength="200" value="${m.fee_note}">
      <label class="choice"><input type="checkbox" name="in_person_only" ${m.in_person_only ? html`checked` : ''}><span>${t('nm.inPerson')}</span></label>
      <label class="choice"><input type="checkbox" name="home_visit" ${m.home_visit ? html`checked` : ''}><span>${t('nm.home')}</span></label>
      <label class="choice"><input type="checkbox" name="active" ${m.active ? html`checked` : ''}><span>${t('nm.active')}</span></label>
      <p><button type="submit" class="btn">${t('nm.save')}</button></p>
    </form>`);
  const form = main.querySelector('#nm-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const materials = form.materials.value.split('\n').map((s) => s.trim()).filter(Boolean)
      .map((s) => (s.endsWith('*') ? { name: s.slice(0, -1).trim(), later: true } : { name: s, later: false }));
    const body = { name: form.name.value, category: form.category.value, materials, minutes: Number(form.minutes.value),
      fee_note: form.fee_note.value, in_person_only: form.in_person_only.checked, home_visit: form.home_visit.checked, active: form.active.checked };
    try {
      await api(m.id ? 'PATCH' : 'POST', m.id ? `/notary/matters/${m.id}` : '/notary/matters', body);
      toast(t('nd.saved'));
      location.hash = '#/notary-matters';
      show(main, []);
    } catch (err) {
      showErrors(form, err);
    }
  });
}
