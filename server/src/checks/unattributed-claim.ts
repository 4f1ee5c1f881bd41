/**
 * @file Flags sentences in the writer's own voice that assert what a reader should be able to trace
 * to a source (a motive, a feeling, a prediction, a cause or purpose, a judgement) when nothing in
 * the sentence, or the attributed sentence it continues, says who says so.
 */
import judgementWords from '../data/judgement-words.json';
import lexicon from '../data/loaded-language.json';
import { defineCheck } from '../core/defineCheck';
import { TermMatcher, tokensOf, type LexiconTerm } from '../core/lexicon';
import { quotationsOf } from '../core/protected';
import { lastAtOrBefore } from '../core/spans';
import { firstMatch, sentenceWords, wordFilter, wordsOf, type WordFilter, type Words } from '../core/wordFilter';
import type { SpanSet } from '../core/spans';
import type { Sentence, SourceTextView, Span } from '../core/types';
import type { LoadedTerm } from './loaded-language';
import { hasVagueAttribution } from './vague-attribution';

/** Reporting verbs and source nouns: any of them outside a quotation makes the sentence attributed. */
const ATTRIBUTION =
  /\b(?:(?:documents|data|records|figures|filings|statistics|minutes|results|papers|emails|accounts)\b[^.;]{0,60}?\b(?:show|shows|showed|reveal|reveals|revealed|indicate|indicates|indicated)|said|says|say|saying|told|tells|according to|reported|reports|wrote|writes|estimated|estimates|testified|remarked|noted|notes|added|adds|stated|announced|explained|acknowledged|confirmed|argued|argues|warned|warns|warn|argue|predicted|predicts|claimed|claims|insisted|recalled|highlighted by|attributed|attributes|blamed|blames|credited|cited|quoted|asserted|contended|maintained|observed|pointed out|in a statement|court records|records show|data (?:from|show)|figures (?:from|show)|a (?:\d{4} )?(?:report|study|survey|poll|analysis|review|audit) (?:by|from|published)|(?:the|a|an|its|their) (?:\w+ )?(?:report|study|survey|poll|audit|analysis|review|index|census|inquiry|investigation) (?:found|finds|showed|shows|said|says|suggests|suggested|concluded|concludes)|(?:court|tribunal|judge|jury|panel|inquiry|regulator) (?:ruled|decided|found|concluded|heard)|reiterated|repeated (?:his|her|their|its) (?:view|claim|warning|call)|(?:police|officials|the company|the ministry|the council|the department) (?:said|say))\b/iu;
