/**
 * @file Opt-in: "over" before a quantity → "more than" ("over 300 people"). AP dropped this rule in
 * 2014 and now accepts both, so it is off by default, for desks that keep the old preference.
 * "Over two years" (a period), "victory over 3 rivals" and "a row over 5 contracts" are left alone.
 */
import { matchCase } from '../../core/casing';
import { defineCheck } from '../../core/defineCheck';
import { NUMBER_WORD } from './_numbers';
import { proseMatches, replacement, wordBefore } from './_shared';

const QUANTITY = `(?:[$£€]?\\d[\\d,]*(?:\\.\\d+)?|${NUMBER_WORD}|a (?:dozen|hundred|thousand|million|billion)|half)`;
const OVER = new RegExp(`(?<![\\p{L}'’-])over(?= (${QUANTITY})(%|\\s+\\p{L}[\\p{L}'’-]*)?)`, 'giu');
/** Spans of time: "over 10 years" means during them. */
const PERIODS = new Set('years year months month weeks week days day hours hour minutes minute decades decade centuries century nights weekends seasons season quarters games matches rounds innings laps periods terms generations'.split(' '));
/** A plural noun or a big unit after the number: "over 300 people", "over 5 million". */
const COUNTED = /^(?:\p{L}[\p{L}'’-]*[^s]s|people|children|men|women|staff|police|personnel|cattle|sheep|fish|million|billion|trillion|dozen|hundred|thousand)$/u;
/** Words that make "over" mean against, about or across: "victory over", "a dispute over", "spread over". */
const NOT_QUANTITY_AFTER = new Set(
  ('win wins won winning victory victories lead leads led edge advantage priority preference chosen selected picked preferred ' +
    'control authority power jurisdiction dispute disputes fight fighting row rows battle clash clashes concern concerns worry ' +
    'worries argument arguments debate spread spreading stretched divided split scattered flew flying jumped towered hovered ' +
    // Phrasal verbs: "taken over 80% of", "handed over $5", "kicked over four penalties".
    'take takes taken taking took hand hands handed handing turn turns turned turning sign signed carry carried roll rolled ' +
    'kick kicked kicking slot slotted slotting knock knocked pass passed passing hold held')
    .split(' '),
);

export default defineCheck({
  meta: {
    id: 'ap-style/over',
    category: 'style',
    description: "Suggest 'more than' for 'over' before a quantity (AP's pre-2014 preference; off by default).",
    defaultSeverity: 'hint',
    enabledByDefault: false,
    fixable: false,
    scope: 'paragraph',
    messages: {
      over: "'{{actual}} {{quantity}}': consider 'more than' for a quantity.",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const { match, span } of proseMatches(text, OVER, ['heading', 'table-row'])) {
      const [actual, quantity, unit] = match;
      const noun = unit?.trim().toLowerCase() ?? '';
      if (PERIODS.has(noun) || NOT_QUANTITY_AFTER.has(wordBefore(text.prose, span.start).toLowerCase())) continue;
      // "children over 5 pay", "over 65": an age or a bare figure, not a count of things.
      if (!/^(?:[$£€]|a |half)/u.test(quantity!) && noun !== '%' && !COUNTED.test(noun)) continue;
      const expected = matchCase('more than', actual);
      yield { messageId: 'over', data: { actual, quantity: quantity! }, span, actual, expected: [expected], suggestions: [replacement('replace', span, expected)] };
    }
  },
});
