/**
 * @file Measures `vague-attribution` on the Wikipedia part of the Szeged Uncertainty Corpus
 * (WikiWeasel, CoNLL-2010 sentences), annotated by people who never saw Copydesk: how many doxastic
 * cues ("believed", "considered", "alleged", "regarded") the rule finds, and how often it fires on
 * sentences with no uncertainty cue at all. Prints Markdown and writes the vague-attribution section
 * of docs/evaluation.md (between its markers; the rest of the file is left alone).
 *
 * Usage: npx tsx scripts/eval-vague-attribution.ts [evalDir] [--no-write]
 *        (or `npm run eval -- vague-attribution`)
 *   evalDir     default ../shared/eval, resolved from the working directory (needs wikiweasel/wiki.xml)
 *   --no-write  print only; leave docs/evaluation.md alone
 *
 * Each sentence is linted on its own through `lintText(sentence, 'plaintext')` with the default
 * settings, keeping findings with checkId 'vague-attribution'. A cue is found when a finding overlaps
 * it. Only figures go to docs/evaluation.md; the cue words and flagged phrases that help tune the rule
 * are printed to the console only, since the corpus text stays out of the repository. Missing data is
 * reported as SKIPPED and the script exits 0.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { f2, f3, pct, readWikiWeasel, resolveEvalDir, table, wikiWeaselFileOf, wilson, wilsonBounds, type WikiCue, type WikiSentence } from './lib/data';
import { out, writeSection, type Report } from './lib/report';

const CHECK = 'vague-attribution';
const REPO = typeof __dirname === 'string' ? path.resolve(__dirname, '..') : process.cwd();
const RULE_FILE = path.join(REPO, 'server', 'src', 'checks', `${CHECK}.ts`);
const TOP = 20;

/** The cue type closest to vague attribution (the type name ends in a literal space and underscore). */
const DOXASTIC = 'speculation_hypo_doxastic _';
/** The issue's target (issue 4, "Measured"): share of cue-free sentences flagged. */
const TARGET_FALSE_FLAGS = 0.02;
/** The doxastic cue words issue 4 names; their recall is reported in the page. */
const ISSUE_CUE_WORDS = ['believed', 'considered', 'alleged', 'regarded'] as const;

type Api = typeof import('../server/src/api');

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Pred {
  readonly span: Span;
  readonly kind: string;
  /** The flagged words, lower-cased, whitespace collapsed. */
  readonly phrase: string;
}

interface Linted {
  readonly sentence: WikiSentence;
  readonly preds: readonly Pred[];
}

const int = (n: number): string => n.toLocaleString('en-US');
const ratio = (n: number, d: number): number => (d === 0 ? NaN : n / d);
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const norm = (s: string): string => s.trim().toLowerCase().replace(/’/gu, "'").replace(/\s+/gu, ' ');
const bump = (m: Map<string, number>, k: string, n = 1): void => void m.set(k, (m.get(k) ?? 0) + n);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Entries most frequent first, ties in code-unit order (deterministic). */
const ranked = <T>(m: ReadonlyMap<string, T>, count: (v: T) => number): [string, T][] => [...m].sort((a, b) => count(b[1]) - count(a[1]) || cmp(a[0], b[0]));
const code = (s: string): string => `\`${s.replace(/`/gu, "'")}\``;
/** Recall as "0.42 (12/34; 95% CI 0.27–0.59)". */
const recall = (k: number, n: number): string => `${f2(ratio(k, n))} (${int(k)}/${int(n)}; ${wilson(k, n)})`;
/** A share as "1.2% (169/13,615; 95% CI 1.1–1.4%)": percentages need their interval in percent too. */
function share(k: number, n: number): string {
  const [lo, hi] = wilsonBounds(k, n);
  return n === 0 ? '–' : `${pct(k, n)} (${int(k)}/${int(n)}; 95% CI ${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)}%)`;
}

/**
 * A doxastic cue written as a passive or impersonal verb ("is considered", "was widely believed",
 * "are thought"): the construction the rule's `passive` and `impersonal` patterns aim at. Active
 * beliefs with a named holder ("Smith believed") are doxastic too, and the rule rightly leaves
 * those alone, so recall is reported for both groups.
 */
