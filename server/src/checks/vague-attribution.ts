/**
 * @file Flags attribution to unnamed or vague sources ("critics argue", "it is widely believed",
 * "experts say", "sources said"): the reader cannot weigh a claim without knowing who makes it,
 * and, when a source cannot be named, why.
 */
import { defineCheck } from '../core/defineCheck';
import { quotationsOf } from '../core/protected';
import { sentenceWords, wordFilter, wordsOf, type WordFilter, type Words } from '../core/wordFilter';

const SAYING =
  'says?|said|saying|argue[sd]?|arguing|believe[sd]?|believing|claim(?:s|ed|ing)?|contend(?:s|ed)?|note[sd]?|suggest(?:s|ed)?|think|thinks|thought|fear(?:s|ed)?|warn(?:s|ed)?|insist(?:s|ed)?|maintain(?:s|ed)?|allege[sd]?|feel|feels|felt|predict(?:s|ed)?|expect(?:s|ed)?|agree[sd]?|reckons?|reckoned';
const VAGUE_GROUP =
  'critics|experts|observers|analysts|commentators|insiders|sources|detractors|skeptics|sceptics|pundits|onlookers|people|many|some|others|scientists|economists|historians|researchers|officials|residents|locals|voters';
const QUANTIFIER = 'some|many|most|several|numerous|countless|a number of|a lot of|plenty of';

type Kind = 'impersonal' | 'group' | 'according' | 'passive';

/**
 * Each pattern is a plain alternation with no nested repetition, so matching stays linear. Most
 * sentences contain none of the words a pattern needs and skip it (core/wordFilter.ts).
 */
const PATTERNS = [
  {
    kind: 'impersonal',
    re: /\bit (?:is|was|has been|had been|is being) (?:widely |generally |often |commonly |increasingly |now )?(?:said|believed|thought|claimed|rumou?red|alleged|suggested|argued|feared|understood|assumed|felt)\b/giu,
  },
  {
    kind: 'passive',
    re: /\b(?:is|are|was|were) (?:widely |generally |often |commonly |increasingly )?(?:believed|thought|considered|regarded|reputed|rumou?red|said|alleged|seen|viewed|perceived) (?:by (?:many|some|most|critics|experts|observers) )?(?:to be|to have|as)\b/giu,
  },
  {
    kind: 'group',
    re: new RegExp(`\\b(?:(?:${QUANTIFIER}) (?:${VAGUE_GROUP})|(?:${QUANTIFIER})|(?:${VAGUE_GROUP}))(?: have| had| would| will| may| might| could)? (?:${SAYING})\\b`, 'giu'),
  },
  { kind: 'according', re: new RegExp(`\\baccording to (?:(?:${QUANTIFIER}) )?(?:${VAGUE_GROUP}|reports|a source|one source|an official|one official)\\b`, 'giu') },
] as const satisfies readonly { readonly kind: Kind; readonly re: RegExp }[];

/** The patterns with their word filters, built on first use rather than at start-up. */
let filtered: readonly { readonly kind: Kind; readonly re: RegExp; readonly filter: WordFilter }[] | undefined;
const patterns = () => (filtered ??= PATTERNS.map((p) => ({ ...p, filter: wordFilter(p.re) })));

/**
 * Whether the text attributes to some source, however vague ("critics say", "it is believed"):
 * unattributed-claim leaves such sentences to this rule rather than report them twice.
 */
export function hasVagueAttribution(text: string, words: Words = wordsOf(text)): boolean {
  return patterns().some(({ re, filter }) => {
    if (!filter.mayMatch(words)) return false;
    re.lastIndex = 0;
    const found = re.test(text);
    re.lastIndex = 0;
    return found;
  });
}

export default defineCheck({
  meta: {
    id: 'vague-attribution',
    category: 'attribution',
    description: 'Flag attribution to unnamed or vague sources ("critics say", "it is widely believed").',
    defaultSeverity: 'warning',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      impersonal: "'{{actual}}' hides who holds the view: name the source, or cut the claim.",
      passive: "'{{actual}}': considered, believed or regarded by whom? Name the source.",
      group: "'{{actual}}' attributes to unnamed people: say who they are, and why they are not named if they cannot be.",
      according: "'{{actual}}' cites an unnamed source: say who, and why they are not named.",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    const quotations = quotationsOf(text);
    const all = patterns();
    // Indexed loops: for-of in this generator made an iterator result per sentence and pattern (3 MB of a 1 MB first look).
    const { sentences } = text;
    for (let s = 0; s < sentences.length; s++) {
      const sentence = sentences[s]!;
      const words = sentenceWords(sentence);
      for (let p = 0; p < all.length; p++) {
        const { kind, re, filter } = all[p]!;
        if (!filter.mayMatch(words)) continue;
        re.lastIndex = 0;
        for (const m of sentence.text.matchAll(re)) {
          const start = sentence.span.start + m.index;
          const span = { start, end: start + m[0].length };
          if (quotations.contains(span)) continue;
          if (kind === 'group' && namedSource(sentence.text, m.index, m[0])) continue;
          // "most noted for", "after some thought": a superlative and a noun, not someone speaking.
          if (kind === 'group' && /^(?:most noted|some thought)$/iu.test(m[0])) continue;
          yield { messageId: kind, data: { actual: text.text.slice(span.start, span.end) }, span, actual: text.text.slice(span.start, span.end) };
        }
      }
    }
  },
});

/**
 * Some group nouns are vague only on their own: "Treasury officials said", "county officials
 * said", "the company's researchers said" name who speaks; "people said" is left to a human, and
 * "some people said" is reported through its quantifier.
 */
function namedSource(sentence: string, at: number, matched: string): boolean {
  const groupWord = /^[\p{L}]+/u.exec(matched)?.[0] ?? '';
  if (/^(?:people|residents|locals|voters)$/iu.test(groupWord)) return true;
  if (!/^(?:officials|researchers|scientists|economists|historians)$/iu.test(groupWord)) return false;
  const before = sentence.slice(Math.max(0, at - 40), at);
  return /(?:[\p{Lu}][\p{L}.'’-]*|county|city|state|federal|police|school|hospital|company|government|health|court|election|transport|army|military|[\p{L}]+['’]s?) $/u.test(before);
}
