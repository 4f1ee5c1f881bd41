/**
 * @file Runs checks over a segmented text and turns their reports into findings: validates spans
 * and message ids, merges each fix's edits into one, isolates a check that throws, and honours
 * cancellation between checks, so one broken rule never hides the others.
 */
import { blockViews, blockViewsIn, viewOfBlocks, type BlockView } from './blockView';
import type { DraftText } from './draftText';
import { BlockFindings } from './blockFindings';
import { findingArray, FindingBuffers, withLoose, type FindingList } from './findingList';
import { mergeEdits } from './fixes';
import { changeBetween, type KnownVersion } from './lines';
import { derivationOf, type PlainLayout } from './plaintext';
import type { LayoutHistory } from './text';
import { detached, intern } from './textMemo';
import type { ParagraphLookup } from './paragraphIndex';
import { SEVERITIES, type Block, type Check, type CheckSetting, type Finding, type Fix, type FixReport, type RelatedLocation, type Report, type Severity, type SourceTextView, type Span } from './types';

export interface LintOptions {
  /** Asked between checks; when true the run stops and returns what it has. */
  readonly isCancelled?: () => boolean;
  /** Told about a check that threw; the run goes on without that check's findings. */
  readonly onCheckError?: (checkId: string, error: unknown) => void;
  /**
   * Paragraph-scope checks run block by block, and their findings for a block are reused while its
   * text is unchanged (see BlockCache). Without a cache every check runs over the whole view.
   */
  readonly blockCache?: BlockCache;
  /** The other drafts, for document-scope checks that compare with them (reused-paragraph). */
  readonly workspace?: ParagraphLookup;
  /**
   * The last complete lint of the same draft (with a blockCache): each paragraph-scope rule's
   * findings are then the last run's, block for block, outside the blocks the edit touched.
   */
  readonly history?: DraftHistory;
  /** The new text's line starts and what changed since earlier versions, when the caller knows them. */
  readonly known?: KnownVersion;
}

/**
 * What one draft's last complete lint leaves for its next: its blocks and each paragraph-scope
 * rule's findings block by block, relative to their block. An edit then costs the blocks it
 * touched, not a pass over every block for every rule: every other block's findings are the same
 * objects (one draft per history: the server keeps one per open document).
 */
export class DraftHistory implements LayoutHistory {
  /** @internal */
  last: LastRun | undefined;
  /** @internal The last version's plain-text blocks (see buildSourceText). */
  plain: PlainLayout | undefined;
  /** @internal The last version laid out, and whether it holds no directive (see buildSourceText). */
  text: DraftText | undefined;
  markerFree: boolean | undefined;
  /** @internal The arrays this draft's lists are written into, keystroke after keystroke. */
  readonly lists = { merged: new FindingBuffers(), refined: new FindingBuffers() };
}

interface LastRun {
  readonly text: DraftText;
  readonly allProse: boolean;
  readonly blocks: readonly Block[];
  /** The enabled paragraph-scope rules with their settings (see paragraphKey). */
  readonly key: string;
  /**
   * Every paragraph-scope rule's findings block by block, merged in text order. Only the merge is
   * kept, not each rule's findings per block: an edit with the same rules keeps the blocks it left
   * alone here (patched in place by the next complete run), and each rule then reads only the
   * blocks it touched (keeping a block array per rule cost 26 arrays of 10,000 entries per
   * keystroke on a 4 MB draft, 4.6 MB of fresh memory that the garbage collector then copied and kept).
   */
  readonly table: BlockFindings;
  /**
   * Set when a later run patched `table` into its own: a run that started from this one meanwhile
   * (two versions linted at once) then gathers every block's findings again instead.
   */
  spent?: true;
}

/** One rule's findings over a run of blocks: the k-th block's, relative to the block's start, at `[k]`. */
type BlockRun = readonly (readonly Finding[])[];

/** Which blocks an edit left alone: the first `head` and the last `tail`, the latter moved by `delta`. */
interface Unchanged {
  readonly last: LastRun;
  readonly head: number;
  readonly tail: number;
  /** The new draft's blocks between the two, with their cache entries. */
  readonly middle: readonly CachedBlock[];
}

/**
 * Findings of paragraph-scope checks per block text, offsets relative to the block: after an edit
 * only the edited paragraph is checked again. Bounded, least recently used first out.
 */
