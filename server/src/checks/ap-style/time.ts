/**
 * @file AP times of day: "10 a.m.", "3:30 p.m." — lowercase with full stops, a space after the
 * figure, no ":00", "noon" and "midnight" rather than "12 noon" or "12 p.m.", and no doubled
 * part of the day ("10 a.m. this morning" → "10 a.m. today").
 */
import { defineCheck } from '../../core/defineCheck';
import type { SourceTextView, Span } from '../../core/types';
import { WEEKDAYS, proseMatches, replacement } from './_shared';

/** A clock time with any spelling of a.m./p.m. ("10am", "10 AM", "10:00 P.M.", "10 a.m"). */
const TIME = /(?<![\p{L}\p{N}:.$])(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?([ap])\.?\s?m\b\.?(?!\p{L})/giu;
const NOON = /(?<![\p{L}\p{N}:])12(?::00)?\s(noon|midnight)\b/giu;
const DAY_WORD = `(?:${WEEKDAYS.join('|')}|today|tomorrow|yesterday)`;
/** Just after a time: a part of the day that says again what a.m. or p.m. says. */
const REDUNDANT: Readonly<Record<'a.m.' | 'p.m.', RegExp>> = {
  'a.m.': new RegExp(`^( this morning| in the morning| ${DAY_WORD} morning)(?!\\p{L})`, 'u'),
  'p.m.': new RegExp(`^( this afternoon| in the afternoon| this evening| in the evening| tonight| at night| ${DAY_WORD} (?:afternoon|evening|night))(?!\\p{L})`, 'u'),
};

export default defineCheck({
  meta: {
    id: 'ap-style/time',
    category: 'style',
    description: "Write times as AP does: '10 a.m.', '3:30 p.m.', 'noon', 'midnight'.",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      time: "'{{actual}}' → '{{expected}}' (AP times).",
      noonMidnight: "'{{actual}}' → '{{expected}}': AP drops the '12'.",
      twelve: "'{{actual}}' is easily misread: AP writes 'noon' or 'midnight'.",
      redundant: "'{{actual}}' repeats what a.m./p.m. says: AP writes '{{expected}}'.",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const { match, span } of proseMatches(text, TIME)) {
      const [actual, hour, minutes, letter] = match;
      const suffix = `${letter!.toLowerCase()}.m.`;
      if (Number(hour) === 12 && (minutes === undefined || minutes === '00')) {
        // At the end of a sentence the full stop of "p.m." also ends the sentence: keep it.
        const keepStop = actual.endsWith('.') && endsSentence(text, span.end);
        const at = keepStop ? { start: span.start, end: span.end - 1 } : span;
        const [first, second] = suffix === 'p.m.' ? ['noon', 'midnight'] : ['midnight', 'noon'];
        const shown = text.text.slice(at.start, at.end);
        yield { messageId: 'twelve', data: { actual: shown }, span: at, actual: shown, suggestions: [replacement('replace', at, first), replacement('replace', at, second)] };
        continue;
      }
      const expected = `${Number(hour)}${minutes && minutes !== '00' ? `:${minutes}` : ''} ${suffix}`;
      if (actual !== expected) yield fixed('time', actual, expected, span);
      const again = REDUNDANT[suffix as 'a.m.' | 'p.m.'].exec(text.prose.slice(span.end, span.end + 30))?.[1];
      if (again) yield redundant(expected, again, span.end);
    }
    for (const { match, span } of proseMatches(text, NOON)) yield fixed('noonMidnight', match[0], match[1]!.toLowerCase(), span);
  },
});

/** "10 a.m. this morning" → "10 a.m. today"; "8 a.m. Friday morning" → "8 a.m. Friday"; "in the morning" goes. */
function redundant(time: string, phrase: string, start: number) {
  const day = new RegExp(`^ (${DAY_WORD}) \\p{L}+$`, 'u').exec(phrase)?.[1];
  const newText = day ? ` ${day}` : /^ (?:this|tonight)/u.test(phrase) ? ' today' : '';
  return fixed('redundant', `${time}${phrase}`, `${time}${newText}`, { start, end: start + phrase.length }, newText);
}

function fixed(messageId: 'time' | 'noonMidnight' | 'redundant', actual: string, expected: string, span: Span, newText = expected) {
  return { messageId, data: { actual, expected }, span, actual, expected: [expected], fix: replacement('replace' as const, span, newText) };
}

function endsSentence(view: SourceTextView, offset: number): boolean {
  return view.sentences.some((s) => s.span.end === offset);
}
