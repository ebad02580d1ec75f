// The officer's control on a legal-aid case: the aided person's special
// groups, suggested by the system and confirmed here (PUT …/special-groups).
import { api } from './api.js';
import { t } from './i18n.js';
import { html, toast } from './dom.js';

export const groups = ['minor', 'elderly', 'disabled', 'women', 'migrant_worker', 'veteran', 'low_income'];

export function groupsForm(a) {
  const mine = a.special_groups ?? [];
  return html`<form id="special-groups"><fieldset><legend>${t('sg.title')}</legend>
    <p class="muted">${a.groups_confirmed_at ? t('sg.confirmed', { at: a.groups_confirmed_at.slice(0, 16).replace('T', ' ') }) : html`${t('sg.unconfirmed')} ${t('sg.hint')}`}</p>
    ${groups.map((g) => html`<label class="choice"><input type="checkbox" name="group" value="${g}" ${mine.includes(g) ? html`checked` : ''}> ${t('sg.' + g)}</label>`)}
    <p><button type="submit" class="btn secondary">${t('sg.save')}</button></p></fieldset></form>`;
}

export function bindGroups(root, id, done) {
  root.querySelector('#special-groups')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = [...e.target.querySelectorAll('input[name=group]:checked')].map((i) => i.value);
    try {
      await api('PUT', `/legal-aid/applications/${id}/special-groups`, { groups: chosen });
      toast(t('sg.saved'));
      done();
    } catch (err) {
      toast(err.message);
    }
  });
}