/** Built on first use, not at start-up (reading a long expression takes some milliseconds). */
let mayAttribute: WordFilter | undefined;
/** A sentence continuing an attributed one: "He added…", "She said…", a pronoun subject. */
const CONTINUES = /^["“]?(?:He|She|They|His|Her|Their|The (?:minister|mayor|spokes(?:man|woman|person)|official|senator|chief|report|study))\b/u;

type CueKind = 'motive' | 'prediction' | 'cause' | 'generalisation' | 'figure' | 'evaluation';
interface Cue {
  readonly cue: CueKind;
  /** Strong cues are warnings; weak ones (hedges, figures, habits) are capped at info. */
  readonly strong: boolean;
  readonly re: RegExp;
}

/** Each cue with the words any of its matches contains: most sentences have none of them and skip the expression. */
let filtered: readonly (Cue & { readonly filter: WordFilter })[] | undefined;

/** Feelings and attitudes ascribed with a linking verb: "are eager to", "have grown uneasy", "was stunned by". */
const FEELINGS =
  'feeling|eager|keen|anxious|desperate|determined|worried|concerned|afraid|fearful|terrified|scared|reluctant|frustrated|angry|furious|outraged|incensed|pleased|delighted|thrilled|elated|relieved|vulnerable|nervous|uneasy|hopeful|optimistic|pessimistic|confident|wary|unwilling|willing|loath|impatient|resentful|bitter|disillusioned|emboldened|exhausted|demoralised|demoralized|fed up|tired of|sick of|weary|stunned|shocked|dismayed|alarmed|devastated|heartbroken|skeptical|sceptical|suspicious|unhappy|happy|proud|embarrassed|ashamed|divided|split|torn|bent on|intent on|in no mood|under pressure|abandoned|betrayed|ignored|overlooked|neglected|irritated|annoyed|irked|frightened|disappointed|upset|let down|excited|jubilant|dismissive|defiant|complacent|nervy|jittery|rattled|spooked|struggling to|reeling|unmoved|unimpressed|indifferent|heartened|buoyed|galvanised|galvanized|bitterly disappointed';
const LINKING = '(?:are|is|were|was|seem|seems|seemed|appear|appears|appeared|remain|remains|remained|feel|feels|felt|have grown|has grown|had grown|have become|has become|had become|grow|grows|grew|became|left|leaving|looked|look|looks)';
const DEGREE = '(?:increasingly |clearly |deeply |now |still |visibly |growing |quietly |so |very |more |less |thoroughly |utterly |somewhat |rather |already |bitterly |largely |plainly )?';

const CUES: readonly Cue[] = [
  {
    cue: 'motive',
    strong: true,
    re: new RegExp(
      String.raw`\b${LINKING} ${DEGREE}(?:${FEELINGS})\b|\b(?<!(?:who|that|which|anyone|those|people|workers|residents|customers|applicants|visitors|parents|students) )(?:wants?|wanted|hopes?|hoped|fears?|feared|intends?|intended|seeks? to|sought to|aims? to|aimed to|is trying to|are trying to|were trying to|was trying to|is looking for a way|are looking for a way|is plotting|are plotting|plotted|is scrambling to|are scrambling to|is bracing for|are bracing for|has (?:its|his|her|their) eyes? on|have (?:its|his|her|their) eyes? on|is bent on|are bent on|resents?|resented|bristled at|bristles at|is itching to|are itching to|is angling for|are angling for|is pushing to|are pushing to|is desperate to|are desperate to|worry|worries|worried that|agonis(?:e|es|ed) over|agoniz(?:e|es|ed) over)\b|\bthe mood (?:in|among|at) [^,.;]{1,40} (?:is|was) (?:one of )?`,
      'iu',
    ),
  },
  {
    cue: 'motive',
    strong: true,
    // A purpose the writer reads into an act: "released the footage to deflect criticism", "so that fewer parents would object".
    re: /\b(?:to|in a bid to|in an effort to) (?:curry favou?r|deflect|distract|appease|placate|woo|court|win over|punish|silence|sideline|bury|cover up|save face|shore up|undercut|discredit|smear|intimidate|pressure|placate|mollify|buy off|make up for|cause maximum|maximi[sz]e (?:pressure|disruption)|score (?:political )?points|grab headlines|avoid (?:blame|scrutiny|criticism|embarrassment))\b|\bso that (?:fewer|more|no one|nobody|few|\w+ (?:would|could) not)\b|\bwith (?:an|one) eye (?:on|to)\b|\b(?:only|purely|precisely|simply|merely|solely|largely) (?:to|for) (?:the cameras|show|\w+)\b|\bas a way of \w+ing\b|\bhoping to\b|\bto keep (?:\w+ ){1,4}(?:low|quiet|down|out|away|happy|onside)\b|\b(?:quietly|secretly|cynically|conveniently) (?:raised|cut|dropped|shelved|buried|timed|moved|scheduled|changed)\b/iu,
  },
  {
    cue: 'prediction',
    strong: true,
    re: /\b(?:will (?:likely|probably|almost certainly|surely|inevitably|undoubtedly|certainly)|(?:is|are|was|were|looks?|looked|seems?|seemed|appears?) (?:almost |all but |virtually |now |increasingly )?(?:likely|unlikely|expected|poised|bound|certain|sure|destined|all but certain|forecast|predicted|tipped) to|(?:is|are) poised for|could (?:soon |well |easily )?(?:lead|trigger|spark|cause|derail|upend|reshape|threaten|undermine|cost|end|doom|sink|cripple|embolden|hurt|damage)|(?:may|might|could) well|(?:is|are) set to (?:become|transform|reshape|dominate|soar|surge|rise|fall|plunge|double|triple|skyrocket|balloon|collapse|climb|jump|increase|drop|decline|grow|shrink|reach|miss|lose|win|fail|struggle|cost|hit|end|axe|cut|wipe|hurt)|will be forced to|stands? to (?:lose|gain|benefit)|threaten(?:s|ed)?|undermine[sd]?|jeopardi[sz]e[sd]?|will be unable to|(?:is|are|looks?|looked) on (?:course|track) to|(?:is|are) (?:heading|headed) (?:for|towards?)|is on track to|are on track to|is heading for|are heading for|is headed for|are headed for)\b/iu,
  },
  {
    cue: 'prediction',
    strong: false,
    // A bare modal with a consequential verb: speculation, but also the language of plain contingency.
    // Case-sensitive: "May" is also a month and a name. Penalties ("could face"), options and advice ("you might consider") are not forecasts.
    re: /(?<!\b(?:you|we|You|We) )\b(?:may|might|could) (?:soon |eventually |yet |well )?(?!(?:not|be|have|also|only|never|still|just|do|say|said|tell|told|ask|apply|attend|vote|choose|join|use|visit|call|contact|park|collect|book|register|enter|buy|order|watch|see|find|get|face|take|consider|always|invest|afford|hear|opt|pay|claim|qualify|receive)\b)[a-z]{3,}\b|\bshould (?:ease|help|boost|improve|reduce|cut|lead|mean|bring|spur|revive|restore|lift|lower|raise|end|solve|fix)\b/u,
  },
  {
    cue: 'cause',
    strong: true,
    re: /\b(?:serves? (?:both )?to|serving to|(?:is|are|was|were) (?:aimed|designed|intended|meant) (?:at|to)|aimed at|in order to|in an? (?:effort|attempt|bid) to|(?:is|was|are|were) (?:a|an) (?:bid|attempt|effort|ploy|move) to|due to(?! (?:be|start|begin|open|close|take|finish|end|arrive|meet|vote|appear|return|resume|launch|run|sit|leave|report|publish|decide|rule|hear|give|make|go|come)\b)|because(?: of)?|as a (?:direct )?result of|(?:is|was|are|were) (?:a|the) (?:direct )?result of|(?:is|was) the (?:main |chief |real |key |primary )?reason|thanks to|driven by|fuell?ed by|a sign (?:of|that)|signals? (?:a|that)|reflects? (?:a|the|growing)|(?:is|was|are|were) to blame|stems? from|led to)\b/iu,
  },
  {
    cue: 'cause',
    strong: false,
    // Causal verbs: the writer's theory when the cause is social or economic, a plain fact when it is physical (hence weak).
    re: /\b(?:fuell?ed|sparked|triggered|drove (?:away|up|down|out|the)|driven (?:away|up|down|out)|prompted|contributed to|paved the way for|owes? (?:much|a lot|a great deal|everything|its \w+) to|under the weight of|on the back of|in the wake of|(?:has|have|had) (?:left|made) (?:the|it|them|many)|after (?:years|months|decades) of|(?:is|are|was|were) (?:behind|to blame for)|(?:a|the) (?:direct |natural )?consequence of|can be traced (?:back )?to|(?:has|have|had) (?:driven|killed off|killed|emptied|hollowed out|gutted|pushed|forced|crippled|transformed)|pushed (?:\w+ ){1,3}into)\b/iu,
  },
  {
    cue: 'evaluation',
    strong: false,
    // The writer stepping in to say what is really true.
    re: /^(?:In truth|In fact|In reality|Truth be told|Clearly|Obviously|Of course|Predictably|Tellingly),|\b(?:is|was|are|were) really about\b|\brang hollow\b|\b(?:hopelessly|woefully|badly|grossly|wildly) (?:over|under|late|behind|out of)\b/u,
  },
  {
    cue: 'generalisation',
    strong: false,
    re: /\b(?:has|have|had) (?:frequently|often|repeatedly|consistently|long|always|never|routinely) (?:been )?|\b(?:has|have) a (?:long )?(?:history|record|habit|reputation) of\b|\b(?:frequently|routinely|invariably|increasingly|always|never|rarely|seldom|habitually|typically|usually|generally) (?:been )?[a-z]+(?:ed|s|ing)?\b|\btends? to\b|\b(?:are|is) (?:a dying breed|the backbone of|the lifeblood of|the heart of)\b|\b(?:most|many) (?:people|residents|voters|families|locals|workers|parents|young people|americans|britons|drivers|shoppers|users) (?:in|on|across|here|now|are|have|do|don't|never|rarely|still)\b|^(?:Most|Many|Few|Everyone|Everybody|Nobody|No one|Hardly anyone|Almost everyone) (?!of (?:the )?\d)[\p{L}-]+|\boverwhelmingly\b|\b(?:across|throughout) the (?:region|country|state|county|city|sector|industry) (?:are|is|have|has)\b|\bfor (?:a generation|decades|generations)\b|\bas (?:everyone|everybody|anyone) knows\b|\bno longer (?:read|trust|buy|care|believe|use|want|go|visit|shop|watch|vote|bother|listen)\b|\b(?:these days|nowadays|historically|invariably)\b|\ball over (?:the )?(?:city|country|town|region|county|state)\b|^Every (?:winter|summer|spring|autumn|year|week|time)\b|\b(?:young people|students|parents|voters|drivers|landlords|tenants|shoppers|teenagers|pensioners|farmers) today\b/imu,
  },
  {
    cue: 'figure',
    strong: false,
    // Compiled figures only: a share of a group, a measured change, a crowd, a cost to the public. A
    // budget approved, a rate set or a price charged is the deciding document's figure and reads as fact.
    // "the best" and "record" are left out: in sport and arts copy they are usually results, not claims.
    re: new RegExp(
      [
        String.raw`\bthe (?:largest|biggest|worst|highest|lowest|oldest|longest|deadliest|costliest|fastest-growing|first-ever)\b|\bunprecedented\b|\bof its kind\b`,
        // A number is read from its start only ("(?<![\w,.])", not "\b"): from every digit after a
        // separator, "1,000,000,…" with no "percent" after it is rescanned to its end (quadratic).
        String.raw`(?<![\w,.])\.?\d[\d,.]*\s?(?:percent|per cent|%) of\b`,
        String.raw`\b(?:rose|risen|jumped|soared|surged|climbed|fell|fallen|dropped|plunged|slumped|grew|grown|increased|decreased|declined|reached|hit|topped|doubled|tripled|shrank|shrunk)(?: by| to)? (?:about |nearly |almost |more than |over |some |roughly )?\d[\d,.]*\s?(?:percent|per cent|%)`,
        String.raw`\b(?:one|two|three|four) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\b(?:more|less|fewer) than (?:half|a third|a quarter|two-thirds|three-quarters)\b`,
        String.raw`\b(?:about|around|roughly|nearly|almost|some|an estimated|more than|over|up to) \d{1,3}(?:,\d{3})+ (?:people|protesters|demonstrators|marchers|residents|supporters|fans|households|families|children|workers|jobs|migrants|refugees|voters|patients)\b`,
        String.raw`\bcost (?:taxpayers|the (?:city|state|county|council|public|economy|country|taxpayer))\b`,
        String.raw`\ban estimated \d|\b(?:doubled|tripled|halved|quadrupled) (?:since|in|over)\b|\b(?:a )?record (?:crowd|number|numbers|high|low|levels?)\b|\b[a-z]+est (?:\w+ ){0,2}since (?:records|measurements|\d{4})\b|\bfor (?:\w+ )?(?:straight|consecutive) (?:years|months|quarters|seasons)\b|(?<![\w,])\d{1,3}(?:,\d{3})+ (?:homes|households|properties|customers|businesses|pupils|patients)\b`,
      ].join('|'),
      'iu',
    ),
  },
];

/**
 * A disruption stated as an event ("The school was closed because of a burst main", "was postponed
 * due to rain"): the official reason for a closure is part of the notice, not the writer's theory.
 */
const DISRUPTION = /\b(?:closed|shut|cancell?ed|postponed|delayed|stopped|suspended|halted|abandoned|evacuated|diverted|grounded|called off|rescheduled|interrupted|disrupted|blocked|adjourned|moved|move|moves|switched|relocated|rerouted|paused|recessed|evacuated|flooded|reduced|limited)\b/iu;
/** A figure a bill, plan or vote sets ("would cap rents at 5 percent") is the document's, not a measurement. */
const DECIDED_FIGURE = /\b(?:would|will|to|voted to|agreed to|plans? to|proposes? to)\s(?:\w+\s)?(?:cap|set|limit|raise|cut|reduce|increase|lower|freeze|fix)\b[^.;]*$/iu;
const PHYSICAL_CAUSE = /^(?:due to|because(?: of)?|as a result of)$/iu;

const EVALUATIVE = new Set(['emotive-adjective', 'emotive-noun', 'emotive-verb', 'contentious-label', 'puffery', 'editorialising-adverb']);
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
      motive: "Ascribes a motive or feeling to {{who}} ('{{cue}}') with no source: who says so?",
      prediction: "Predicts or speculates ('{{cue}}') with no source: whose forecast is it?",
      cause: "Asserts a cause or purpose ('{{cue}}') with no source: who says that is why?",
      generalisation: "Generalises ('{{cue}}') with no source: on what record or authority?",
      figure: "A superlative or record ('{{cue}}') with no source: according to whom?",
      evaluation: "Judges in the writer's voice ('{{cue}}') with no source: attribute the judgement or describe what happened.",
      insertAttribution: 'Insert attribution (according to [source])',
    },
    defaultOptions: {
      /** The newsroom's own verbs of saying ("quipped"), matched in all their forms. */
      reportingVerbs: [] as readonly string[],
      /** Names that count as a source wherever a sentence names them ("the Harbour Trust", "Tern Valley Gazette"). */
      sources: [] as readonly string[],
    },
  },
  validate(options) {
    const problems: string[] = [];
    for (const key of ['reportingVerbs', 'sources'] as const) {
      const list = options[key];
      if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || !/[\p{L}\p{N}]/u.test(w))) problems.push(`${key}: expected a list of words or names`);
    }
    return problems;
  },
  *run({ text, options }) {
    const quotations = quotationsOf(text);
    const ownSources = customAttributions(text, options.reportingVerbs, options.sources);
    const loaded = evaluativeSpans(text);
    let previousAttributed = false;
    // Whether an earlier sentence of this paragraph named a source: it covers the paragraph's weak cues (a figure after "Census data show…").
    let paragraphSourced = false;
    let previousBlock = -1;
    for (const sentence of text.sentences) {
      const block = text.blocks[sentence.block]!;
      const sameParagraph = sentence.block === previousBlock;
      previousBlock = sentence.block;
      if (!sameParagraph) paragraphSourced = false;
      if (block.kind === 'heading' || block.kind === 'blockquote' || quotations.contains(sentence.span)) {
        previousAttributed = false;
        continue;
      }
      const own = unquoted(text, sentence, quotations);
      // Without a quotation in it, the sentence's own words are the ones vague-attribution read.
      const words = own.length === sentence.text.length && own === sentence.text ? sentenceWords(sentence) : wordsOf(own);
      const attributed: boolean =
        ((mayAttribute ??= wordFilter(ATTRIBUTION)).mayMatch(words) && ATTRIBUTION.test(own)) ||
        hasVagueAttribution(own, words) ||
        ownSources.some((m) => m.start >= sentence.span.start && m.end <= sentence.span.end && !quotations.contains(m)) || (sameParagraph && previousAttributed && CONTINUES.test(sentence.text));
      previousAttributed = attributed;
      const coversWeak = paragraphSourced;
      paragraphSourced ||= attributed;
      if (attributed) continue;
      const found = firstCue(own, words, sentence, loaded);
      // A source earlier in the paragraph covers the figures that follow it, not the writer's superlatives or generalisations.
      if (!found || (coversWeak && found.messageId === 'figure' && /\d|half|third|quarter|fifth/iu.test(found.cue))) continue;
      const insertAt = sentence.span.end - (/[.!?]["'”’]?$/u.test(sentence.text) ? trailingPunctuation(sentence.text) : 0);
      yield {
        messageId: found.messageId,
        data: { cue: found.cue, who: subjectBefore(own, found.at) },
        span: sentence.span,
        ...(found.strong ? {} : { maxSeverity: 'info' as const }),
        suggestions: [{ messageId: 'insertAttribution' as const, edits: [{ span: { start: insertAt, end: insertAt }, newText: ', according to [source]' }] }],
      };
    }
  },
});