export class BlockCache {
  /** By block text, then by block shape (kind and prose offset). */
  private readonly entries = new Map<string, Map<string, (Cached | undefined)[]>>();
  /** Each rule-and-setting's place in a block's entry: an array read, not a string-keyed lookup, per block and rule. */
  private readonly slots = new Map<string, number>();
  /** Weakly: a view holds its draft and, once a whole-draft rule has asked, every word of it. */
  private views = new WeakMap<SourceTextView, readonly CachedBlock[]>();

  /**
   * @param maxBlocks blocks kept, first in first out
   * @param wholeRunShare above this share of uncached blocks, a rule runs once over the whole draft
   *   and its findings are shared out to the blocks (tests set it above 1 to force block-by-block runs)
   */
  constructor(
    private readonly maxBlocks = 50_000,
    readonly wholeRunShare = 0.5,
  ) {}

  /** The blocks of `view` with their cache entries, looked up (and kept fresh) once per view, not once per rule. */
  blocksOf(view: SourceTextView): readonly CachedBlock[] {
    let blocks = this.views.get(view);
    if (!blocks) this.views.set(view, (blocks = blockViews(view).map((block) => ({ block, findings: this.entryFor(block.text, block.shape) }))));
    return blocks;
  }

  /** Blocks `from` to `to` of `view` with their cache entries (not remembered: after an edit, the few it touched). */
  blocksIn(view: SourceTextView, from: number, to: number): readonly CachedBlock[] {
    return blockViewsIn(view, from, to).map((block) => ({ block, findings: this.entryFor(block.text, block.shape) }));
  }

  /** The index of a rule-and-setting in every block's entry. */
  slotOf(checkKey: string): number {
    let slot = this.slots.get(checkKey);
    if (slot === undefined) this.slots.set(checkKey, (slot = this.slots.size));
    return slot;
  }

  clear(): void {
    this.entries.clear();
    this.views = new WeakMap();
  }

  private entryFor(text: string, shape: string): (Cached | undefined)[] {
    let shapes = this.entries.get(text);
    if (!shapes) {
      // First in, first out: an edit adds one entry, so a block in use is evicted only after
      // tens of thousands of edits, and then merely checked again. (Refreshing a hit would store the
      // new version's substring as the key and keep that whole version of the draft alive.)
      this.entries.set(intern(text), (shapes = new Map()));
      if (this.entries.size > this.maxBlocks) this.entries.delete(this.entries.keys().next().value!);
    }
    let entry = shapes.get(shape);
    if (!entry) shapes.set(shape, (entry = emptyEntry(this.slots.size)));
    return entry;
  }
}

/**
 * A block's entry, born with V8's most general array kind (holey, any element), which no store
 * changes. A literal [] started as small integers and became whatever its stores made it: the
 * open's entries were filled slot by slot, an edited block's starts empty, so the collectBlocks
 * optimised for the open deoptimised ("wrong map") at the first keystroke.
 */
function emptyEntry(slots: number): (Cached | undefined)[] {
  // fill() on at least one element is what makes the kind general; an array of length 0 has none.
  return new Array<Cached | undefined>(Math.max(1, slots)).fill(undefined);
}

interface CachedBlock {
  /** Its view is built lazily: after an edit only the edited block needs one. */
  readonly block: BlockView;
  /** Findings per rule and setting, by BlockCache.slotOf. */
  readonly findings: (Cached | undefined)[];
}

/** A block's findings for one rule, relative to the block's start: valid wherever the block moves. */
type Cached = readonly Finding[];

const NONE: readonly Finding[] = [];
// Most findings have no suggestions, related places or tags: one shared empty array each, not
// three per finding (27,000 findings on a 4 MB draft).
const NO_FIXES: readonly Fix[] = Object.freeze([]);
const NO_RELATED: readonly RelatedLocation[] = Object.freeze([]);
const NO_TAGS: readonly 'unnecessary'[] = Object.freeze([]);

export function lint(
  view: SourceTextView,
  checks: readonly Check[],
  settingFor: (check: Check) => CheckSetting,
  options: LintOptions = {},
): Finding[] {
  const steps = lintSteps(view, checks, settingFor, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return [...step.value.toArray()];
  }
}

/**
 * The same run in steps: it yields between rules and, on a first look at a long draft, between
 * stretches of a few hundred paragraphs, so a server can read newer edits and answer other
 * requests between steps instead of going quiet for seconds.
 */
