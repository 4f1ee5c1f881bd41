/**
 * @file What the evaluation scripts share: where the data sits outside the repository, how PTC and
 * BABE are read, and the figure formatting their reports must agree on. One reader per format, so the
 * lexicon work (lexicon-candidates.ts) and the evaluation (eval-loaded-language.ts) count the same spans.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Data locations. The data sets are never copied into the repository (licences), so every script
// takes the folder as an argument and reports a missing one as SKIPPED instead of failing.

export const DEFAULT_EVAL_DIR = '../shared/eval';

/** Relative to the working directory, not the script, so `npm run eval` and a direct call agree. */
export function resolveEvalDir(arg: string | undefined): string {
  return path.resolve(process.cwd(), arg ?? DEFAULT_EVAL_DIR);
}

export const ptcDirOf = (evalDir: string): string => path.join(evalDir, 'ptc');
export const babeFileOf = (evalDir: string): string => path.join(evalDir, 'babe', 'final_labels_SG2.csv');

export type PtcSplitName = 'train' | 'dev';

/** Whether both halves of a split are there; one without the other would silently score nothing. */
export function hasPtcSplit(ptcDir: string, name: PtcSplitName): boolean {
  return existsSync(path.join(ptcDir, `${name}-articles`)) && existsSync(path.join(ptcDir, `${name}-task-flc-tc.labels`));
}

// PTC.

/** A PTC label; offsets are code points, as the corpus gives them (see codePointToUtf16). */
export interface PtcLabel {
  readonly technique: string;
  readonly start: number;
  readonly end: number;
}

