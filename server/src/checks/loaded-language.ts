/**
 * @file Flags wording in the writer's own voice that characterises instead of reports ("traumatic
 * shifts", "slammed", "so-called"), with neutral alternatives. Quotations are the source's words
 * and are left alone (or reported as hints, by option).
 */
import lexicon from '../data/loaded-language.json';
import { matchCase } from '../core/casing';
import { defineCheck } from '../core/defineCheck';
import { inflectPhrase, type Pos } from '../core/inflect';
import { TermMatcher, tokensOf } from '../core/lexicon';
import { isProtected, quotationsOf } from '../core/protected';
import type { Severity } from '../core/types';
import { wordRemovalEdit } from '../core/wordRemoval';

export const CATEGORIES = {
  'emotive-adjective': 'emotive adjective',
  'emotive-noun': 'emotive noun',
  'emotive-verb': 'emotive verb',
  intensifier: 'intensifier',
  'editorialising-adverb': 'editorialising adverb',
  'contentious-label': 'contentious label',
  euphemism: 'euphemism',
  puffery: 'puffery',
  'verb-of-saying': 'verb of saying that editorialises',
} as const;
export type Category = keyof typeof CATEGORIES;

export interface LoadedTerm {
  readonly term: string;
  readonly pos: Pos;
  readonly forms?: readonly string[];
  readonly category: Category;
  readonly weight: 'high' | 'medium' | 'low';
  readonly alternatives: readonly string[];
  readonly note: string;
  readonly notAfter?: readonly string[];
  readonly notBefore?: readonly string[];
}

/** A newsroom's own term, from settings: plain strings only, so no setting can make matching slow. */
export interface CustomTerm {
  readonly term: string;
  readonly category?: string;
  readonly alternatives?: readonly string[];
  readonly note?: string;
  readonly pos?: string;
}

const WEIGHT_CAP: Record<LoadedTerm['weight'], Severity | undefined> = { high: undefined, medium: 'info', low: 'hint' };
const POS = new Set<Pos>(['adjective', 'adverb', 'noun', 'verb', 'phrase']);
const builtIn = lexicon.entries as readonly LoadedTerm[];
let baseMatcher: TermMatcher<LoadedTerm> | undefined;
let customCache: { key: string; matcher: TermMatcher<LoadedTerm> } | undefined;

