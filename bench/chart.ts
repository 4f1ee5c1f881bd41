/**
 * @file The throughput chart in docs/images/throughput.svg, written by hand (no chart library):
 * MB/s against draft size, both axes logarithmic (sizes step by ten, and the tools differ by
 * orders of magnitude). Solid lines: cold (first lint of the text); dashed: warm (the same text again).
 */
import { SIZES } from './corpus';
import type { Throughput } from './results';

const COLOURS: Readonly<Record<string, string>> = {
  copydesk: '#1b6ac9',
  'write-good': '#d9822b',
  alex: '#3a9b48',
  textlint: '#8e44ad',
  'harper.js': '#c0392b',
};

const W = 760;
const H = 440;
const M = { left: 70, right: 190, top: 40, bottom: 56 };

export function throughputSvg(rows: readonly Throughput[], title: string): string {
  const tools = [...new Set(rows.map((r) => r.tool))];
  const values = rows.flatMap((r) => [r.coldMBps, r.warmMBps]).filter((v) => v > 0 && Number.isFinite(v));
  const labels = (Object.keys(SIZES) as (keyof typeof SIZES)[]).filter((l) => rows.some((r) => r.label === l));
  if (!values.length || !labels.length) return emptySvg(title);
  // Padded, so a point never sits on the frame.
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values) / 1.5));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values) * 1.5));
  const xMin = Math.log10(Math.min(...labels.map((l) => SIZES[l])));
  const xMax = Math.log10(Math.max(...labels.map((l) => SIZES[l])));
  const px = (bytes: number): number => M.left + (xMax === xMin ? 0.5 : (Math.log10(bytes) - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const py = (v: number): number => H - M.bottom - ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - M.top - M.bottom);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`);
  // Decade grid lines on y, one line per size on x.
  for (let v = yMin; v <= yMax * 1.0001; v *= 10) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${f(py(v))}" y2="${f(py(v))}" stroke="#dddddd"/>`);
    out.push(`<text x="${M.left - 8}" y="${f(py(v) + 4)}" text-anchor="end">${v >= 1 ? v : v.toPrecision(1)}</text>`);
  }
  for (const l of labels) {
    out.push(`<line x1="${f(px(SIZES[l]))}" x2="${f(px(SIZES[l]))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eeeeee"/>`);
    out.push(`<text x="${f(px(SIZES[l]))}" y="${H - M.bottom + 18}" text-anchor="middle">${l}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#888888"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle">draft size (log scale)</text>`);
  out.push(`<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">throughput, MB/s (log scale)</text>`);
  tools.forEach((tool, i) => {
    const colour = COLOURS[tool] ?? '#555555';
    const mine = rows.filter((r) => r.tool === tool).sort((a, b) => a.bytes - b.bytes);
    for (const [kind, dash] of [['coldMBps', ''], ['warmMBps', ' stroke-dasharray="6 4"']] as const) {
      const points = mine.map((r) => `${f(px(SIZES[r.label]))},${f(py(r[kind]))}`);
      if (points.length > 1) out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="${tool === 'copydesk' ? 3 : 2}"${dash}/>`);
      for (const r of mine) out.push(`<circle cx="${f(px(SIZES[r.label]))}" cy="${f(py(r[kind]))}" r="3.5" fill="${kind === 'coldMBps' ? colour : '#ffffff'}" stroke="${colour}" stroke-width="1.5"/>`);
    }
    const y = M.top + 14 + i * 22;
    out.push(`<line x1="${W - M.right + 16}" x2="${W - M.right + 46}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="3"/>`);
    out.push(`<text x="${W - M.right + 54}" y="${y + 4}">${esc(tool === 'copydesk' ? 'Copydesk' : tool)}</text>`);
  });
  const ly = M.top + 14 + tools.length * 22 + 10;
  out.push(`<line x1="${W - M.right + 16}" x2="${W - M.right + 46}" y1="${ly}" y2="${ly}" stroke="#555555" stroke-width="2"/><text x="${W - M.right + 54}" y="${ly + 4}">cold</text>`);
  out.push(`<line x1="${W - M.right + 16}" x2="${W - M.right + 46}" y1="${ly + 20}" y2="${ly + 20}" stroke="#555555" stroke-width="2" stroke-dasharray="6 4"/><text x="${W - M.right + 54}" y="${ly + 24}">warm (re-lint)</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function emptySvg(title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="80"><text x="10" y="40">${esc(title)}: no figures</text></svg>\n`;
}

const f = (n: number): string => n.toFixed(1);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
