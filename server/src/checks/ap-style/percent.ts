/**
 * @file Flags the "%" sign and "per cent" in running text: "5%" → "5 percent". This follows the
 * house style asked for in issue 5; AP itself has allowed "%" with a figure since 2019, so a
 * newsroom on current AP can turn this rule off. Headlines and tables keep the sign.
 */
import { defineCheck } from '../../core/defineCheck';
import { proseMatches, replacement } from './_shared';

/** A figure, perhaps a space, then "%" — not "50%-owned" (a compound AP would recast). */
const SIGN = /(?<=\d)\s?%(?!-\p{L})/gu;
const PER_CENT = /(?<=\d\s?)per\s+cent(?!\p{L})/gu;

export default defineCheck({
  meta: {
    id: 'ap-style/percent',
    category: 'style',
    description: "Write 'percent', not '%' or 'per cent', in running text.",
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'paragraph',
    messages: {
      sign: "'{{actual}}' → 'percent' in running text.",
      perCent: "'{{actual}}' → 'percent' (one word, AP style).",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    for (const { match, span } of proseMatches(text, SIGN, ['heading', 'table-row'])) {
      const actual = match[0];
      yield { messageId: 'sign', data: { actual: actual.trim() }, span, actual, expected: [' percent'], fix: replacement('replace', span, ' percent') };
    }
    for (const { match, span } of proseMatches(text, PER_CENT, ['heading', 'table-row'])) {
      yield { messageId: 'perCent', data: { actual: match[0] }, span, actual: match[0], expected: ['percent'], fix: replacement('replace', span, 'percent') };
    }
  },
});