export default defineCheck({
  meta: {
    id: 'loaded-language',
    category: 'balance',
    description: "Flag wording in the writer's voice that characterises instead of reporting.",
    defaultSeverity: 'warning',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      loaded: "'{{actual}}' is loaded ({{category}}): {{note}}{{advice}}",
      quoted: "'{{actual}}' ({{category}}) is in a quotation: fine if it is the source's word.",
      replace: "Replace with '{{replacement}}'",
      remove: "Remove '{{actual}}'",
    },
    defaultOptions: {
      /** 'ignore': no finding inside quotations and block quotes; 'hint': report them as hints. */
      quotes: 'ignore' as string,
      /** Category → false to turn it off. */
      categories: {} as Readonly<Record<string, boolean>>,
      terms: [] as readonly CustomTerm[],
      /** Terms this newsroom accepts, e.g. "regime". */
      allow: [] as readonly string[],
    },
  },
  validate(options) {
    const problems: string[] = [];
    if (options.quotes !== 'ignore' && options.quotes !== 'hint') problems.push(`quotes: expected "ignore" or "hint", not ${JSON.stringify(options.quotes)}`);
    for (const name of Object.keys(options.categories)) if (!(name in CATEGORIES)) problems.push(`categories.${name}: unknown category (known: ${Object.keys(CATEGORIES).join(', ')})`);
    options.terms.forEach((t, i) => {
      const why = customTermProblem(t);
      if (why) problems.push(`terms[${i}]: ${why}; this term is ignored`);
    });
    if (!Array.isArray(options.allow) || options.allow.some((a) => typeof a !== 'string')) problems.push('allow: expected a list of words');
    return problems;
  },
  *run({ text, options }) {
    const allowed = new Set((Array.isArray(options.allow) ? options.allow : []).filter((a) => typeof a === 'string').map((a) => a.toLowerCase()));
    const quotedAsHint = options.quotes === 'hint';
    const quotations = quotationsOf(text);
    const tokens = tokensOf(text);
    const custom = [...(customMatcher(options.terms)?.matches(tokens, text.prose) ?? [])];
    const builtInMatches = [...(baseMatcher ??= new TermMatcher(builtIn)).matches(tokens, text.prose)].filter(
      (m) => !custom.some((c) => c.span.start < m.span.end && m.span.start < c.span.end),
    );
    for (const { span, entry, transform } of [...custom, ...builtInMatches]) {
      if (options.categories[entry.category] === false || allowed.has(entry.term)) continue;
      const actual = text.text.slice(span.start, span.end);
      if (allowed.has(actual.toLowerCase())) continue;
      const quoted = quotations.contains(span);
      // A URL is not prose at all: not even the hint that quotations get.
      if (!quoted && isProtected(text, span)) continue;
      if (quoted && !quotedAsHint) continue;
      const replacements = entry.alternatives.filter((a) => a !== 'remove').map((a) => matchCase(inflectPhrase(a, transform, entry.pos), actual));
      const removable = entry.alternatives.includes('remove');
      const data = { actual, category: CATEGORIES[entry.category], note: entry.note, advice: advice(replacements, removable) };
      const cap = quoted ? 'hint' : WEIGHT_CAP[entry.weight];
      yield {
        messageId: quoted ? 'quoted' : 'loaded',
        data,
        span,
        actual,
        expected: removable ? [...replacements, ''] : replacements,
        note: entry.note,
        ...(cap ? { maxSeverity: cap } : {}),
        suggestions: [
          ...replacements.map((replacement) => ({ messageId: 'replace' as const, data: { replacement }, edits: [{ span, newText: replacement }] })),
          ...(removable ? [{ messageId: 'remove' as const, data: { actual }, edits: [wordRemovalEdit(text, span)] }] : []),
        ],
      };
    }
  },
});

function advice(replacements: readonly string[], removable: boolean): string {
  const quoted = replacements.map((r) => `'${r}'`);
  if (quoted.length && removable) return ` Consider ${quoted.join(', ')} or cutting it.`;
  if (quoted.length) return ` Consider ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted[0]}.`;
  if (removable) return ' Consider cutting it.';
  return ' Rephrase neutrally or attribute it to a source.';
}

function customTermProblem(t: CustomTerm): string | undefined {
  if (typeof t !== 'object' || t === null || typeof t.term !== 'string') return 'expected { "term": "…", "category"?, "alternatives"?, "note"? }';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(t.term.trim())) return `"${t.term}" must be plain words (letters, digits, spaces, hyphens, apostrophes)`;
  if (t.category !== undefined && !(t.category in CATEGORIES)) return `unknown category "${t.category}"`;
  if (t.pos !== undefined && !POS.has(t.pos as Pos)) return `unknown pos "${t.pos}" (adjective, adverb, noun, verb or phrase)`;
  if (t.alternatives !== undefined && (!Array.isArray(t.alternatives) || t.alternatives.some((a) => typeof a !== 'string'))) return 'alternatives must be a list of strings';
  return undefined;
}

/** The writer's own terms come first, so they win over a built-in entry for the same words. */
function customMatcher(terms: readonly CustomTerm[]): TermMatcher<LoadedTerm> | undefined {
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  const key = JSON.stringify(terms);
  if (customCache?.key !== key) {
    const entries = terms
      .filter((t) => !customTermProblem(t))
      .map(
        (t): LoadedTerm => ({
          term: t.term.trim().toLowerCase(),
          pos: (t.pos as Pos | undefined) ?? 'phrase',
          category: (t.category as Category | undefined) ?? 'emotive-adjective',
          weight: 'high',
          alternatives: t.alternatives ?? [],
          note: t.note ?? 'on your newsroom’s list of loaded terms.',
        }),
      );
    customCache = { key, matcher: new TermMatcher(entries) };
  }
  return customCache.matcher;
}
