/**
 * @file Flags "stated", "exclaimed", "opined" and "remarked" used to attribute speech: AP treats
 * "said" as the neutral verb of attribution. "Stated" → "said" is a safe fix; the others carry a
 * manner ("exclaimed", "remarked") or a judgement ("opined"), so "said" is only suggested. Only
 * attribution is flagged: "the stated goal", "as stated", "remarked on the mood" are left alone.
 */
import { defineCheck } from '../../core/defineCheck';
import type { FixReport } from '../../core/types';
import { MONTHS, WEEKDAYS, isCapitalised, proseMatches, replacement, wordBefore } from './_shared';

const VERB = /(?<![\p{L}'’-])(?:stated|exclaimed|opined|remarked)(?![\p{L}'’-])/giu;
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'you', 'who', 'it']);
/** Nouns that speak for someone in news copy: "the spokeswoman stated", "the report stated". */
const SPEAKERS = new Set(
  ('spokesman spokeswoman spokesperson official officials minister mayor president chairman chairwoman chair director ' +
    'secretary senator governor judge lawyer lawyers attorney prosecutor prosecutors police witness witnesses statement ' +
    'report letter company ministry department council agency court ruling filing author authors chief leader manager')
    .split(' '),
);
/** Words between subject and verb that keep it attribution: "He later stated", "She has stated". */
const BETWEEN = /^(?:has|have|had|also|later|then|earlier|again|once|\p{L}+ly)$/iu;
const TIME_NOUN = /^that\s+(?:year|day|week|month|time|morning|afternoon|evening|night)\b/iu;
/** What follows an attribution verb: "that", punctuation, a quotation, a day or "in a statement". */
const AFTER = new RegExp(
  `^(?:\\s+that\\b|\\s*[,.;:!?]|\\s*["“”'‘]|\\s*$|\\s+(?:on\\s+)?(?:${WEEKDAYS.join('|')}|${MONTHS.join('|')}|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.)|\\s+in\\s+an?\\s+(?:statement|letter|interview|post|email|e-mail)\\b|\\s+to\\s+(?:reporters|journalists)\\b|\\s+(?:today|yesterday|earlier|later)\\b)`,
  'u',
);

export default defineCheck({
  meta: {
    id: 'ap-style/said',
    category: 'style',
    description: "Use 'said' for attribution, not 'stated', 'exclaimed', 'opined' or 'remarked' (AP).",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      said: "'{{actual}}' → 'said': AP's neutral verb of attribution.",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    const { prose } = text;
    for (const { match, span } of proseMatches(text, VERB)) {
      const actual = match[0];
      const after = prose.slice(span.end, span.end + 60);
      // `"We will win," stated Jane Doe`: right after a quotation is always attribution.
      const afterQuote = text.quotes.some((q) => q.span.end <= span.start && /^\s+$/u.test(prose.slice(q.span.end, span.start)));
      if (!afterQuote && !(hasSubject(prose, span.start) && AFTER.test(after) && !TIME_NOUN.test(after.trim()))) continue;
      const said = isCapitalised(actual) ? 'Said' : 'said';
      const repair: FixReport<'replace'> = replacement('replace', span, said);
      yield {
        messageId: 'said',
        data: { actual },
        span,
        actual,
        expected: [said],
        ...(actual.toLowerCase() === 'stated' ? { fix: repair } : { suggestions: [repair] }),
      };
    }
  },
});

/** A pronoun, a name or a speaking noun just before the verb, perhaps with "has" or "later" between. */
function hasSubject(prose: string, at: number): boolean {
  let word = wordBefore(prose, at);
  let end = at;
  for (let hops = 0; hops < 2 && BETWEEN.test(word); hops++) {
    end = prose.lastIndexOf(word, end);
    word = wordBefore(prose, end);
  }
  if (/['’]s$/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (PRONOUNS.has(lower) || SPEAKERS.has(lower)) return true;
  // A capital other than an article: "Doe stated", "Smith remarked" (not "The stated aim").
  return isCapitalised(word) && !['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'as'].includes(lower);
}