const customMatchers = new Map<string, TermMatcher<LexiconTerm>>();

/** Where the writer's own reporting verbs and source names occur (literal words, verbs in all their forms). */
function customAttributions(text: SourceTextView, verbs: readonly unknown[], sources: readonly unknown[]): Span[] {
  const words = (list: readonly unknown[]) => (Array.isArray(list) ? list : []).filter((w): w is string => typeof w === 'string' && /[\p{L}\p{N}]/u.test(w)).map((w) => w.trim().toLowerCase().replace(/\s+/gu, ' '));
  const entries: LexiconTerm[] = [...words(verbs).map((term) => ({ term, pos: 'verb' as const })), ...words(sources).map((term) => ({ term, pos: 'phrase' as const }))];
  if (!entries.length) return [];
  const key = JSON.stringify(entries);
  let matcher = customMatchers.get(key);
  if (!matcher) {
    // A handful of configurations per session; a bound keeps a long-running server from growing.
    if (customMatchers.size > 16) customMatchers.clear();
    matcher = new TermMatcher(entries);
    customMatchers.set(key, matcher);
  }
  return [...matcher.matches(tokensOf(text), text.prose)].map((m) => m.span);
}

/** The sentence with its quotations blanked, so a quoted "said" or "eager" does not count. */
function unquoted(text: SourceTextView, sentence: Sentence, quotations: SpanSet): string {
  let out = '';
  let at = sentence.span.start;
  for (const q of quotations.within(sentence.span)) {
    out += text.prose.slice(at, q.start) + ' '.repeat(q.end - q.start);
    at = q.end;
  }
  return at === sentence.span.start ? text.prose.slice(at, sentence.span.end) : out + text.prose.slice(at, sentence.span.end);
}

