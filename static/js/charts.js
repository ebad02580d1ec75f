// Inline SVG charts with no build step. Each chart is an image with a name
// (role="img", aria-labelledby its title) and comes with a table that says
// the same in text, so nothing is only in the picture.
import { html } from './dom.js';

const palette = ['#0b4f8a', '#1b5e20', '#b3261e', '#6a3d9a', '#8a5a00', '#00607a', '#4a4a4a'];

// barChart draws horizontal bars for rows [{label, value}] and returns the
// figure: the SVG and its table equivalent (caption = title).
export function barChart(id, title, rows, unit = '') {
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const barH = 22;
  const gap = 10;
  const labelW = 120;
  const width = 360;
  const height = rows.length * (barH + gap) + gap;
  const bars = rows.map((r, i) => {
    const y = gap + i * (barH + gap);
    const w = Math.round(((r.value ?? 0) / max) * (width - labelW - 60));
    return html`<text x="${labelW - 6}" y="${y + barH / 2 + 5}" text-anchor="end" font-size="13" fill="#1a1a1a">${r.label}</text>
      <rect x="${labelW}" y="${y}" width="${Math.max(w, 1)}" height="${barH}" fill="${palette[i % palette.length]}" rx="3"></rect>
      <text x="${labelW + w + 6}" y="${y + barH / 2 + 5}" font-size="13" fill="#1a1a1a">${fmt(r.value)}${unit}</text>`;
  });
  return html`<figure class="chart" id="${id}">
    <svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title" focusable="false">
      <title id="${id}-title">${title}: ${rows.map((r) => `${r.label} ${fmt(r.value)}${unit}`).join('; ')}</title>${bars}</svg>
    <div class="scroll" tabindex="0" role="region" aria-label="${title}">
    <table class="grid"><caption>${title}</caption><tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${fmt(r.value)}${unit}</td></tr>`)}</tbody></table></div>
  </figure>`;
}

// fmt shows a number, or a dash when there is none (nothing to divide by).
export function fmt(v) {
  return v == null ? '—' : String(Math.round(v * 100) / 100);
}