export function* lintSteps(
  view: SourceTextView,
  checks: readonly Check[],
  settingFor: (check: Check) => CheckSetting,
  options: LintOptions = {},
): Generator<void, FindingList, void> {
  const findings: Finding[] = [];
  const { blockCache, history } = options;
  /** Paragraph-scope rules' findings per block (only the edited blocks' when patching), in check order. */
  let byBlock: BlockRun[] = [];
  const keys: string[] = [];
  const ran: { readonly check: Check; readonly setting: Extract<CheckSetting, { enabled: true }> }[] = [];
  // The same paragraph-scope rules as the last complete run: the blocks an edit left alone keep
  // their findings, and the rules read only the blocks between (see LastRun.table).
  const patch = blockCache && history?.last && history.last.key === paragraphKey(checks, settingFor) ? unchangedBlocks(history.last, view, blockCache, options.known) : undefined;
  const failed = blockCache && !patch ? yield* firstLook(view, checks, settingFor, blockCache, options) : undefined;
  let complete = true;
  for (const check of checks) {
    if (options.isCancelled?.()) {
      complete = false;
      break;
    }
    const setting = settingFor(check);
    if (!setting.enabled) continue;
    if (blockCache && check.meta.scope === 'paragraph') {
      if (failed?.has(check)) {
        options.onCheckError?.(check.meta.id, failed.get(check));
        yield;
        continue;
      }
      const run = yield* lintByBlock(view, check, setting, blockCache, options, patch);
      if (run) byBlock.push(run), keys.push(checkKeyOf(check, setting)), ran.push({ check, setting });
      yield;
      continue;
    }
    try {
      const own: Finding[] = [];
      const input = { text: view, options: { ...check.meta.defaultOptions, ...setting.options }, ...(options.workspace ? { workspace: options.workspace } : {}) };
      for (const report of check.run(input)) {
        own.push(toFinding(check, report, setting.severity, view.source.text));
      }
      findings.push(...own);
    } catch (error) {
      options.onCheckError?.(check.meta.id, error);
    }
    yield;
  }
  findings.sort(compareFindings);
  if (!byBlock.length) return findingArray(findings);
  const key = keys.join('\u0001');
  // A run cancelled part-way is not wanted (and not kept): no need to gather what it lacks.
  if (patch && !complete && (key !== patch.last.key || patch.last.spent)) return findingArray(findings);
  // A rule that threw on an edited block is left out everywhere, as a lint from scratch leaves it
  // out: the other rules' findings for every block then come from the cache.
  const whole = patch && (key !== patch.last.key || patch.last.spent);
  if (whole) byBlock = ran.map(({ check, setting }) => wholeRun(view, check, setting, blockCache!));
  const table = patch && !whole ? patched(byBlock, patch, view, complete) : BlockFindings.of(byBlock[0]!.map((_, k) => bundleOf(byBlock, k)), view.blocks.map((b) => b.outer.start));
  if (history && complete) history.last = { text: view.source.text, allProse: view.source.prose === view.source.text, blocks: view.blocks, key, table };
  return withLoose(table, findings, history?.lists.merged);
}

/** The key of every enabled paragraph-scope rule with its setting, in check order. */
function paragraphKey(checks: readonly Check[], settingFor: (check: Check) => CheckSetting): string {
  const keys: string[] = [];
  for (const check of checks) {
    if (check.meta.scope !== 'paragraph') continue;
    const setting = settingFor(check);
    if (setting.enabled) keys.push(checkKeyOf(check, setting));
  }
  return keys.join('\u0001');
}

/**
 * The last run's findings for the blocks an edit left alone, and new ones from `middle` (one run
 * per rule over the edited blocks): the last run's table patched in place when this run is
 * complete (and so becomes the last run), a copy of it otherwise.
 */
function patched(middle: readonly BlockRun[], patch: Unchanged, view: SourceTextView, complete: boolean): BlockFindings {
  const { head, tail, last } = patch;
  const bundles: (readonly Finding[])[] = [];
  const offsets: number[] = [];
  for (let k = 0; k < patch.middle.length; k++) bundles.push(bundleOf(middle, k)), offsets.push(view.blocks[head + k]!.outer.start);
  if (!complete) return last.table.clone().patch(head, tail, bundles, offsets, view.source.text.length - last.text.length);
  last.spent = true;
  return last.table.patch(head, tail, bundles, offsets, view.source.text.length - last.text.length);
}