interface Evaluative {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly strong: boolean;
}

/** The cue that makes the sentence a claim: a strong one if there is any (it decides the severity), else the first weak one. */
function firstCue(own: string, words: Words, sentence: Sentence, loaded: readonly Evaluative[]) {
  let weak: { messageId: CueKind | 'evaluation'; cue: string; strong: boolean; at: number } | undefined;
  for (const { cue, strong, re, filter } of (filtered ??= CUES.map((c) => ({ ...c, filter: wordFilter(c.re) })))) {
    if (!filter.mayMatch(words)) continue;
    const m = firstMatch(re, own, words);
    if (!m || excused(cue, m.text.trim(), own, m.index)) continue;
    if (strong) return { messageId: cue, cue: m.text.trim(), strong, at: m.index };
    weak ??= { messageId: cue, cue: m.text.trim(), strong, at: m.index };
  }
  // Only this sentence's words: a binary search, not a walk through every loaded word of the draft.
  for (let i = Math.max(0, lastAtOrBefore(loaded, sentence.span.start - 1, (w) => w.start) + 1); i < loaded.length && loaded[i]!.start < sentence.span.end; i++) {
    const word = loaded[i]!;
    if (word.start < sentence.span.start || word.end > sentence.span.end) continue;
    // Only words the writer typed: a loaded word inside a quotation is blanked in `own`.
    if (own.slice(word.start - sentence.span.start, word.end - sentence.span.start) !== word.text) continue;
    const at = word.start - sentence.span.start;
    if (word.strong) return { messageId: 'evaluation' as const, cue: word.text, strong: true, at };
    weak ??= { messageId: 'evaluation' as const, cue: word.text, strong: false, at };
  }
  return weak;
}