function passiveForm(text: string, cue: WikiCue): boolean {
  return /\b(?:is|are|was|were|be|been|being|'s|’s)(?: [\p{L}]+ly)? $/iu.test(text.slice(Math.max(0, cue.start - 40), cue.start));
}

function predictor(api: Api) {
  return (text: string): Pred[] => {
    const result = api.lintText(text, 'plaintext');
    if (result.problems.length) throw new Error(`settings problems: ${result.problems.join('; ')}`);
    return result.findings
      .filter((f) => f.checkId === CHECK)
      .map((f) => ({ span: { start: f.span.start, end: f.span.end }, kind: f.messageId, phrase: norm(text.slice(f.span.start, f.span.end)) }));
  };
}

interface TypeRow {
  cues: number;
  found: number;
  sentences: number;
  sentencesFlagged: number;
}

interface Results {
  readonly types: Map<string, TypeRow>;
  /** Doxastic cues by cue word: cues and cues found. */
  readonly doxWords: Map<string, { cues: number; found: number }>;
  readonly doxPassive: { cues: number; found: number };
  readonly doxOther: { cues: number; found: number };
  /** Cue-free sentences by part (Text, Title): sentences and sentences with a finding. */
  readonly cueFree: Map<string, { sentences: number; flagged: number; findings: number }>;
  /** Findings in cue-free sentences, by phrase: count and kind(s). */
  readonly falsePhrases: Map<string, { count: number; kinds: Set<string> }>;
  /** Flagged phrases that overlap a doxastic cue somewhere, by phrase. */
  readonly truePhrases: Map<string, number>;
  /** Every finding, by kind and by where it falls. */
  readonly findings: Map<string, { doxastic: number; otherCue: number; cueSentence: number; cueFree: number }>;
}

function measure(linted: readonly Linted[]): Results {
  const r: Results = {
    types: new Map(),
    doxWords: new Map(),
    doxPassive: { cues: 0, found: 0 },
    doxOther: { cues: 0, found: 0 },
    cueFree: new Map(),
    falsePhrases: new Map(),
    truePhrases: new Map(),
    findings: new Map(),
  };
  for (const { sentence: s, preds } of linted) {
    const found = (c: WikiCue): boolean => preds.some((p) => overlaps(p.span, c));
    for (const type of new Set(s.cues.map((c) => c.type))) {
      const row = r.types.get(type) ?? { cues: 0, found: 0, sentences: 0, sentencesFlagged: 0 };
      row.sentences++;
      if (preds.length) row.sentencesFlagged++;
      r.types.set(type, row);
    }
    for (const c of s.cues) {
      const row = r.types.get(c.type)!;
      row.cues++;
      const hit = found(c);
      if (hit) row.found++;
      if (c.type !== DOXASTIC) continue;
      const w = r.doxWords.get(norm(c.text)) ?? { cues: 0, found: 0 };
      w.cues++;
      if (hit) w.found++;
      r.doxWords.set(norm(c.text), w);
      const group = passiveForm(s.text, c) ? r.doxPassive : r.doxOther;
      group.cues++;
      if (hit) group.found++;
    }
    if (!s.cues.length) {
      const row = r.cueFree.get(s.part) ?? { sentences: 0, flagged: 0, findings: 0 };
      row.sentences++;
      if (preds.length) row.flagged++;
      row.findings += preds.length;
      r.cueFree.set(s.part, row);
    }
    for (const p of preds) {
      const row = r.findings.get(p.kind) ?? { doxastic: 0, otherCue: 0, cueSentence: 0, cueFree: 0 };
      const hitCues = s.cues.filter((c) => overlaps(p.span, c));
      if (hitCues.some((c) => c.type === DOXASTIC)) {
        row.doxastic++;
        bump(r.truePhrases, p.phrase);
      } else if (hitCues.length) row.otherCue++;
      else if (s.cues.length) row.cueSentence++;
      else {
        row.cueFree++;
        const fp = r.falsePhrases.get(p.phrase) ?? { count: 0, kinds: new Set<string>() };
        fp.count++;
        fp.kinds.add(p.kind);
        r.falsePhrases.set(p.phrase, fp);
      }
      r.findings.set(p.kind, row);
    }
  }
  return r;
}

// The report.




export async function evalVagueAttribution(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('Usage: npx tsx scripts/eval-vague-attribution.ts [evalDir=../shared/eval] [--no-write]');
    return 0;
  }
  const write = !argv.includes('--no-write');
  const evalDir = resolveEvalDir(argv.find((a) => !a.startsWith('--')));
  const file = wikiWeaselFileOf(evalDir);

  console.log(`# ${CHECK} evaluation`);
  if (!existsSync(file)) {
    console.log(`\nSKIPPED: ${file} was not found (the eval folder is the first argument). Nothing was measured.`);
    return 0;
  }
  if (!existsSync(RULE_FILE)) {
    console.error(`\n${RULE_FILE} is missing: there is no rule to measure.`);
    return 1;
  }
  // Read before the rule loads, and again at the end: figures for a rule that changed mid-run would be for neither version.
  const rawRule = readFileSync(RULE_FILE, 'utf8');
  const api: Api = await import('../server/src/api');
  if (!api.checks.some((c) => c.meta.id === CHECK)) {
    console.error(`\n${CHECK} is not in the check registry (server/src/checks/index.ts): nothing to measure.`);
    return 1;
  }
  const ruleLine = `\`server/src/checks/${CHECK}.ts\` sha256 \`${createHash('sha256').update(rawRule).digest('hex').slice(0, 12)}…\``;

  const sentences = readWikiWeasel(file);
  const predict = predictor(api);
  const started = Date.now();
  const linted: Linted[] = sentences.map((sentence) => ({ sentence, preds: predict(sentence.text) }));
  console.log(`Linted ${int(sentences.length)} sentences in ${((Date.now() - started) / 1000).toFixed(1)} s; rule measured: ${ruleLine}.`);
  const r = measure(linted);

  const withCue = sentences.filter((s) => s.cues.length).length;
  const parts = [...new Set(sentences.map((s) => s.part))].sort(cmp);
  const partCount = (p: string): number => sentences.filter((s) => s.part === p).length;
  const cueTypes = ranked(r.types, (t) => t.cues);
  const totalCues = cueTypes.reduce((n, [, t]) => n + t.cues, 0);
  const dox = r.types.get(DOXASTIC) ?? { cues: 0, found: 0, sentences: 0, sentencesFlagged: 0 };
  const weaselTypes = cueTypes.filter(([t]) => /weasel/iu.test(t));
  const body = r.cueFree.get('Text') ?? { sentences: 0, flagged: 0, findings: 0 };
  const cueFreeAll = [...r.cueFree.values()].reduce((a, x) => ({ sentences: a.sentences + x.sentences, flagged: a.flagged + x.flagged, findings: a.findings + x.findings }), { sentences: 0, flagged: 0, findings: 0 });
  const bodyShare = ratio(body.flagged, body.sentences);
  const met = bodyShare <= TARGET_FALSE_FLAGS;
  const kinds = ranked(r.findings, (x) => x.doxastic + x.otherCue + x.cueSentence + x.cueFree);
  const allFindings = kinds.reduce((n, [, x]) => n + x.doxastic + x.otherCue + x.cueSentence + x.cueFree, 0);

  const doc: Report = { lines: [] };
  out(
    doc,
    '# Evaluation: vague-attribution',
    '',
    `How many doxastic uncertainty cues independent annotators marked in Wikipedia sentences [\`${CHECK}\`](rules/${CHECK}.md) finds, and how often it fires on sentences they marked with no cue at all. Every figure in this section was measured by \`scripts/eval-vague-attribution.ts\`, which writes the section between the \`${CHECK}\` markers; rerun it rather than editing the figures by hand.`,
    '',
    '## Reproducing the vague-attribution figures',
    '',
    '```sh',
    `npm run eval -- ${CHECK}                               # data in ../shared/eval`,
    `npx tsx scripts/eval-${CHECK}.ts <evalDir> [--no-write]`,
    '```',
    '',
    'It needs `<evalDir>/wikiweasel/wiki.xml`; without it the script reports `SKIPPED` and exits 0. The output is deterministic (no sampling) and takes well under a minute.',
    '',
    `Rule measured: ${ruleLine}.`,
    '',
    '## Vague-attribution data (not shipped)',
    '',
    `- **WikiWeasel**, the Wikipedia part of the Szeged Uncertainty Corpus (Szarvas et al. 2012; Vincze 2015; the CoNLL-2010 shared-task sentences): ${int(sentences.length)} sentences from ${int(new Set(sentences.map((s) => s.docId)).size)} article excerpts (${parts.map((p) => `${int(partCount(p))} \`${p}\``).join(', ')}), ${int(withCue)} of them with at least one cue, ${int(totalCues)} cues in all. English Wikipedia text (CC BY-SA); the copy used carries only the semantic uncertainty layer, and the corpus licence is not stated upstream: evaluation only, never copied into the repository.`,
    `- Cue types present, with counts: ${cueTypes.map(([t, x]) => `${code(t)} ${int(x.cues)}`).join(', ')}. ${weaselTypes.length ? `Weasel types: ${weaselTypes.map(([t]) => code(t)).join(', ')}.` : '**There is no weasel type**: this copy lacks the discourse-level layer (weasel, hedge, peacock), so weasel-cue recall cannot be measured on it.'}`,
    '',
    '## Vague-attribution: what was measured',
    '',
    `- **Input:** every sentence is linted on its own through \`lintText(sentence, 'plaintext')\` with the default settings, keeping findings with \`checkId === '${CHECK}'\`. The XML is read with entities decoded before offsets are taken, so cue offsets are UTF-16 indices into the same text the rule sees.`,
    `- **Recall:** a cue is found when a finding overlaps it. The doxastic type (${code(DOXASTIC)}: belief, opinion, allegation) is the one closest to vague attribution, but it also marks beliefs with a named holder ("the author believed"), which the rule should leave alone; so doxastic recall is split by form: cue words directly after a form of *be* (optionally with an *-ly* adverb: "is considered", "was widely believed"), the passive and impersonal constructions the rule targets, and all others.`,
    '- **False flags:** the share of sentences with no cue of any type that get at least one finding. Headline figure: body sentences (`Text` parts); article titles are reported apart since they are names, not prose. The annotation has no weasel layer, so a genuine vague attribution in a sentence with no semantic-uncertainty cue ("critics argue that …") counts as a false flag here: the figure is an upper bound on the rule\'s real false-flag rate.',
    '',
    '### Recall by cue type',
    '',
    table(
      ['cue type', 'cues', 'found (recall; 95% CI)', 'sentences with the type', 'of them with any finding'],
      cueTypes.map(([t, x]) => [t === DOXASTIC ? `**${code(t)}**` : code(t), int(x.cues), recall(x.found, x.cues), int(x.sentences), pct(x.sentencesFlagged, x.sentences)]),
    ),
    '',
    '### Doxastic cues by form',
    '',
    table(
      ['doxastic cues', 'cues', 'found (recall; 95% CI)'],
      [
        ['after a form of *be* (passive, impersonal)', int(r.doxPassive.cues), recall(r.doxPassive.found, r.doxPassive.cues)],
        ['other forms (active verb, noun, adverb, adjective)', int(r.doxOther.cues), recall(r.doxOther.found, r.doxOther.cues)],
        ['**all**', int(dox.cues), recall(dox.found, dox.cues)],
      ],
    ),
    '',
    'The cue words issue 4 names (exact word form, case-insensitive):',
    '',
    table(
      ['cue word', 'doxastic cues', 'found (recall; 95% CI)'],
      ISSUE_CUE_WORDS.map((w) => {
        const x = r.doxWords.get(w) ?? { cues: 0, found: 0 };
        return [code(w), int(x.cues), recall(x.found, x.cues)];
      }),
    ),
    '',
    '### False flags on sentences with no cue',
    '',
    table(
      ['sentences with no cue', 'with a finding (share; n; 95% CI)', 'findings'],
      [
        ...parts.map((p) => {
          const x = r.cueFree.get(p) ?? { sentences: 0, flagged: 0, findings: 0 };
          const label = p === 'Text' ? '**body (`Text`)**' : code(p);
          return [label, share(x.flagged, x.sentences), int(x.findings)];
        }),
        ['all', share(cueFreeAll.flagged, cueFreeAll.sentences), int(cueFreeAll.findings)],
      ],
    ),
    '',
    '### Where the findings fall, by pattern',
    '',
    `All ${int(allFindings)} findings, by the rule's message (pattern) and by what they overlap: a doxastic cue, a cue of another type only, nothing in a sentence that has cues, or a sentence with no cue.`,
    '',
    table(
      ['pattern', 'findings', 'on a doxastic cue', 'on another cue type', 'no cue, in a sentence with cues', 'in a sentence with no cue'],
      kinds.map(([k, x]) => {
        const n = x.doxastic + x.otherCue + x.cueSentence + x.cueFree;
        return [code(k), int(n), `${int(x.doxastic)} (${pct(x.doxastic, n)})`, `${int(x.otherCue)} (${pct(x.otherCue, n)})`, `${int(x.cueSentence)} (${pct(x.cueSentence, n)})`, `${int(x.cueFree)} (${pct(x.cueFree, n)})`];
      }),
    ),
    '',
    '## Vague-attribution target (issue 4)',
    '',
    table(
      ['target', 'goal', 'measured', ''],
      [['cue-free WikiWeasel body sentences with a finding', `≤ ${pct(TARGET_FALSE_FLAGS, 1)}`, share(body.flagged, body.sentences), met ? '**met**' : '**not met**']],
    ),
    '',
    `${(() => {
      const hi = wilsonBounds(body.flagged, body.sentences)[1];
      return `The target is judged on the measured share; the upper end of its 95% interval is ${(100 * hi).toFixed(1)}%, ${hi <= TARGET_FALSE_FLAGS ? 'also within' : 'above'} the target. `;
    })()}Issue 4 sets no recall target. Doxastic recall is ${f3(ratio(dox.found, dox.cues))} in all and ${f3(ratio(r.doxPassive.found, r.doxPassive.cues))} on the passive and impersonal forms.`,
    '',
    '## What limits the vague-attribution figures',
    '',
    '- **Wikipedia is not news.** Encyclopaedic prose attributes differently from a news draft (fewer "officials said", more "is considered"), so these figures say how the patterns behave on neutral prose, not how often they fire on a reporter\'s copy.',
    `- **Doxastic is wider than vague.** ${pct(r.doxOther.cues, dox.cues)} of doxastic cues are not passive or impersonal forms; many name who believes or alleges, and a finding on them would be wrong. Recall on all doxastic cues is therefore bounded well below 1 by design, and the passive/impersonal split is a word-pattern approximation, not a parse.`,
    '- **No weasel layer.** The discourse-level weasel annotation ("some say", "critics argue") is absent from this copy, so the group and according-to patterns are measured only by their false flags, which may include real vague attributions.',
    '- **Sentences out of context.** Each sentence is linted alone, so nothing carries from the previous sentence; quotations are detected within the sentence only.',
    '',
  );

  // Tuning diagnostics: corpus words and phrases, printed only.
  const wordRows = ranked(r.doxWords, (x) => x.cues)
    .slice(0, TOP)
    .map(([w, x]) => [code(w), int(x.cues), recall(x.found, x.cues)]);
  console.log(`\n### Console only: doxastic recall for the ${TOP} most frequent cue words\n`);
  console.log(table(['cue word', 'doxastic cues', 'found (recall; 95% CI)'], wordRows));
  const phraseRows = ranked(r.falsePhrases, (x) => x.count)
    .slice(0, TOP)
    .map(([ph, x]) => [code(ph), [...x.kinds].sort(cmp).join(', '), int(x.count), int(r.truePhrases.get(ph) ?? 0)]);
  console.log(`\n### Console only: the ${TOP} phrases most often flagged in sentences with no cue (all parts; phrase lower-cased)\n`);
  console.log(table(['flagged phrase', 'pattern', 'flags in cue-free sentences', 'flags on a doxastic cue elsewhere'], phraseRows));
  console.log(`\n(${int(r.falsePhrases.size)} distinct phrases flagged in cue-free sentences.)`);

  if (readFileSync(RULE_FILE, 'utf8') !== rawRule) {
    console.error(`\n${path.relative(process.cwd(), RULE_FILE)} changed while the evaluation ran: the figures above are not for one version of the rule, and docs/evaluation.md was not written. Run it again.`);
    return 1;
  }
  if (write) console.log(`\n${writeSection(CHECK, doc.lines.join('\n'))}`);
  return 0;
}

if (/eval-vague-attribution\.[cm]?[jt]s$/u.test(process.argv[1] ?? '')) {
  evalVagueAttribution(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
