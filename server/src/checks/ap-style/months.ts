/**
 * @file AP dates: with a specific date, abbreviate Jan., Feb., Aug., Sept., Oct., Nov. and Dec.
 * ("January 5" → "Jan. 5"), never March to July; spell the month out alone or with a year only
 * ("Jan. 2024" → "January 2024"); no "th" on the day; month before day ("5 January" → "Jan. 5").
 */
import { defineCheck } from '../../core/defineCheck';
import { MONTHS, proseMatches, replacement } from './_shared';

/** AP's form of each month before a day. */
const WITH_DAY: Readonly<Record<string, string>> = {
  January: 'Jan.', February: 'Feb.', March: 'March', April: 'April', May: 'May', June: 'June',
  July: 'July', August: 'Aug.', September: 'Sept.', October: 'Oct.', November: 'Nov.', December: 'Dec.',
};
/** Abbreviations writers use, to the full month. "May" has none. */
const ABBREVIATED: Readonly<Record<string, string>> = {
  Jan: 'January', Feb: 'February', Mar: 'March', Apr: 'April', Jun: 'June', Jul: 'July',
  Aug: 'August', Sep: 'September', Sept: 'September', Oct: 'October', Nov: 'November', Dec: 'December',
};
const MONTH = `(?:${MONTHS.join('|')}|${Object.keys(ABBREVIATED).join('|')})\\.?`;
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
/** "January 5", "Jan 5th", "Sept. 5": a month, a day, no more digits. */
const MONTH_DAY = new RegExp(`(?<![\\p{L}.])(${MONTH}) (${DAY})(st|nd|rd|th)?(?![\\p{L}\\p{N}]|[.,:/]\\d)`, 'gu');
/** "Jan. 2024": an abbreviated month with only a year. */
const MONTH_YEAR = new RegExp(`(?<![\\p{L}.])(${Object.keys(ABBREVIATED).join('|')})\\.? (\\d{4})(?!\\p{N})`, 'gu');
/** "5 January 2024": day first, British style; not "1 and 2 March" or "the 5 May meeting". */
const DAY_MONTH = new RegExp(`(?<![\\p{N},./\\-–]\\s?|(?:[Aa]nd|[Oo]r|[Tt]o|[Tt]he) )(${DAY})(?:st|nd|rd|th)? (${MONTHS.join('|')})(?: (\\d{4}))?(?![\\p{L}\\p{N}])`, 'gu');

export default defineCheck({
  meta: {
    id: 'ap-style/months',
    category: 'style',
    description: 'Abbreviate Jan., Feb., Aug., Sept., Oct., Nov. and Dec. with a date, and spell months out otherwise (AP).',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      date: "'{{actual}}' → '{{expected}}' (AP dates).",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    const found = (actual: string, expected: string, span: { start: number; end: number }) => ({
      messageId: 'date' as const,
      data: { actual, expected },
      span,
      actual,
      expected: [expected],
      fix: replacement('replace', span, expected),
    });
    for (const { match, span } of proseMatches(text, MONTH_DAY)) {
      const expected = `${WITH_DAY[fullMonth(match[1]!)]} ${Number(match[2])}`;
      if (expected !== match[0]) yield found(match[0], expected, span);
    }
    for (const { match, span } of proseMatches(text, MONTH_YEAR)) {
      yield found(match[0], `${ABBREVIATED[match[1]!]} ${match[2]}`, span);
    }
    for (const { match, span } of proseMatches(text, DAY_MONTH)) {
      const [, day, month, year] = match;
      // AP sets a year off with commas: "Jan. 5, 2024, was…"; before punctuation the sentence has its own.
      const comma = year && /^\s+[\p{L}\p{N}]/u.test(text.prose.slice(span.end, span.end + 3)) ? ',' : '';
      yield found(match[0], `${WITH_DAY[month!]} ${Number(day)}${year ? `, ${year}${comma}` : ''}`, span);
    }
  },
});

function fullMonth(written: string): string {
  const bare = written.replace(/\.$/u, '');
  return ABBREVIATED[bare] ?? bare;
}
