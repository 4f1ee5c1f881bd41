/**
 * @file The article report webview: renders each report the extension posts, with DOM calls only
 * (no HTML strings, so nothing in a draft can become markup), and sends the writer's choices back.
 * A refresh keeps the focused paragraph button and the scroll position.
 */
import { FINDING_KINDS, KIND_LABELS, NOT_CHECKED, WORDS_PER_MINUTE, kindCount, type FindingKind, type FromWebview, type ToWebview, type WireParagraph, type WireReport } from '../src/report/protocol';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('report')!;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => render(event.data));
vscode.postMessage({ type: 'ready' });

type Child = Node | string | undefined | false;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

/** The draft shown last: a refresh of the same draft keeps the reader's place, another draft starts at the top. */
let shownUri: string | undefined;

function render(message: ToWebview): void {
  const uri = message.type === 'report' ? message.result.uri : undefined;
  const sameDraft = uri === shownUri;
  shownUri = uri;
  const focused = sameDraft ? (document.activeElement as HTMLElement | null)?.dataset['focusKey'] : undefined;
  const scroll = sameDraft ? window.scrollY : 0;
  if (message.type === 'report') {
    root.replaceChildren(...reportView(message.result.title, message.result.report, message.stale));
  } else {
    const text = message.type === 'notChecked' ? `Copydesk does not check this draft: ${NOT_CHECKED[message.reason]}` : message.message;
    root.replaceChildren(el('h1', {}, `Article report: ${message.title}`), el('p', { role: 'status' }, text));
  }
  root.setAttribute('aria-busy', 'false');
  if (focused) (root.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
  window.scrollTo(0, scroll);
}

function reportView(title: string, r: WireReport, stale: boolean): Node[] {
  return reportParts(title, r, stale).filter((part): part is Node => part instanceof Node);
}

function reportParts(title: string, r: WireReport, stale: boolean): Child[] {
  const grade = r.readability.grade === null ? 'not enough text' : String(r.readability.grade);
  const exportButton = el('button', { type: 'button', class: 'secondary', 'data-focus-key': 'export' }, 'Export as Markdown…');
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  return [
    el('h1', {}, `Article report: ${title}`),
    el('p', { class: 'summary' }, `${plural(r.words, 'word')} · about ${r.readingMinutes} min to read · ${r.readability.formula} ${grade}`),
    stale && el('p', { class: 'note', role: 'status' }, 'The draft is closed; this is its last report.'),
    el('div', { class: 'toolbar' }, exportButton),
    statistics(r),
    readability(r, grade),
    findings(r),
    paragraphMap(r.map ?? []),
  ];
}

function statistics(r: WireReport): HTMLElement {
  const row = (name: string, ...value: Child[]): HTMLElement => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, ...value));
  const longestSentence = r.sentences.longest;
  const longestParagraph = r.paragraphs.longest;
  return section('statistics', 'Statistics', [
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Measure'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody', {},
        row('Words', String(r.words)),
        row('Reading time', `about ${r.readingMinutes} min (${WORDS_PER_MINUTE} words a minute)`),
        row('Headlines', String(r.headlines)),
        row('Paragraphs', String(r.paragraphs.count)),
        row('Average paragraph', plural(r.paragraphs.averageWords, 'word')),
        row('Longest paragraph', ...(longestParagraph ? [`${plural(longestParagraph.words, 'word')} `, revealButton(`¶${longestParagraph.number} (line ${longestParagraph.line})`, `Go to paragraph ${longestParagraph.number}, the longest`, { type: 'reveal', paragraph: longestParagraph.number }, 'longest-paragraph')] : ['—'])),
        row('Sentences', String(r.sentences.count)),
        row('Average sentence', plural(r.sentences.averageWords, 'word')),
        row('Longest sentence', ...(longestSentence ? [`${plural(longestSentence.words, 'word')} `, revealButton(`¶${longestSentence.number} (line ${longestSentence.line})`, `Go to the longest sentence, in paragraph ${longestSentence.number}`, { type: 'revealLongestSentence' }, 'longest-sentence')] : ['—'])),
      ),
    ),
  ]);
}

function readability(r: WireReport, grade: string): HTMLElement {
  const { readability: x } = r;
  return section('readability', 'Readability', [
    el('p', {}, el('strong', {}, `${x.formula}: ${grade}`)),
    el('p', {}, `0.39 × words per sentence + 11.8 × syllables per word − 15.59, over ${plural(x.sentences, 'sentence')}, ${plural(x.words, 'word')} and ${plural(x.syllables, 'syllable')} of body text (headlines and URLs left out; syllables are estimated). The result is a US school grade: 8 means a 13- to 14-year-old can follow the text. Long sentences and long words raise it.`),
  ]);
}

function findings(r: WireReport): HTMLElement {
  const kinds = el('ul', { class: 'kinds' }, ...FINDING_KINDS.map((k) => el('li', {}, swatch(k), el('strong', {}, kindCount(k, r.counts[k])), `: ${KIND_LABELS[k].about}`)));
  const hints = r.hints ? el('p', { class: 'note' }, `And ${plural(r.hints, 'hint')}, shown faintly in the editor and not counted above (as in the Problems panel).`) : undefined;
  const table = r.rules.length
    ? el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Rule'), el('th', { scope: 'col' }, 'Kind'), el('th', { scope: 'col' }, 'Findings'))),
        el('tbody', {}, ...r.rules.map((rule) =>
          el('tr', {},
            el('th', { scope: 'row' }, el('a', { href: rule.docsUrl, title: `What ${rule.id} checks, with examples` }, el('code', {}, rule.id))),
            el('td', {}, KIND_LABELS[rule.kind].many),
            el('td', {}, `${rule.count} (${severities(rule.bySeverity)})`),
          ),
        )),
      )
    : el('p', {}, 'No findings.');
  return section('findings', 'Findings by rule', [kinds, hints, table]);
}