/** A rule's findings for every block, from the cache where it has them (after a patch fell through). */
function wholeRun(view: SourceTextView, check: Check, setting: Extract<CheckSetting, { enabled: true }>, cache: BlockCache): BlockRun {
  const blocks = cache.blocksOf(view);
  const out = new Array<readonly Finding[]>(blocks.length);
  collectBlocks(blocks, cache.slotOf(checkKeyOf(check, setting)), check, { ...check.meta.defaultOptions, ...setting.options }, setting.severity, 0, out, Infinity);
  return out;
}

/** One block's findings from every rule: a stable sort, so equal findings keep check order. */
function bundleOf(byBlock: readonly BlockRun[], k: number): readonly Finding[] {
  // Indexed loops: this runs once per block of a draft, and for-of made an iterator result per rule
  // and per finding (5 MB of a 1 MB first look).
  let only: readonly Finding[] | undefined;
  let parts = 0;
  for (let r = 0; r < byBlock.length; r++) {
    const here = byBlock[r]![k]!;
    if (here.length) (only = here), parts++;
  }
  if (!parts) return NONE;
  if (parts === 1 && isSorted(only!)) return only!;
  const all: Finding[] = [];
  for (let r = 0; r < byBlock.length; r++) {
    const here = byBlock[r]![k]!;
    for (let i = 0; i < here.length; i++) all.push(here[i]!);
  }
  return all.sort(compareFindings);
}

function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1]!, findings[i]!) > 0) return false;
  return true;
}

function checkKeyOf(check: Check, setting: Extract<CheckSetting, { enabled: true }>): string {
  return `${check.meta.id}\u0000${setting.severity}\u0000${JSON.stringify(setting.options)}`;
}

/**
 * The blocks at both ends that an edit did not touch: same kind, same prose, same place (the tail
 * moved by the change in length), and none of their characters changed, which the blocks alone
 * cannot tell for markup outside the prose.
 */
function unchangedBlocks(last: LastRun, view: SourceTextView, cache: BlockCache, known: KnownVersion | undefined): Unchanged {
  const old = last.blocks;
  const now = view.blocks;
  const text = view.source.text;
  const delta = text.length - last.text.length;
  const max = Math.min(old.length, now.length);
  const { start, oldEnd } = changeBetween(last.text, text, known);
  const bare = last.allProse && view.source.prose === text;
  // A plain layout made from the last one: its first blocks are the same objects and its last ones
  // moved by `delta`, which sameBlock would find true block by block (bare prose, outer = span) on
  // every keystroke; only the stretch around the edit is compared.
  const derived = bare ? derivationOf(now) : undefined;
  const made = derived?.from === old && derived.delta === delta ? derived : undefined;
  let head = made ? Math.min(made.head, firstEndingAfter(old, start)) : 0;
  while (head < max && old[head]!.outer.end <= start && sameBlock(old[head]!, now[head]!, 0, bare, last.text, text)) head++;
  let tail = made ? Math.min(made.kept, max - head, old.length - firstStartingFrom(old, oldEnd)) : 0;
  while (tail < max - head && old[old.length - 1 - tail]!.outer.start >= oldEnd && sameBlock(old[old.length - 1 - tail]!, now[now.length - 1 - tail]!, delta, bare, last.text, text)) tail++;
  return { last, head, tail, middle: cache.blocksIn(view, head, now.length - tail) };
}

