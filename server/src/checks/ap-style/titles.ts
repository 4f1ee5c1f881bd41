/**
 * @file AP formal titles: capitalised immediately before a name ("President Ana Ruiz"), lowercase
 * alone or set off from the name ("the president said", "Ana Ruiz, president of the board"), and
 * abbreviated before a name where AP abbreviates ("Gov.", "Sen.", "Rep."). Titles come from a data
 * list; only clear cases are flagged, and as suggestions, because a title can be part of a name.
 */
import list from '../../data/ap-titles.json';
import { defineCheck } from '../../core/defineCheck';
import { TermMatcher, tokensOf } from '../../core/lexicon';
import type { FixReport, Span } from '../../core/types';
import { MONTHS, WEEKDAYS, blockKindAt, isCapitalised, opensSentence, replacement, wordAfter, wordBefore } from './_shared';
import { isProtected } from '../../core/protected';

interface Title {
  readonly term: string;
  readonly pos: 'phrase';
  readonly abbreviation?: string;
  readonly lowercaseOnly?: boolean;
  readonly apEntry: string;
  readonly note: string;
}

const titles = list.entries.map((e) => ({ ...e, pos: 'phrase' as const })) as readonly Title[];
let matcher: TermMatcher<Title> | undefined;
const NOT_NAMES = new Set<string>([...WEEKDAYS, ...MONTHS, 'I']);
/** Words before a lowercase title that leave it a title ("former president Ana Ruiz", "said mayor Ana Ruiz"). */
const BEFORE_TITLE = new Set(
  ('the former late then acting interim outgoing incoming state city county federal and or but with by to for from of on at in as ' +
    'after before when while said says told asked met thanked called urged including under between against like than whom that because')
    .split(' '),
);
/** Words before a capitalised title standing alone ("the Mayor said", "its President"). */
const DETERMINERS = new Set('the a an former late then acting interim outgoing incoming new current his her their its our your my this that'.split(' '));

export default defineCheck({
  meta: {
    id: 'ap-style/titles',
    category: 'style',
    description: 'Capitalise a formal title only directly before a name, lowercase it elsewhere, and abbreviate Gov., Sen. and Rep. before a name (AP).',
    defaultSeverity: 'hint',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      capitalise: "'{{actual}}' comes right before a name: AP capitalises it ('{{expected}}').",
      lowercase: "'{{actual}}' is not right before a name: AP lowercases it ('{{expected}}').",
      abbreviate: "'{{actual}}' before a name: AP abbreviates it ('{{expected}}').",
      replace: "Replace with '{{replacement}}'",
    },
    defaultOptions: {},
  },
  *run({ text }) {
    const { prose } = text;
    for (const { span, entry } of (matcher ??= new TermMatcher(titles)).matches(tokensOf(text), prose)) {
      const kind = blockKindAt(text, span.start);
      if (kind === 'heading' || kind === 'table-row' || isProtected(text, span)) continue;
      const actual = text.text.slice(span.start, span.end);
      const next = wordAfter(prose, span.end);
      const nameFollows = /^ +$/u.test(prose.slice(span.end, prose.indexOf(next, span.end))) && isCapitalised(next) && !NOT_NAMES.has(next);
      const before = /([\p{L}'’]+)?([^\p{L}]*)$/u.exec(prose.slice(Math.max(0, span.start - 40), span.start))!;
      const [, prevWord = '', gap = ''] = before;
      let messageId: 'capitalise' | 'lowercase' | 'abbreviate';
      let expected: string;
      // "ex-president Ana Ruiz": the prefix is part of the title; left to the writer.
      const lowerBeforeName = actual === actual.toLowerCase() && nameFollows && !entry.lowercaseOnly && prose.charAt(span.start - 1) !== '-';
      if (lowerBeforeName && (opensSentence(text, span.start) || (gap === ' ' && BEFORE_TITLE.has(prevWord.toLowerCase())))) {
        [messageId, expected] = entry.abbreviation ? ['abbreviate', entry.abbreviation] : ['capitalise', titleCase(actual)];
      } else if (actual === titleCase(actual) && actual !== actual.toUpperCase() && nameFollows && entry.abbreviation) {
        [messageId, expected] = ['abbreviate', entry.abbreviation];
      } else if (actual === titleCase(actual) && !nameFollows && !opensSentence(text, span.start) && standsAlone(prose, span, prevWord, gap)) {
        [messageId, expected] = ['lowercase', actual.toLowerCase()];
      } else continue;
      const fix: FixReport<'replace'> = replacement('replace', span, expected);
      yield { messageId, data: { actual, expected }, span, actual, expected: [expected], note: `${entry.note} (AP Stylebook, ${entry.apEntry})`, suggestions: [fix] };
    }
  },
});

/** "secretary of state" → "Secretary of State", "president-elect" → "President-elect". */
function titleCase(s: string): string {
  return s.replace(/(?<![\p{L}])\p{L}+/gu, (w, at: number) => (w === 'of' || (w === 'elect' && s.charAt(at - 1) === '-') ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}

/**
 * After an article or a possessive ("the Mayor said", "Argentina's President"), or after a name and
 * a comma when lowercase words follow ("Ana Ruiz, President of the board"). Not the start of a name
 * ("the Mayor's Office"), a work's title ("The Return of the King") or a list ("Hodgson, King, Lee").
 */
function standsAlone(prose: string, span: Span, prevWord: string, gap: string): boolean {
  const after = prose.slice(span.end, span.end + 30);
  if (/^['’]s\s+\p{Lu}/u.test(after)) return false;
  if (gap === ' ' && DETERMINERS.has(prevWord.toLowerCase())) {
    const earlier = wordBefore(prose, span.start - gap.length - prevWord.length);
    return !(earlier === 'of' || (isCapitalised(earlier) && !opensSentenceAt(prose, span.start - gap.length - prevWord.length)));
  }
  if (gap === ' ' && /['’]s$/u.test(prevWord)) return !/^ of \p{Lu}/u.test(after);
  return /^,\s+$/u.test(gap) && isCapitalised(prevWord) && /^ +\p{Ll}/u.test(after);
}

/** Whether the word ending at `end` starts a sentence: only a sentence end or nothing before it. */
function opensSentenceAt(prose: string, end: number): boolean {
  return /(?:^|[.!?]["'”’)]*\s+)[\p{L}'’]+\s*$/u.test(prose.slice(Math.max(0, end - 60), end));
}