/** Labels by article id, in file order. A malformed line stops the run: skipping it would change the gold. */
export function readPtcLabels(ptcDir: string, name: PtcSplitName): Map<string, PtcLabel[]> {
  const labels = new Map<string, PtcLabel[]>();
  for (const line of readFileSync(path.join(ptcDir, `${name}-task-flc-tc.labels`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [id, technique, start, end] = line.replace(/\r$/u, '').split('\t');
    if (!id || !technique || start === undefined || end === undefined) throw new Error(`${name} labels: malformed line ${JSON.stringify(line)}`);
    const list = labels.get(id) ?? [];
    list.push({ technique, start: Number(start), end: Number(end) });
    labels.set(id, list);
  }
  return labels;
}

/** The split's articles by id, sorted by file name so every run sees them in the same order. */
export function readPtcArticles(ptcDir: string, name: PtcSplitName): { id: string; text: string }[] {
  const dir = path.join(ptcDir, `${name}-articles`);
  return readdirSync(dir)
    .filter((f) => /^article\d+\.txt$/u.test(f))
    .sort()
    .map((file) => ({ id: file.slice('article'.length, -'.txt'.length), text: readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * UTF-16 index of every code-point offset, plus one past the end. PTC offsets are Python str
 * indices (code points), while JavaScript strings and the rule's findings count UTF-16 units.
 */
export function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

// BABE.

/**
 * BABE's CSV: `;`-separated, double-quoted fields ("" escapes, separators and line breaks inside),
 * BOM. A quote only opens a field at its start, and an unclosed one throws, so a damaged file fails
 * loudly instead of swallowing the rows after it.
 */
export function parseCsv(input: string, sep = ';'): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === sep) {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// Figures. docs/evaluation.md quotes several scripts side by side, so they must print numbers alike.

export const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
export const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');
export const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Wilson 95% interval of a proportion, so small-sample figures carry their uncertainty. */
export function wilson(k: number, n: number): string {
  if (n === 0) return '–';
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return `${f2(Math.max(0, c - h))}–${f2(Math.min(1, c + h))}`;
}

// WikiWeasel (Szeged Uncertainty Corpus, Wikipedia part).

export const wikiWeaselFileOf = (evalDir: string): string => path.join(evalDir, 'wikiweasel', 'wiki.xml');

/** An uncertainty cue: its `type` attribute verbatim (some contain a space), UTF-16 offsets into the sentence text. */
export interface WikiCue {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface WikiSentence {
  readonly id: string;
  /** The enclosing Document's DocID text. */
  readonly docId: string;
  /** The enclosing DocumentPart's type: `Title` or `Text` in this corpus. */
  readonly part: string;
  /** Decoded text (entities resolved, tags removed); cue offsets index into it. */
  readonly text: string;
  readonly cues: readonly WikiCue[];
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Resolves the five predefined entities and numeric character references (`&#129;`, `&#x2014;`).
 * Anything else after `&` throws: the corpus declares no entities of its own, so an unknown one
 * means the reader is wrong about the file, and guessing would shift every offset after it.
 */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&([^;&\s]{0,12});?/gu, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`XML: bare or unterminated "&" near ${JSON.stringify(whole)}`);
    const named = XML_ENTITIES[name];
    if (named !== undefined) return named;
    const num = /^#(?:x([0-9a-f]+)|([0-9]+))$/iu.exec(name);
    if (num) {
      const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2]!, 10);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0) throw new Error(`XML: invalid character reference ${whole}`);
      return String.fromCodePoint(cp);
    }
    throw new Error(`XML: unknown entity ${whole}`);
  });
}

/** `name="value"` or `name='value'` pairs of a start tag, values decoded. */
function xmlAttributes(source: string, tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
  let consumed = 0;
  for (const m of source.matchAll(re)) {
    if (source.slice(consumed, m.index).trim()) throw new Error(`XML: malformed attributes in <${tag}${source}>`);
    attrs.set(m[1]!, decodeXmlEntities(m[2] ?? m[3] ?? ''));
    consumed = m.index + m[0].length;
  }
  if (source.slice(consumed).trim()) throw new Error(`XML: malformed attributes in <${tag}${source}>`);
  return attrs;
}

/**
 * Reads the corpus XML: Document > DocID + DocumentPart > Sentence, with inline `<ccue type="…">`
 * inside sentences. A small reader, strict where a slip would move offsets: end tags must match,
 * entities are decoded before offsets are taken (so offsets are UTF-16 indices into the decoded
 * text), CDATA sections count as text, comments and processing instructions are skipped. Inside a
 * sentence `xcope` and `cue` (the BioScope scope layer, absent from this copy) keep their text and
 * are otherwise ignored; any other element, or a `ccue` inside a `ccue`, throws.
 */
export function parseWikiWeasel(xml: string): WikiSentence[] {
  const sentences: WikiSentence[] = [];
  const stack: string[] = [];
  let docId = '';
  let part = '';
  let docIdText: string | undefined;
  let sentence: { id: string; text: string; cues: WikiCue[] } | undefined;
  let cue: { type: string; start: number } | undefined;
  const isSentence = (name: string): boolean => name === 'Sentence' || name === 'sentence';
  const addText = (raw: string): void => {
    if (sentence) sentence.text += raw;
    else if (docIdText !== undefined) docIdText += raw;
    else if (raw.trim()) throw new Error(`XML: text outside a sentence: ${JSON.stringify(raw.slice(0, 40))}`);
  };
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) addText(decodeXmlEntities(xml.slice(i, textEnd)));
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) throw new Error('XML: unterminated comment');
      i = e + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) throw new Error('XML: unterminated CDATA section');
      addText(xml.slice(lt + 9, e));
      i = e + 3;
    } else if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) throw new Error('XML: unterminated processing instruction');
      i = e + 2;
    } else if (xml.startsWith('<!', lt)) {
      // DOCTYPE: skip to its '>', past an internal subset in brackets and quoted literals.
      let j = lt + 2;
      let depth = 0;
      for (; j < xml.length; j++) {
        const c = xml[j];
        if (c === '"' || c === "'") {
          const q = xml.indexOf(c, j + 1);
          if (q < 0) break;
          j = q;
        } else if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= xml.length) throw new Error('XML: unterminated declaration');
      i = j + 1;
    } else {
      // A tag: find its '>' outside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < xml.length; j++) {
        const c = xml[j]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        else if (c === '<') throw new Error(`XML: "<" inside a tag at ${lt}`);
      }
      if (j >= xml.length) throw new Error(`XML: unterminated tag at ${lt}`);
      const inner = xml.slice(lt + 1, j);
      i = j + 1;
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim();
        const open = stack.pop();
        if (open !== name) throw new Error(`XML: </${name}> closes <${open ?? '(nothing)'}>`);
        if (name === 'DocID') {
          docId = (docIdText ?? '').trim();
          docIdText = undefined;
        } else if (name === 'ccue' && sentence && cue) {
          sentence.cues.push({ type: cue.type, start: cue.start, end: sentence.text.length, text: sentence.text.slice(cue.start) });
          cue = undefined;
        } else if (isSentence(name) && sentence) {
          if (cue) throw new Error(`XML: sentence ${sentence.id} ends inside a cue`);
          sentences.push({ id: sentence.id, docId, part, text: sentence.text, cues: sentence.cues });
          sentence = undefined;
        } else if (name === 'DocumentPart') part = '';
        else if (name === 'Document') docId = '';
        continue;
      }
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const name = /^[^\s/>]+/u.exec(body)?.[0];
      if (!name) throw new Error(`XML: malformed tag <${inner}> at ${lt}`);
      const attrs = xmlAttributes(body.slice(name.length), name);
      if (sentence) {
        if (name === 'ccue') {
          if (cue) throw new Error(`XML: a cue inside a cue in sentence ${sentence.id}`);
          if (!selfClosing) cue = { type: attrs.get('type') ?? '(none)', start: sentence.text.length };
        } else if (name !== 'xcope' && name !== 'cue') throw new Error(`XML: unexpected <${name}> in sentence ${sentence.id}`);
      } else if (isSentence(name)) {
        sentence = { id: attrs.get('id') ?? '', text: '', cues: [] };
      } else if (name === 'DocID') docIdText = '';
      else if (name === 'DocumentPart') part = attrs.get('type') ?? '';
      if (!selfClosing) stack.push(name);
      else if (isSentence(name) && sentence) {
        sentences.push({ id: sentence.id, docId, part, text: '', cues: [] });
        sentence = undefined;
      }
    }
  }
  if (stack.length) throw new Error(`XML: unclosed <${stack.join('> <')}>`);
  return sentences;
}

export function readWikiWeasel(file: string): WikiSentence[] {
  return parseWikiWeasel(readFileSync(file, 'utf8'));
}

/** The Wilson 95% interval as numbers, for figures shown in another unit (e.g. percentages). */
export function wilsonBounds(k: number, n: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}