/** The first of `blocks` (in text order) whose outer span ends after `offset`. */
function firstEndingAfter(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.outer.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first of `blocks` (in text order) whose outer span starts at or after `offset`. */
function firstStartingFrom(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.outer.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameBlock(a: Block, b: Block, by: number, bare: boolean, oldText: DraftText, newText: DraftText): boolean {
  if (a.text !== b.text || a.kind !== b.kind || a.span.start + by !== b.span.start || a.span.end + by !== b.span.end || a.outer.start + by !== b.outer.start || a.outer.end + by !== b.outer.end) return false;
  return (bare && a.outer.start === a.span.start && a.outer.end === a.span.end) || oldText.slice(a.outer.start, a.outer.end) === newText.slice(b.outer.start, b.outer.end);
}


/** Characters of draft a first look reads between steps: about a tenth of a second for the slowest rules. */
const STRETCH = 64_000;

/**
 * A first look at a draft: one run over a stretch of many paragraphs is cheaper than one per
 * paragraph, and equals it for these rules (blockCache.test.ts), so each paragraph-scope rule the
 * cache mostly lacks runs stretch by stretch, its findings shared out to the blocks, which then
 * give the run that the keystrokes after it start from. Stretch by stretch, every such rule in
 * turn: a stretch's view (its sentences, words, lexicon tokens) is built once for all of them and
 * dropped before the next, rather than all of a draft's held until the last rule has read them
 * (on a 4 MB draft, 200 MB more live heap at the peak of the open). Returns the rules that threw.
 */
function* firstLook(
  view: SourceTextView,
  checks: readonly Check[],
  settingFor: (check: Check) => CheckSetting,
  cache: BlockCache,
  options: LintOptions,
): Generator<void, Map<Check, unknown>, void> {
  const failed = new Map<Check, unknown>();
  let blocks: readonly CachedBlock[] | undefined;
  const jobs: { readonly check: Check; readonly severity: Severity; readonly options: object; readonly slot: number }[] = [];
  for (const check of checks) {
    const setting = settingFor(check);
    if (check.meta.scope !== 'paragraph' || !setting.enabled) continue;
    const slot = cache.slotOf(checkKeyOf(check, setting));
    blocks ??= cache.blocksOf(view);
    if (countMisses(blocks, slot) > blocks.length * cache.wholeRunShare) jobs.push({ check, severity: setting.severity, options: { ...check.meta.defaultOptions, ...setting.options }, slot });
  }
  for (let from = 0; blocks && jobs.length && from < blocks.length; ) {
    let to = from + 1;
    while (to < blocks.length && blocks[to]!.block.offset + blocks[to]!.block.length - blocks[from]!.block.offset <= STRETCH) to++;
    const stretch = viewOfBlocks(view, from, to);
    for (const job of jobs) {
      if (failed.has(job.check)) continue;
      try {
        const found: Finding[] = [];
        for (const report of job.check.run({ text: stretch.view, options: job.options })) found.push(toFinding(job.check, report, job.severity, stretch.view.source.text));
        fillCache(blocks.slice(from, to), found, stretch.offset, job.slot);
      } catch (error) {
        failed.set(job.check, error);
      }
      yield;
      if (options.isCancelled?.()) return failed;
    }
    from = to;
  }
  return failed;
}

/**
 * A paragraph-scope check block by block, reusing what the cache has for unchanged blocks: over
 * every block, or when patching only over the blocks the edit touched; undefined if it threw.
 */
function* lintByBlock(
  view: SourceTextView,
  check: Check,
  setting: Extract<CheckSetting, { enabled: true }>,
  cache: BlockCache,
  options: LintOptions,
  patch: Unchanged | undefined,
): Generator<void, BlockRun | undefined, void> {
  const merged = { ...check.meta.defaultOptions, ...setting.options };
  const slot = cache.slotOf(checkKeyOf(check, setting));
  try {
    const blocks = patch ? patch.middle : cache.blocksOf(view);
    // Its full length at once: pushed one block at a time, 26 rules' lists grew by copies (~8 MB a run on 4 MB).
    const out = new Array<readonly Finding[]>(blocks.length);
    // Blocks the first look left uncached (a finding reaching past its block) are checked on their own here.
    for (let next = 0; (next = collectBlocks(blocks, slot, check, merged, setting.severity, next, out)) < blocks.length; ) yield;
    return out;
  } catch (error) {
    options.onCheckError?.(check.meta.id, error);
    return undefined;
  }
}

/**
 * Writes blocks' findings from `from` on into `out` at their index, checking the blocks the cache lacks, and stops after
 * about a stretch of fresh checking; returns where it stopped. A plain function, not part of the
 * generator: after a first look this runs over every block of a draft.
 */
function collectBlocks(blocks: readonly CachedBlock[], slot: number, check: Check, options: object, severity: Severity, from: number, out: (readonly Finding[])[], stretch = STRETCH): number {
  let fresh = 0;
  for (let k = from; k < blocks.length; k++) {
    const { block, findings } = blocks[k]!;
    // Bounds checked here: a first look fills every slot, so the code compiled for it has never read
    // past an entry's end, and an edited block's new entry is empty ("out of bounds" deopt at the first keystroke).
    let cached = slot < findings.length ? findings[slot] : undefined;
    if (!cached) {
      const local: Finding[] = [];
      for (const report of check.run({ text: block.view, options })) local.push(detach(toFinding(check, report, severity, block.view.source.text)));
      findings[slot] = cached = local.length ? local : NONE;
      fresh += block.length;
    }
    out[k] = cached;
    if (fresh > stretch) return k + 1;
  }
  return blocks.length;
}

function countMisses(blocks: readonly CachedBlock[], slot: number): number {
  let misses = 0;
  for (let k = 0; k < blocks.length; k++) if (!blocks[k]!.findings[slot]) misses++;
  return misses;
}

/**
 * Files a stretch's findings (offsets from `at`) under their blocks, relative to each block; a
 * block with a finding reaching outside it is left uncached.
 */
function fillCache(blocks: readonly CachedBlock[], findings: readonly Finding[], at: number, slot: number): void {
  // Most blocks have no finding for a rule: their lists are made only when one comes.
  const local = new Array<Finding[] | undefined>(blocks.length);
  const spill = new Set<number>();
  // Most rules report in text order already: then no sorted copy (a stable sort would keep that order).
  const sorted = inStartOrder(findings) ? findings : [...findings].sort((x, y) => x.span.start - y.span.start);
  let i = 0;
  for (let n = 0; n < sorted.length; n++) {
    const f = sorted[n]!;
    while (i + 1 < blocks.length && blocks[i + 1]!.block.offset - at <= f.span.start) i++;
    const block = blocks[i];
    if (!block) continue;
    const start = block.block.offset - at;
    const end = start + block.block.length;
    if (!within(f.span, start, end) || (f.fix && !within(f.fix.edit.span, start, end)) || !fixesWithin(f.suggestions, start, end) || !relatedWithin(f.related, start, end)) {
      spill.add(i);
      continue;
    }
    (local[i] ??= []).push(detach(f, -start));
  }
  blocks.forEach((b, k) => {
    if (!spill.has(k) && !b.findings[slot]) b.findings[slot] = local[k] ?? NONE;
  });
}

function inStartOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (findings[i - 1]!.span.start > findings[i]!.span.start) return false;
  return true;
}

/** Loops, not every() with a closure: asked of every finding of a first look. */
function fixesWithin(fixes: readonly Fix[], start: number, end: number): boolean {
  for (let i = 0; i < fixes.length; i++) if (!within(fixes[i]!.edit.span, start, end)) return false;
  return true;
}

/** Places in this draft within [start, end); places in other drafts do not count. */
function relatedWithin(related: readonly RelatedLocation[], start: number, end: number): boolean {
  for (let i = 0; i < related.length; i++) if (related[i]!.document === undefined && !within(related[i]!.span, start, end)) return false;
  return true;
}

function within(s: Span, start: number, end: number): boolean {
  return s.start >= start && s.end <= end;
}

/**
 * A copy whose strings share nothing with the draft: a substring of a 4 MB text keeps the whole
 * text alive, and cached findings outlive many versions of the draft. Its offsets (but those in
 * other drafts) moved `by`, in the same copy (shiftFinding's, without a second object).
 */
function detach(f: Finding, by = 0): Finding {
  // Written property by property in toFinding's order (the order a spread of `f` kept), with plain
  // functions: no closure, no spread and no throwaway object per optional property, for every
  // finding of a first look.
  const out = { checkId: f.checkId, messageId: f.messageId, message: detached(f.message), span: moved(f.span, by), severity: f.severity } as { -readonly [K in keyof Finding]: Finding[K] };
  if (f.fix) out.fix = detachFix(f.fix, by);
  out.suggestions = f.suggestions.length ? detachFixes(f.suggestions, by) : NO_FIXES;
  out.related = f.related.length ? detachRelated(f.related, by) : NO_RELATED;
  out.tags = f.tags;
  if (f.actual !== undefined) out.actual = detached(f.actual);
  if (f.expected !== undefined) out.expected = detachAll(f.expected);
  if (f.note !== undefined) out.note = detached(f.note);
  return out;
}

function moved(s: Span, by: number): Span {
  return by ? { start: s.start + by, end: s.end + by } : s;
}

function detachFix(x: Fix, by: number): Fix {
  return { title: detached(x.title), edit: { span: moved(x.edit.span, by), newText: detached(x.edit.newText) } };
}

function detachFixes(fixes: readonly Fix[], by: number): Fix[] {
  const out = new Array<Fix>(fixes.length);
  for (let i = 0; i < fixes.length; i++) out[i] = detachFix(fixes[i]!, by);
  return out;
}

function detachRelated(related: readonly RelatedLocation[], by: number): RelatedLocation[] {
  const out = new Array<RelatedLocation>(related.length);
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    out[i] = r.document === undefined ? { span: moved(r.span, by), message: detached(r.message) } : { ...r, message: detached(r.message) };
  }
  return out;
}

