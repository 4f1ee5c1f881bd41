/**
 * @file Flags redundant phrases (pleonasms: "past history", "joined together", "completely
 * destroyed") and drops the word that repeats what the other already says. Every entry in
 * data/redundant-phrases.json names its source and rationale.
 */
import lexicon from '../data/redundant-phrases.json';
import { matchCase } from '../core/casing';
import { defineCheck } from '../core/defineCheck';
import { inflectWord, type Transform } from '../core/inflect';
import { TermMatcher, tokensOf } from '../core/lexicon';
import { isProtected } from '../core/protected';
import type { SourceTextView, Span, TextEdit } from '../core/types';

export interface RedundantPhrase {
  readonly term: string;
  readonly drop?: string;
  readonly replacement?: string;
  readonly pos: 'noun' | 'verb' | 'phrase';
  readonly forms?: readonly string[];
  readonly notAfter?: readonly string[];
  readonly notBefore?: readonly string[];
  readonly source: string;
  readonly rationale: string;
}

const entries = lexicon.entries as readonly RedundantPhrase[];
const sourceTitles = new Map(lexicon.meta.sources.map((s) => [s.id, s.title]));
let matcher: TermMatcher<RedundantPhrase & { pos: 'phrase' }> | undefined;

export default defineCheck({
  meta: {
    id: 'redundant-phrase',
    category: 'style',
    description: 'Flag redundant phrases ("past history", "joined together") and cut the redundant word.',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      redundant: "'{{actual}}' is redundant: '{{expected}}' says it. {{rationale}}",
      fix: "Change to '{{expected}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    const tokens = tokensOf(text);
    matcher ??= new TermMatcher(entries.map((e) => ({ ...e, pos: 'phrase' as const, forms: formsOf(e) })));
    let first = 0;
    for (const { span, entry } of matcher.matches(tokens, text.prose)) {
      // Part of a hyphenated compound ("tax-free gift"): the words belong to another construction.
      if (/[-\u2010\u2011]/u.test(text.text.charAt(span.start - 1)) || /[-\u2010\u2011]/u.test(text.text.charAt(span.end))) continue;
      if (isProtected(text, span)) continue;
      while (tokens.starts[first]! < span.start) first++;
      let last = first;
      while (last + 1 < tokens.length && tokens.ends[last + 1]! <= span.end) last++;
      const words: Span[] = [];
      for (let k = first; k <= last; k++) words.push({ start: tokens.starts[k]!, end: tokens.ends[k]! });
      // Every word capitalised: a title or a name ("the show Advance Warning"), not the writer's phrase.
      if (words.every((t) => /^\p{Lu}/u.test(text.text.slice(t.start, t.end)))) continue;
      const edit = entry.replacement === undefined ? dropEdit(text, words, entry) : { span, newText: matchCase(entry.replacement, text.text.slice(span.start, span.end)) };
      const actual = text.text.slice(span.start, span.end);
      const expected = applyEdit(text.text, span, edit);
      const data = { actual, expected, rationale: entry.rationale };
      yield {
        messageId: 'redundant',
        data,
        span,
        actual,
        expected: [expected],
        note: `${entry.rationale} Source: ${sourceTitles.get(entry.source)?.split(':')[0] ?? entry.source}.`,
        fix: { messageId: 'fix', data, edits: [edit] },
      };
    }
  },
});

/** The term's forms with the words that stay inflected ("join together" → "joined together"). */
export function formsOf(entry: RedundantPhrase): string[] {
  const forms = [...(entry.forms ?? [])];
  if (entry.pos === 'phrase' || entry.drop === undefined) return forms;
  const words = entry.term.split(/([ -])/u);
  const dropped = entry.drop.split(' ').length;
  const wordCount = (words.length + 1) / 2;
  const keptFirst = entry.term.startsWith(`${entry.drop} `) || entry.term.startsWith(`${entry.drop}-`) ? dropped : 0;
  const kept = [...Array(wordCount - dropped).keys()].map((i) => i + keptFirst);
  // Verbs inflect their first kept word ("postpone until later"), nouns their last ("past history").
  const at = 2 * (entry.pos === 'verb' ? kept[0]! : kept[kept.length - 1]!);
  const transforms: Transform[] = entry.pos === 'verb' ? ['s', 'ed', 'ing'] : ['plural'];
  for (const transform of transforms) {
    for (const inflected of inflectWord(words[at]!, transform, true)) {
      const copy = [...words];
      copy[at] = inflected;
      forms.push(copy.join(''));
    }
  }
  return forms;
}

/**
 * Deletes the dropped words and what separates them from the kept ones (a space or a hyphen:
 * "over-exaggerated"), and gives the kept word the capital the phrase opened with.
 */
function dropEdit(view: SourceTextView, tokens: readonly Span[], entry: RedundantPhrase): TextEdit {
  const dropped = entry.drop!.split(' ').length;
  const dropsFirst = entry.term.startsWith(`${entry.drop} `) || entry.term.startsWith(`${entry.drop}-`);
  if (!dropsFirst) return { span: { start: tokens[tokens.length - dropped - 1]!.end, end: tokens[tokens.length - 1]!.end }, newText: '' };
  const firstKept = tokens[dropped]!.start;
  const opening = view.text.charAt(tokens[0]!.start);
  const keptInitial = view.text.charAt(firstKept);
  if (opening !== opening.toLowerCase() && keptInitial !== keptInitial.toUpperCase()) {
    return { span: { start: tokens[0]!.start, end: firstKept + 1 }, newText: keptInitial.toUpperCase() };
  }
  return { span: { start: tokens[0]!.start, end: firstKept }, newText: '' };
}

function applyEdit(text: string, span: Span, edit: TextEdit): string {
  return text.slice(span.start, edit.span.start) + edit.newText + text.slice(edit.span.end, span.end);
}
