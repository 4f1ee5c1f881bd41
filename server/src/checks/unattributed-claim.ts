/**
 * @file Flags sentences in the writer's own voice that assert what a reader should be able to trace
 * to a source (a motive, a feeling, a prediction, a cause or purpose, a judgement) when nothing in
 * the sentence, or the attributed sentence it continues, says who says so.
 */
import lexicon from '../data/loaded-language.json';
import { defineCheck } from '../core/defineCheck';
import { TermMatcher, tokensOf } from '../core/lexicon';
import { quotationsOf } from '../core/protected';
import type { SpanSet } from '../core/spans';
import type { Sentence, SourceTextView } from '../core/types';
import type { LoadedTerm } from './loaded-language';

/** Reporting verbs and source nouns: any of them outside a quotation makes the sentence attributed. */
const ATTRIBUTION =
  /\b(?:said|says|say|saying|told|tells|according to|reported|reports|wrote|writes|estimated|estimates|testified|remarked|noted|notes|added|adds|stated|announced|explained|acknowledged|confirmed|argued|argues|warned|warns|predicted|predicts|claimed|claims|insisted|recalled|highlighted by|cited|quoted|asserted|contended|maintained|observed|pointed out|in a statement|court records|records show|data (?:from|show)|figures (?:from|show)|a (?:\d{4} )?(?:report|study|survey|poll|analysis|review|audit) (?:by|from|published)|the (?:report|study|survey|poll|audit) (?:found|showed|said)|(?:police|officials|the company|the ministry|the council|the department) (?:said|say))\b/iu;