/**
 * Who the motive is ascribed to, for the message: the words just before the cue in its clause
 * ("'leaders in the region'"), or "someone" when that is not a short noun phrase.
 */
function subjectBefore(own: string, at: number): string {
  const clause = own.slice(0, at).split(/[,;:—–(]| - |\b(?:that|which|who|as well as|amid|while|whereas)\b/u).pop() ?? '';
  const words = clause.trim().replace(/^[-–—]\s*/u, '').replace(/^(?:that|and|but|while|as|because|since|so|now|yet|although|though|when|if)\s+/iu, '').split(/\s+/u).filter(Boolean);
  if (!words.length || words.length > 6 || words.some((w) => /^(?:is|are|was|were|has|have|had|will|would|do|does|did)$/iu.test(w))) return 'someone';
  const phrase = words.join(' ');
  // "The union" → "the union"; a name keeps its capitals.
  return `'${/^(?:The|A|An|Its|Their|His|Her|Many|Some|Most|Both|All)\b/u.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase}'`;
}

/** "want ads", "the fear of heights", "the Hope gallery": the word as a noun or a name, not a verb. */
function nounUse(own: string, at: number, word: string): boolean {
  if (at > 0 && /^\p{Lu}/u.test(word) && !/[.!?]\s*$/u.test(own.slice(0, at).trimEnd() + (at === 0 ? '.' : ''))) return true;
  const before = /([\p{L}'’]+)\s*$/u.exec(own.slice(0, at))?.[1]?.toLowerCase() ?? '';
  const after = /^\s*([\p{L}]+)/u.exec(own.slice(at + word.length))?.[1]?.toLowerCase() ?? '';
  if (/^(?:the|a|an|of|his|her|its|their|our|my|your|no|any|this|that|whose|every|each|some|real|main|only|greatest|biggest|worst|new)$/u.test(before) || /['’]s$/u.test(before) || /^(?:of|ads?|list|lists|for)$/u.test(after)) return true;
  // A plural after a verb, adjective or preposition is the noun: "boosting hopes", "amid continuing worries", "there are fears that".
  return /s$/iu.test(word) && (/(?:ing|ed)$/u.test(before) || /^(?:are|were|is|was|amid|about|over|with|from|through|by|on|in|to|and|or|as|such|raising|raise|raises|stoke|stoked|fresh|mounting|rising|lingering|growing|renewed|dashed|allayed|calmed)$/u.test(before));
}

/** "is due to complete", "is due to rise": a schedule, unless a cause follows ("is due to staff shortages"). */
function scheduledDueTo(own: string, at: number, matched: string): boolean {
  if (!/^due to$/iu.test(matched) || !/\b(?:is|are|was|were|be|been|not)\s+$/iu.test(own.slice(0, at))) return false;
  const next = /^\s*([\p{L}-]+)/u.exec(own.slice(at + matched.length))?.[1] ?? '';
  return /^[a-z]+$/u.test(next) && !/(?:ing|ed|s|ion|ity|ure|ance|ence|ness|ment)$/u.test(next) && !/^(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|poor|high|low|bad|heavy|strong|weak|lack|staff|rain|snow|fog|ice|illness|demand|cost)$/u.test(next);
}

/** Cues that, in this sentence, are part of a plain event rather than a claim. */
function excused(cue: CueKind, matched: string, own: string, at: number): boolean {
  if (cue === 'cause') return (PHYSICAL_CAUSE.test(matched) && DISRUPTION.test(own.slice(0, at))) || scheduledDueTo(own, at, matched);
  if (cue === 'figure') return DECIDED_FIGURE.test(own.slice(0, at));
  if (cue === 'motive' && /^(?:wants?|hopes?|fears?|worry|worries)$/iu.test(matched)) return nounUse(own, at, matched);
  return false;
}

/** Loaded, judging words (the loaded-language lexicon's evaluative categories) anywhere in the text. */
function evaluativeSpans(text: SourceTextView): Evaluative[] {
  // High-weight terms judge outright (a warning); medium ones ("stunning", "finally", "beloved") lean, so they are weak cues.
  // judgement-words.json adds quality judgements that are not loaded language ("sensible", "flawed", "a blow to"): all medium, all weak.
  matcher ??= new TermMatcher([...(lexicon.entries as readonly LoadedTerm[]), ...(judgementWords.entries as readonly LoadedTerm[])].filter((e) => EVALUATIVE.has(e.category) && e.weight !== 'low'));
  return [...matcher.matches(tokensOf(text), text.prose)]
    .map((m) => ({ ...m.span, text: text.prose.slice(m.span.start, m.span.end), strong: m.entry.weight === 'high' }))
    .sort((a, b) => a.start - b.start);
}

function trailingPunctuation(sentence: string): number {
  return /[.!?]["'”’]?$/u.exec(sentence)?.[0].length ?? 0;
}