function paragraphMap(map: readonly WireParagraph[]): HTMLElement {
  const longest = map.reduce((max, p) => Math.max(max, p.words), 1);
  const legend = el('ul', { class: 'legend', 'aria-label': 'Legend' },
    ...FINDING_KINDS.map((k) => el('li', {}, swatch(k), `${KIND_LABELS[k].many} (${PATTERN[k]})`)),
    el('li', {}, swatch('clean'), 'nothing found (outline)'),
  );
  const items = map.map((p) => {
    const kind = dominantKind(p);
    const notes = notesOf(p);
    const bar = el('button', { type: 'button', class: `bar kind-${kind}`, 'aria-label': ariaLabel(p), 'data-focus-key': `p${p.number}`, title: p.excerpt },
      el('span', { class: 'num' }, `¶${p.number}`),
      ' ',
      el('span', { class: 'track', 'aria-hidden': 'true' }, fill(p.words / longest)),
      ' ',
      el('span', { class: 'notes' }, [plural(p.words, 'word'), ...notes.map((n) => (n.line ? `${n.text} (line ${n.line})` : n.text))].join(' · ')),
    );
    bar.addEventListener('click', () => vscode.postMessage({ type: 'reveal', paragraph: p.number }));
    const original = p.copyOf && revealButton(`↑ ¶${p.copyOf.number}`, `Go to paragraph ${p.copyOf.number}, the original of paragraph ${p.number}`, { type: 'reveal', paragraph: p.copyOf.number }, `o${p.number}`);
    return el('li', { class: p.kind === 'heading' ? 'heading' : 'body' }, bar, original);
  });
  return section('map', 'Paragraph map', [
    el('p', {}, 'One bar per paragraph (headlines too), as long as the paragraph; its fill says what was found there. Choose a bar to go to that paragraph in the editor.'),
    legend,
    map.length ? el('ol', { class: 'map' }, ...items) : el('p', {}, 'The draft has no paragraphs yet.'),
  ]);
}

const PATTERN: Readonly<Record<FindingKind, string>> = { duplicate: 'diagonal stripes', unattributed: 'dots', loaded: 'vertical stripes', style: 'solid' };

/** The kind a bar is filled with: a copy first, then the most serious kind of finding it holds. */
function dominantKind(p: WireParagraph): FindingKind | 'clean' {
  if (p.copyOf || p.sentenceCopiesOf.length || p.findings.duplicate) return 'duplicate';
  for (const k of ['unattributed', 'loaded', 'style'] as const) if (p.findings[k] > 0) return k;
  return 'clean';
}

function notesOf(p: WireParagraph): { text: string; line?: number }[] {
  // Paragraph references are spelt out, as in the button's accessible name: the visible label must
  // be part of the name (WCAG 2.5.3) for people who speak the names of controls.
  const notes: { text: string; line?: number }[] = [];
  if (p.kind === 'heading') notes.push({ text: 'headline' });
  if (p.copyOf) notes.push({ text: `${p.copyOf.exact ? 'copy' : 'edited copy'} of paragraph ${p.copyOf.number}`, line: p.copyOf.line });
  if (p.sentenceCopiesOf.length) notes.push({ text: `repeats a sentence of ${paragraphs(p.sentenceCopiesOf)}` });
  if (p.copiedAt.length) notes.push({ text: `copied at ${paragraphs(p.copiedAt)}` });
  const saidAlready = Boolean(p.copyOf || p.sentenceCopiesOf.length);
  for (const k of FINDING_KINDS) {
    if (p.findings[k] > 0 && !(k === 'duplicate' && saidAlready)) notes.push({ text: kindCount(k, p.findings[k]) });
  }
  return notes;
}

function paragraphs(numbers: readonly number[]): string {
  return `${numbers.length === 1 ? 'paragraph' : 'paragraphs'} ${numbers.join(', ')}`;
}

/** "Paragraph 4, 52 words, copy of paragraph 2, 1 loaded wording". */
function ariaLabel(p: WireParagraph): string {
  return [`Paragraph ${p.number}`, plural(p.words, 'word'), ...notesOf(p).map((n) => n.text)].join(', ');
}

function revealButton(text: string, label: string, message: FromWebview, key: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', 'aria-label': label, 'data-focus-key': key }, text);
  button.addEventListener('click', () => vscode.postMessage(message));
  return button;
}

function fill(share: number): HTMLElement {
  const span = el('span', { class: 'fill' });
  // CSSOM, not a style attribute: the policy allows no inline styles.
  span.style.width = `${Math.max(2, Math.round(share * 100))}%`;
  return span;
}

function swatch(kind: FindingKind | 'clean'): HTMLElement {
  return el('span', { class: `swatch kind-${kind}`, 'aria-hidden': 'true' }, el('span', { class: 'fill' }));
}

function section(id: string, heading: string, children: Child[]): HTMLElement {
  return el('section', { 'aria-labelledby': `h-${id}` }, el('h2', { id: `h-${id}` }, heading), ...children);
}

function severities(counts: WireReport['rules'][number]['bySeverity']): string {
  return (['error', 'warning', 'info', 'hint'] as const).flatMap((s) => (counts[s] ? [plural(counts[s], s === 'info' ? 'info' : s, s === 'info' ? 'info' : `${s}s`)] : [])).join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
