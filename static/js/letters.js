// The letters an application's decisions produced, read from its timeline:
// each is a PDF dated on the day of its decision.
import { t } from './i18n.js';
import { html } from './dom.js';

const kinds = {
  approve: 'approval', reject: 'refusal', request_materials: 'materials', terminate: 'termination',
  deem_withdrawn: 'withdrawal', objection_upheld: 'objection', objection_overturned: 'objection',
};

export function letterLinks(a, timeline) {
  const found = [];
  for (const e of timeline) {
    const kind = kinds[e.action];
    if (kind && !found.includes(kind)) found.push(kind);
    if (e.action === 'objection_overturned' && e.to === 'approved' && !found.includes('approval')) found.push('approval');
  }
  if (!found.length) return '';
  return html`<p class="letters">${t('aid.letters')}${t('p.colon')}${found.map((k, i) => html`${i ? t('p.sep') : ''}<a href="/api/v1/legal-aid/applications/${a.id}/decision.pdf?kind=${k}"
    target="_blank" rel="noopener" data-letter="${k}">${t('letter.' + k)}</a>`)}</p>`;
}

// The Art. 48 grounds in the order of the law.
export const art48Order = ['false_info', 'abuse', 'illegal_request', 'no_longer_eligible', 'case_ended', 'own_lawyer', 'request_end', 'other_by_statute'];