function detachAll(strings: readonly string[]): string[] {
  const out = new Array<string>(strings.length);
  for (let i = 0; i < strings.length; i++) out[i] = detached(strings[i]!);
  return out;
}

/** Text order, then rule id, so output is stable whatever order the checks ran in. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0);
}

function toFinding(check: Check, report: Report<string>, severity: Finding['severity'], text: DraftText): Finding {
  const { meta } = check;
  const length = text.length;
  assertSpan(report.span, length, meta.id);
  if (report.fix && !meta.fixable) throw new Error(`${meta.id} reported a fix but is not marked fixable`);
  // No closures here, and no throwaway object per optional property (written one by one, in the
  // order a finding's properties always have): this runs for every report of a first look and
  // every document-scope report of a keystroke.
  const out = {
    checkId: meta.id,
    messageId: report.messageId,
    message: interpolate(meta.messages, report.messageId, report.data, meta.id),
    span: report.span,
    severity: report.maxSeverity ? milder(severity, report.maxSeverity) : severity,
  } as { -readonly [K in keyof Finding]: Finding[K] };
  if (report.fix) out.fix = toFix(meta, report.fix, text);
  out.suggestions = report.suggestions?.length ? report.suggestions.map((f) => toFix(meta, f, text)) : NO_FIXES;
  out.related = report.related?.length ? report.related.map((r) => toRelated(r, interpolate(meta.messages, r.messageId, r.data, meta.id), length, meta.id)) : NO_RELATED;
  out.tags = report.tags?.length ? report.tags : NO_TAGS;
  if (report.actual !== undefined) out.actual = report.actual;
  if (report.expected !== undefined) out.expected = report.expected;
  if (report.note !== undefined) out.note = report.note;
  return out;
}

function toFix(meta: Check['meta'], f: FixReport<string>, text: DraftText): Fix {
  for (const e of f.edits) assertSpan(e.span, text.length, meta.id);
  return { title: interpolate(meta.messages, f.messageId, f.data, meta.id), edit: mergeEdits(f.edits, meta.id, text) };
}

/** A span in another draft cannot be checked against this draft's length; only its shape is. */
function toRelated(r: NonNullable<Report<string>['related']>[number], message: string, length: number, checkId: string): RelatedLocation {
  if (r.document === undefined) {
    assertSpan(r.span, length, checkId);
    return { span: r.span, message };
  }
  assertSpan(r.span, Number.MAX_SAFE_INTEGER, checkId);
  return { span: r.span, message, document: r.document };
}

function milder(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function assertSpan(span: Span, length: number, checkId: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length)) {
    throw new Error(`${checkId} reported an invalid span ${span.start}..${span.end} (text length ${length})`);
  }
}

/** Fills {{name}} placeholders; an unknown message id or a missing value is the check's bug. */
export function interpolate(messages: Readonly<Record<string, string>>, id: string, data: Readonly<Record<string, string>> | undefined, checkId: string): string {
  const template = messages[id];
  if (template === undefined) throw new Error(`${checkId} used unknown message id '${id}'`);
  if (!template.includes('{{')) return template;
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = data?.[name];
    if (value === undefined) throw new Error(`${checkId} message '${id}' needs a value for {{${name}}}`);
    out += value + parts[i + 1]!;
  }
  return out;
}

/**
 * Each template split once at its placeholders (literal text at even indices, names at odd):
 * the document-scope rules' findings are made again on every keystroke, and a regular-expression
 * replace with a callback per message cost more than the rest of making them.
 */
const compiled = new Map<string, readonly string[]>();