/** A sentence continuing an attributed one: "He added…", "She said…", a pronoun subject. */
const CONTINUES = /^["“]?(?:He|She|They|His|Her|Their|The (?:minister|mayor|spokes(?:man|woman|person)|official|senator|chief|report|study))\b/u;

const CUES: readonly { readonly cue: 'motive' | 'prediction' | 'cause' | 'generalisation' | 'figure'; readonly strong: boolean; readonly re: RegExp }[] = [
  {
    cue: 'motive',
    strong: true,
    re: /\b(?:are|is|were|was|seem|seems|appear|appears|remain|remains) (?:increasingly |clearly |deeply |now )?(?:feeling|eager|keen|anxious|desperate|determined|worried|concerned|afraid|fearful|reluctant|frustrated|angry|furious|pleased|delighted|vulnerable|nervous|uneasy|hopeful|confident|wary|unwilling|willing|loath|impatient|resentful|bitter|disillusioned|emboldened)\b|\b(?:wants?|wanted|hopes?|hoped|fears?|feared|intends?|intended|seeks? to|sought to|aims? to|aimed to|is trying to|are trying to|is determined to|are determined to|is desperate to)\b/iu,
  },
  {
    cue: 'prediction',
    strong: true,
    re: /\b(?:will (?:likely|probably|almost certainly|surely|inevitably)|(?:is|are|was|were) (?:likely|unlikely|expected|poised|bound|certain) to|could (?:soon |well |easily )?(?:lead|trigger|spark|cause|derail|upend|reshape|threaten|undermine|cost)|may well|is set to (?:become|transform|reshape|dominate)|threaten(?:s|ed)?|undermine[sd]?|jeopardi[sz]e[sd]?)\b/iu,
  },
  {
    cue: 'cause',
    strong: true,
    re: /\b(?:serves? (?:both )?to|serving to|(?:is|are|was|were) (?:aimed|designed|intended|meant) (?:at|to)|aimed at|in order to|in an (?:effort|attempt|bid) to|due to(?! (?:be|start|begin|open|close|take|finish|end|arrive|meet|vote|appear|return|resume|launch|run|sit|leave|report|publish|decide|rule|hear|give|make|go|come)\b)|because of|as a result of|thanks to|driven by|fuell?ed by|a sign (?:of|that)|signals? (?:a|that)|reflects? (?:a|the|growing))\b/iu,
  },
  {
    cue: 'generalisation',
    strong: false,
    re: /\b(?:has|have|had) (?:frequently|often|repeatedly|consistently|long|always|never|routinely) (?:been )?|\b(?:frequently|routinely|invariably|increasingly|always|never) (?:been )?[a-z]+(?:ed|s)\b/iu,
  },
  {
    cue: 'figure',
    strong: false,
    // "the best" and "record" are left out: in sport and arts copy they are usually results, not claims.
    re: /\b(?:the (?:largest|biggest|worst|highest|lowest|first-ever)|unprecedented)\b/iu,
  },
];

const EVALUATIVE = new Set(['emotive-adjective', 'emotive-noun', 'emotive-verb', 'contentious-label', 'puffery']);
let matcher: TermMatcher<LoadedTerm> | undefined;

export default defineCheck({
  meta: {
    id: 'unattributed-claim',
    category: 'attribution',
    description: 'Flag claims of motive, feeling, prediction, cause or judgement that no source covers.',
    defaultSeverity: 'warning',
    enabledByDefault: true,
    fixable: false,
    scope: 'paragraph',
    messages: {
      motive: "Says what someone wants, feels or intends ('{{cue}}') with no source: who says so?",
      prediction: "Predicts or speculates ('{{cue}}') with no source: whose forecast is it?",
      cause: "Asserts a cause or purpose ('{{cue}}') with no source: who says that is why?",
      generalisation: "Generalises ('{{cue}}') with no source: on what record or authority?",
      figure: "A superlative or record ('{{cue}}') with no source: according to whom?",
      evaluation: "Judges in the writer's voice ('{{cue}}') with no source: attribute the judgement or describe what happened.",
      insertAttribution: 'Insert attribution (according to [source])',
    },
    defaultOptions: {},
  },
  *run({ text }) {
    const quotations = quotationsOf(text);
    const loaded = evaluativeSpans(text);
    let previousAttributed = false;
    let previousBlock = -1;
    for (const sentence of text.sentences) {
      const block = text.blocks[sentence.block]!;
      const sameParagraph = sentence.block === previousBlock;
      previousBlock = sentence.block;
      if (block.kind === 'heading' || block.kind === 'blockquote' || quotations.contains(sentence.span)) {
        previousAttributed = false;
        continue;
      }
      const own = unquoted(text, sentence, quotations);
      const attributed: boolean = ATTRIBUTION.test(own) || (sameParagraph && previousAttributed && CONTINUES.test(sentence.text));
      previousAttributed = attributed;
      if (attributed) continue;
      const found = firstCue(own, sentence, loaded);
      if (!found) continue;
      const insertAt = sentence.span.end - (/[.!?]["'”’]?$/u.test(sentence.text) ? trailingPunctuation(sentence.text) : 0);
      yield {
        messageId: found.messageId,
        data: { cue: found.cue },
        span: sentence.span,
        ...(found.strong ? {} : { maxSeverity: 'info' as const }),
        suggestions: [{ messageId: 'insertAttribution' as const, edits: [{ span: { start: insertAt, end: insertAt }, newText: ', according to [source]' }] }],
      };
    }
  },
});

/** The sentence with its quotations blanked, so a quoted "said" or "eager" does not count. */
function unquoted(text: SourceTextView, sentence: Sentence, quotations: SpanSet): string {
  let out = '';
  for (let i = sentence.span.start; i < sentence.span.end; i++) out += quotations.contains({ start: i, end: i + 1 }) ? ' ' : text.prose.charAt(i);
  return out;
}

function firstCue(own: string, sentence: Sentence, loaded: readonly { start: number; end: number; text: string }[]) {
  for (const { cue, strong, re } of CUES) {
    const m = re.exec(own);
    if (m) return { messageId: cue, cue: m[0].trim(), strong };
  }
  const word = loaded.find((l) => l.start >= sentence.span.start && l.end <= sentence.span.end && own.slice(l.start - sentence.span.start, l.end - sentence.span.start) === l.text);
  return word ? { messageId: 'evaluation' as const, cue: word.text, strong: true } : undefined;
}

/** Loaded, judging words (the loaded-language lexicon's evaluative categories) anywhere in the text. */
function evaluativeSpans(text: SourceTextView): { start: number; end: number; text: string }[] {
  matcher ??= new TermMatcher((lexicon.entries as readonly LoadedTerm[]).filter((e) => EVALUATIVE.has(e.category) && e.weight === 'high'));
  return [...matcher.matches(tokensOf(text), text.prose)].map((m) => ({ ...m.span, text: text.prose.slice(m.span.start, m.span.end) }));
}

function trailingPunctuation(sentence: string): number {
  return /[.!?]["'”’]?$/u.exec(sentence)?.[0].length ?? 0;
}
