/**
 * @file Flags "So" opening a sentence ("So the council voted again."), a spoken habit that adds
 * nothing in print. write-good's `so` check (https://github.com/btford/write-good, MIT); see
 * _adapter.ts. The fix removes it and capitalises the next word where that cannot change the meaning.
 */
import { defineCheck } from '../../core/defineCheck';
import { lastAtOrBefore } from '../../core/spans';
import type { SourceTextView, Span } from '../../core/types';
import { wordRemovalEdit } from '../../core/wordRemoval';
import { writeGoodSpans } from './_adapter';

/** "so-called", "So far", "So many", "So, too,": "so" is part of a phrase here, not an opener. */
const PART_OF_A_PHRASE = /^(?:-|,?\s+(?:far|much|many|few|little|long|too|called|as|that(?!['’]))\b)/iu;
/**
 * Words after which the sentence says the same without "So" ("So the vote…" → "The vote…"). After
 * others it may not: "So what?", "So bad was the damage that…", "So it goes". Those get a suggestion.
 */
const SAFE_NEXT = new Set(
  'the a an i we you he she they this these those now why how when where who if our my his her their your after before while let'.split(' '),
);

export default defineCheck({
  meta: {
    id: 'write-good/so',
    category: 'style',
    description: 'Flag "So" at the start of a sentence (write-good).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      so: "'{{actual}}' at the start of a sentence adds nothing: start with what follows.",
      remove: "Remove '{{actual}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'so')) {
      if (PART_OF_A_PHRASE.test(text.prose.slice(span.end, span.end + 12))) continue;
      const actual = text.text.slice(span.start, span.end);
      const remove = { messageId: 'remove' as const, data: { actual }, edits: [wordRemovalEdit(text, span)] };
      // The raw text, not the prose: "So **the** vote" must not lose its markup or keep a lower case.
      const next = /^(,?)[ \t]+(\p{L}+)\b/u.exec(text.text.slice(span.end, span.end + 40));
      const safe = next !== null && opensSentence(text, span) && (next[1] === ',' || SAFE_NEXT.has(next[2]!.toLowerCase()));
      yield { messageId: 'so', data: { actual }, span, actual, ...(safe ? { fix: remove } : { suggestions: [remove] }) };
    }
  },
});

/** write-good also counts "; so" as an opener; a fix only where the sentence really starts. */
function opensSentence(view: SourceTextView, span: Span): boolean {
  const sentence = view.sentences[lastAtOrBefore(view.sentences, span.start, (s) => s.span.start)];
  return sentence !== undefined && sentence.span.end >= span.end && /^[(\s]*$/u.test(view.prose.slice(sentence.span.start, span.start));
}
