/**
 * @file Flags a word typed twice ("the the"), a slip the eye skips, most easily when the copies
 * straddle a line break. write-good's `illusion` check (lexical illusions;
 * https://github.com/btford/write-good, MIT); see _adapter.ts. The fix removes the second copy.
 */
import { defineCheck } from '../../core/defineCheck';
import { flaggedText, writeGoodSpans } from './_adapter';

/** Doubles that are grammar, not slips: "She had had enough", "He said that that plan failed". */
const GRAMMATICAL = new Set(['had', 'that']);
/**
 * Function words nobody doubles on purpose, so dropping the second copy cannot change the meaning.
 * Other words can be doubled on purpose ("mahi mahi", "what it is is", "asked for for years"):
 * those get a suggestion instead.
 */
const NEVER_DOUBLED = new Set(
  'the a an and or of to with from are were been has have would should could not this these those its he she they we his their our my your said'.split(' '),
);

export default defineCheck({
  meta: {
    id: 'write-good/illusion',
    category: 'clarity',
    description: 'Flag a word repeated by mistake ("the the") (write-good).',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      repeated: "'{{actual}}': the word is repeated.",
      remove: "Remove the second '{{word}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const span of writeGoodSpans(text, 'illusion')) {
      const word = text.prose.slice(span.start, span.end);
      const lower = word.toLowerCase();
      if (GRAMMATICAL.has(lower)) continue;
      let firstEnd = span.start;
      while (firstEnd > 0 && /\s/u.test(text.prose.charAt(firstEnd - 1))) firstEnd--;
      const first = { start: firstEnd - word.length, end: firstEnd };
      const between = text.text.slice(firstEnd, span.start);
      // Only spaces and emphasis markers in the source: code or a link blanked out of the prose
      // stood between the copies ("the `x` the"), so nothing is repeated on the page.
      if (!/^[\s*_]*$/u.test(between) || !/\s/u.test(between) || text.prose.slice(first.start, first.end).toLowerCase() !== lower) continue;
      const actual = flaggedText(text, { start: first.start, end: span.end });
      const remove = { messageId: 'remove' as const, data: { word }, edits: [{ span: { start: firstEnd, end: span.end }, newText: '' }] };
      const plain = /^\s+$/u.test(between) && text.text.slice(span.start, span.end) === word;
      const safe = plain && /^\p{Ll}+$/u.test(word) && NEVER_DOUBLED.has(word);
      // "Bora Bora", "Walla Walla": two capitals are more likely a name than a slip.
      const name = /^\p{Lu}/u.test(text.text.charAt(first.start)) && /^\p{Lu}/u.test(word);
      yield {
        messageId: 'repeated',
        data: { actual },
        span,
        actual,
        ...(name ? { maxSeverity: 'hint' as const } : {}),
        ...(safe ? { fix: remove } : plain ? { suggestions: [remove] } : {}),
      };
    }
  },
});
