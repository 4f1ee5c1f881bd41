/**
 * @file Per-article settings in a Markdown draft's YAML front matter, under a `copydesk:` key with
 * the same shape as `.copydesk.json`:
 *
 *     ---
 *     title: Harbour vote
 *     copydesk:
 *       rules:
 *         loaded-language: hint
 *     ---
 */
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { validateLayer, type ConfigProblem, type SettingsLayer } from './config';
import type { Check, Span } from './types';

const FENCE = /^\uFEFF?---[ \t]*\r?\n/u;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/mu;

export interface FrontMatterSettings {
  readonly layer: SettingsLayer;
  /** Offsets into the draft. */
  readonly problems: readonly ConfigProblem[];
}

/** The `copydesk:` settings of a Markdown draft, or undefined when it has none. */
export function frontMatterSettings(text: string, checks: readonly Check[]): FrontMatterSettings | undefined {
  const open = FENCE.exec(text);
  if (!open || !text.includes('copydesk', open[0].length)) return undefined;
  const from = open[0].length;
  const close = CLOSE.exec(text.slice(from));
  if (!close) return undefined;
  const yamlText = text.slice(from, from + close.index);
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'copydesk');
  if (!pair) return undefined;
  const keySpan = rangeOf(pair.key as YamlNode, from) ?? { start: from, end: from + yamlText.length };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { layer: {}, problems: [{ message: `The front matter is not valid YAML, so its copydesk settings are ignored: ${e.message.split('\n')[0]}`, span: { start: from + e.pos[0], end: from + Math.max(e.pos[1], e.pos[0] + 1) }, severity: 'error' }] };
  }
  const value = (doc.toJS() as Record<string, unknown>)['copydesk'];
  const locate = (path: readonly (string | number)[], key = false): Span => {
    const full = ['copydesk', ...path];
    const node = doc.getIn(full, true) as YamlNode | undefined;
    if (key && path.length) {
      const parent = doc.getIn(full.slice(0, -1), true);
      if (isMap(parent)) {
        const keyNode = parent.items.find((p) => isScalar(p.key) && p.key.value === full[full.length - 1])?.key as YamlNode | undefined;
        const span = keyNode && rangeOf(keyNode, from);
        if (span) return span;
      }
    }
    return (node && rangeOf(node, from)) ?? keySpan;
  };
  const { layer, problems } = validateLayer(value, locate, checks);
  // A draft may not point at other files: front matter travels with the article, wherever it goes.
  const { extends: presets, ignore: _ignored, ...rest } = layer;
  const builtIn = presets?.filter((p) => p.startsWith('copydesk:'));
  if (presets && builtIn && builtIn.length < presets.length) problems.push({ message: 'Front matter can extend only built-in presets ("copydesk:recommended", "copydesk:strict").', span: locate(['extends']), severity: 'warning' });
  return { layer: { ...rest, ...(builtIn?.length ? { extends: builtIn } : {}) }, problems };
}

function rangeOf(node: YamlNode, offset: number): Span | undefined {
  const r = node.range;
  return r ? { start: offset + r[0], end: offset + Math.max(r[1], r[0] + 1) } : undefined;
}
