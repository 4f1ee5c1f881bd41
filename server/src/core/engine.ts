/**
 * @file Runs checks over a segmented text and turns their reports into findings: validates spans
 * and message ids, merges each fix's edits into one, isolates a check that throws, and honours
 * cancellation between checks, so one broken rule never hides the others.
 */
import type { BlockList } from './blockList';
import { blockViews, blockViewsIn, viewOfBlocks, type BlockView } from './blockView';
import type { DraftText } from './draftText';
import { BlockFindings } from './blockFindings';
import { findingArray, FindingBuffers, shiftRelated, withLoose, type FindingList } from './findingList';
import { shiftSpan } from './spans';
import { mergeEdits } from './fixes';
import { changeBetween, type KnownVersion } from './lines';
import { derivationOf, type PlainLayout } from './plaintext';
import type { LayoutHistory } from './text';
import { detached, intern, ownedOutright } from './textMemo';
import type { ParagraphLookup } from './paragraphIndex';
import { SEVERITIES, type Check, type CheckSetting, type Finding, type Fix, type FixReport, type RelatedLocation, type Report, type Severity, type SourceTextView, type Span } from './types';

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
  /** @internal Each document-scope rule's findings from its last run, in its reports' order (see sameAsLast). */
  readonly documentFindings = new Map<Check, DocumentRun>();
}

/**
 * A document-scope rule's findings as kept: `stored[i]` placed by `shifts[i]`, so a finding the
 * edit only moved is the same object again, not a copy with moved offsets (~580 findings a
 * keystroke on the 4 MB draft, a third of them after the edit). `length` is the draft's then.
 */
interface DocumentRun {
  readonly length: number;
  readonly stored: readonly Finding[];
  readonly shifts: readonly number[];
}

interface LastRun {
  readonly text: DraftText;
  readonly allProse: boolean;
  readonly blocks: BlockList;
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
 * A rule's options with its defaults filled in, made the same way by every pass that runs the
 * rule. An object spread's result has one map while its site has no type feedback and another
 * once it has (V8's clone of the defaults' map): the open's first stretches made the paragraph
 * rules' options before feedback, the keystrokes after, and paragraph-length's and
 * sentence-length's run, optimised on the open's, were thrown away at the first keystroke ("wrong
 * map" reading their option). Properties added one by one to {} take the same map whatever the feedback.
 */
function optionsOf(check: Check, setting: Extract<CheckSetting, { enabled: true }>): object {
  return Object.assign({}, check.meta.defaultOptions, setting.options);
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
  // The document-scope rules' findings, each placed by its shift (see DocumentRun).
  const loose: Finding[] = [];
  const looseShifts: number[] = [];
  const { blockCache, history } = options;
  /**
   * Where the paragraph-scope rules that ran left their findings, in check order: each block's
   * cache entry (only the edited blocks' when patching) at these slots. Read there, not gathered
   * into an array per rule (26 arrays of 10,000 blocks per whole-draft run on 4 MB, 2 MB).
   */
  const slots: number[] = [];
  const keys: string[] = [];
  const ran: { readonly check: Check; readonly setting: Extract<CheckSetting, { enabled: true }> }[] = [];
  // The same paragraph-scope rules as the last complete run: the blocks an edit left alone keep
  // their findings, and the rules read only the blocks between (see LastRun.table).
  const patch = blockCache && history?.last && history.last.key === paragraphKey(checks, settingFor) ? unchangedBlocks(history.last, view, blockCache, options.known) : undefined;
  /** Slots every block's entry already held before this run (a re-lint of a draft the cache has seen). */
  const filled = new Set<number>();
  const failed = blockCache && !patch ? yield* firstLook(view, checks, settingFor, blockCache, options, filled) : undefined;
  let complete = true;
  for (const check of checks) {
    if (options.isCancelled?.()) {
      complete = false;
      break;
    }
    const setting = settingFor(check);
    if (!setting.enabled) {
      // A rule turned off keeps none of its last findings alive in the draft's history.
      history?.documentFindings.delete(check);
      continue;
    }
    if (blockCache && check.meta.scope === 'paragraph') {
      if (failed?.has(check)) {
        options.onCheckError?.(check.meta.id, failed.get(check));
        yield;
        continue;
      }
      const slot = yield* lintByBlock(view, check, setting, blockCache, options, patch, filled);
      if (slot !== undefined) slots.push(slot), keys.push(checkKeyOf(check, setting)), ran.push({ check, setting });
      yield;
      continue;
    }
    try {
      const own: Finding[] = [];
      const shifts: number[] = [];
      const input = { text: view, options: optionsOf(check, setting), ...(options.workspace ? { workspace: options.workspace } : {}) };
      const { text } = view.source;
      const length = text.length;
      // Last run's findings, walked in step with this run's reports (both in the rule's order):
      // once where they were (before the edit), once moved by the change in length (after it).
      const last = history?.documentFindings.get(check);
      const delta = last ? length - last.length : 0;
      let at = 0;
      let atMoved = 0;
      for (const report of check.run(input)) {
        let k = -1;
        if (last) {
          const start = report.span.start;
          while (at < last.stored.length && last.stored[at]!.span.start + last.shifts[at]! < start) at++;
          k = keptAt(last, at, start, check, report, setting.severity, length);
          if (k >= 0) at = k + 1;
          else if (delta) {
            while (atMoved < last.stored.length && last.stored[atMoved]!.span.start + last.shifts[atMoved]! + delta < start) atMoved++;
            k = keptAt(last, atMoved, start - delta, check, report, setting.severity, length);
            if (k >= 0) atMoved = k + 1;
          }
        }
        if (k >= 0) {
          const f = last!.stored[k]!;
          own.push(f);
          shifts.push(report.span.start - f.span.start);
        } else {
          own.push(toFinding(check, report, setting.severity, text, length));
          shifts.push(0);
        }
      }
      history?.documentFindings.set(check, { length, stored: own, shifts });
      for (let i = 0; i < own.length; i++) loose.push(own[i]!), looseShifts.push(shifts[i]!);
    } catch (error) {
      options.onCheckError?.(check.meta.id, error);
    }
    yield;
  }
  const findings = inTextOrder(loose, looseShifts);
  if (!slots.length) return findingArray(findings.stored, findings.shifts);
  const key = keys.join('\u0001');
  // A run cancelled part-way is not wanted (and not kept): no need to gather what it lacks.
  if (patch && !complete && (key !== patch.last.key || patch.last.spent)) return findingArray(findings.stored, findings.shifts);
  // A rule that threw on an edited block is left out everywhere, as a lint from scratch leaves it
  // out: the other rules' findings for every block then come from the cache.
  const whole = patch && (key !== patch.last.key || patch.last.spent);
  if (whole) for (const { check, setting } of ran) wholeRun(view, check, setting, blockCache!);
  const table = patch && !whole ? patched(slots, patch, view, complete) : wholeTable(blockCache!.blocksOf(view), slots, view);
  if (history && complete) history.last = { text: view.source.text, allProse: view.source.prose === view.source.text, blocks: view.layout, key, table };
  return withLoose(table, findings.stored, history?.lists.merged, findings.shifts);
}

/** `stored` placed by `shifts`, sorted as compareFindings sorts the placed findings (stable, as Array#sort is). */
function inTextOrder(stored: readonly Finding[], shifts: readonly number[]): { stored: Finding[]; shifts: number[] } {
  const order: number[] = [];
  for (let i = 0; i < stored.length; i++) order.push(i);
  order.sort((i, j) => {
    const a = stored[i]!;
    const b = stored[j]!;
    const by = shifts[i]! - shifts[j]!;
    return a.span.start - b.span.start + by || a.span.end - b.span.end + by || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0);
  });
  const out = { stored: [] as Finding[], shifts: [] as number[] };
  for (const i of order) out.stored.push(stored[i]!), out.shifts.push(shifts[i]!);
  return out;
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
function patched(slots: readonly number[], patch: Unchanged, view: SourceTextView, complete: boolean): BlockFindings {
  const { head, tail, last } = patch;
  const bundles: (readonly Finding[])[] = [];
  const offsets: number[] = [];
  for (let k = 0; k < patch.middle.length; k++) bundles.push(bundleOf(patch.middle[k]!.findings, slots)), offsets.push(view.layout.outerStartAt(head + k));
  if (!complete) return last.table.clone().patch(head, tail, bundles, offsets, view.source.text.length - last.text.length);
  last.spent = true;
  return last.table.patch(head, tail, bundles, offsets, view.source.text.length - last.text.length);
}

/** A rule's findings for every block in the cache, checking the blocks it lacks (after a patch fell through). */
function wholeRun(view: SourceTextView, check: Check, setting: Extract<CheckSetting, { enabled: true }>, cache: BlockCache): void {
  collectBlocks(cache.blocksOf(view), cache.slotOf(checkKeyOf(check, setting)), check, optionsOf(check, setting), setting.severity, 0, Infinity);
}

/** Every block's findings from the rules at `slots`, in one table. */
function wholeTable(blocks: readonly CachedBlock[], slots: readonly number[], view: SourceTextView): BlockFindings {
  const bundles = new Array<readonly Finding[]>(blocks.length);
  const offsets = new Array<number>(blocks.length);
  for (let k = 0; k < blocks.length; k++) (bundles[k] = bundleOf(blocks[k]!.findings, slots)), (offsets[k] = view.blocks[k]!.outer.start);
  return BlockFindings.of(bundles, offsets);
}

/**
 * One block's findings from the rules at `slots` of its cache entry (each rule's filled by the
 * time this runs): a stable sort, so equal findings keep check order.
 */
function bundleOf(entry: readonly (Cached | undefined)[], slots: readonly number[]): readonly Finding[] {
  // Indexed loops: this runs once per block of a draft, and for-of made an iterator result per rule
  // and per finding (5 MB of a 1 MB first look).
  let only: readonly Finding[] | undefined;
  let parts = 0;
  let n = 0;
  for (let r = 0; r < slots.length; r++) {
    const here = entry[slots[r]!]!;
    if (here.length) (only = here), parts++, (n += here.length);
  }
  if (!parts) return NONE;
  if (parts === 1 && isSorted(only!)) return only!;
  // Its exact length, sorted as it fills: Array#sort copies every array it sorts into a scratch
  // array (4 MB per whole-draft run at 4 MB, young garbage that made each scavenge longer). An
  // insertion that moves only past greater findings keeps equal ones in check order, as a stable sort.
  const all = new Array<Finding>(n);
  const insert = n <= MAX_INSERTION;
  let at = 0;
  for (let r = 0; r < slots.length; r++) {
    const here = entry[slots[r]!]!;
    for (let i = 0; i < here.length; i++) {
      const f = here[i]!;
      let j = at++;
      if (insert) for (; j > 0 && compareFindings(all[j - 1]!, f) > 0; j--) all[j] = all[j - 1]!;
      all[j] = f;
    }
  }
  return insert ? all : all.sort(compareFindings);
}

/** Findings in a block above which its bundle is sorted by Array#sort: the insertion is quadratic. */
const MAX_INSERTION = 64;

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
  const now = view.layout;
  const text = view.source.text;
  const delta = text.length - last.text.length;
  const max = Math.min(old.length, now.length);
  const { start, oldEnd } = changeBetween(last.text, text, known);
  const bare = last.allProse && view.source.prose === text;
  // A plain layout made from the last one: its first blocks are the same blocks and its last ones
  // moved by `delta`, which sameBlock would find true block by block (bare prose, outer = span) on
  // every keystroke; only the stretch around the edit is compared.
  const derived = bare ? derivationOf(now) : undefined;
  const made = derived?.from === old && derived.delta === delta ? derived : undefined;
  let head = made ? Math.min(made.head, old.lastEndingBy(start) + 1) : 0;
  while (head < max && old.outerEndAt(head) <= start && sameBlock(old, head, now, head, 0, bare, last.text, text)) head++;
  let tail = made ? Math.min(made.kept, max - head, old.length - 1 - old.lastStartingBy(oldEnd - 1)) : 0;
  while (tail < max - head && old.outerStartAt(old.length - 1 - tail) >= oldEnd && sameBlock(old, old.length - 1 - tail, now, now.length - 1 - tail, delta, bare, last.text, text)) tail++;
  return { last, head, tail, middle: cache.blocksIn(view, head, now.length - tail) };
}


/**
 * Whether block `i` of `old` is block `j` of `now` moved `by`. Read without placing either block:
 * without a derivation (another draft laid out in between), this walks every block of both.
 */
function sameBlock(old: BlockList, i: number, now: BlockList, j: number, by: number, bare: boolean, oldText: DraftText, newText: DraftText): boolean {
  const outerStart = old.outerStartAt(i);
  const outerEnd = old.outerEndAt(i);
  const start = old.startAt(i);
  const end = old.endAt(i);
  if (old.textAt(i) !== now.textAt(j) || old.kindAt(i) !== now.kindAt(j) || start + by !== now.startAt(j) || end + by !== now.endAt(j) || outerStart + by !== now.outerStartAt(j) || outerEnd + by !== now.outerEndAt(j)) return false;
  return (bare && outerStart === start && outerEnd === end) || oldText.slice(outerStart, outerEnd) === newText.slice(now.outerStartAt(j), now.outerEndAt(j));
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
 * (on a 4 MB draft, 200 MB more live heap at the peak of the open). Returns the rules that threw;
 * adds to `filled` the slots that every block's entry held already.
 */
function* firstLook(
  view: SourceTextView,
  checks: readonly Check[],
  settingFor: (check: Check) => CheckSetting,
  cache: BlockCache,
  options: LintOptions,
  filled: Set<number>,
): Generator<void, Map<Check, unknown>, void> {
  const failed = new Map<Check, unknown>();
  const candidates: { readonly check: Check; readonly setting: Extract<CheckSetting, { enabled: true }>; readonly slot: number }[] = [];
  for (const check of checks) {
    const setting = settingFor(check);
    if (check.meta.scope !== 'paragraph' || !setting.enabled) continue;
    candidates.push({ check, setting, slot: cache.slotOf(checkKeyOf(check, setting)) });
  }
  const blocks = candidates.length ? cache.blocksOf(view) : undefined;
  const misses = blocks ? countMisses(blocks, candidates.map((c) => c.slot)) : [];
  const jobs: { readonly check: Check; readonly severity: Severity; readonly options: object; readonly slot: number }[] = [];
  candidates.forEach(({ check, setting, slot }, j) => {
    if (misses[j] === 0) filled.add(slot);
    if (misses[j]! > blocks!.length * cache.wholeRunShare) jobs.push({ check, severity: setting.severity, options: optionsOf(check, setting), slot });
  });
  for (let from = 0; blocks && jobs.length && from < blocks.length; ) {
    let to = from + 1;
    while (to < blocks.length && blocks[to]!.block.offset + blocks[to]!.block.length - blocks[from]!.block.offset <= STRETCH) to++;
    const stretch = viewOfBlocks(view, from, to);
    for (const job of jobs) {
      if (failed.has(job.check)) continue;
      try {
        const found: Finding[] = [];
        const { text } = stretch.view.source;
        const length = text.length;
        for (const report of job.check.run({ text: stretch.view, options: job.options })) found.push(toFinding(job.check, report, job.severity, text, length, true));
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
 * every block, or when patching only over the blocks the edit touched. Returns the slot of the
 * blocks' cache entries that then holds the rule's findings for every one of them; undefined if it threw.
 */
function* lintByBlock(
  view: SourceTextView,
  check: Check,
  setting: Extract<CheckSetting, { enabled: true }>,
  cache: BlockCache,
  options: LintOptions,
  patch: Unchanged | undefined,
  filled: ReadonlySet<number>,
): Generator<void, number | undefined, void> {
  const merged = optionsOf(check, setting);
  const slot = cache.slotOf(checkKeyOf(check, setting));
  // Every block's entry had it before this run: no pass over 10,000 entries to find none missing.
  if (!patch && filled.has(slot)) return slot;
  try {
    const blocks = patch ? patch.middle : cache.blocksOf(view);
    // Blocks the first look left uncached (a finding reaching past its block) are checked on their own here.
    for (let next = 0; (next = collectBlocks(blocks, slot, check, merged, setting.severity, next)) < blocks.length; ) yield;
    return slot;
  } catch (error) {
    options.onCheckError?.(check.meta.id, error);
    return undefined;
  }
}

/**
 * Fills blocks' cache entries at `slot` from `from` on, checking the blocks the cache lacks (an
 * entry's slot, once filled, is never written again), and stops after
 * about a stretch of fresh checking; returns where it stopped. A plain function, not part of the
 * generator: after a first look this runs over every block of a draft.
 */
function collectBlocks(blocks: readonly CachedBlock[], slot: number, check: Check, options: object, severity: Severity, from: number, stretch = STRETCH): number {
  let fresh = 0;
  for (let k = from; k < blocks.length; k++) {
    const { block, findings } = blocks[k]!;
    // Bounds checked here: a first look fills every slot, so the code compiled for it has never read
    // past an entry's end, and an edited block's new entry is empty ("out of bounds" deopt at the first keystroke).
    const cached = slot < findings.length ? findings[slot] : undefined;
    if (!cached) {
      const local: Finding[] = [];
      // The block's view is its text, block.length long (LazyBlockView).
      const { view } = block;
      for (const report of check.run({ text: view, options })) local.push(detach(toFinding(check, report, severity, view.source.text, block.length, true)));
      findings[slot] = local.length ? local : NONE;
      fresh += block.length;
    }
    if (fresh > stretch) return k + 1;
  }
  return blocks.length;
}

/**
 * Each slot's count of blocks whose entry lacks it, in one pass over the blocks: one pass per rule
 * read every block's entry 26 times, scattered over the old generation (on a 4 MB draft's re-lint
 * those reads grew ~16x for 10x the blocks: the entries no longer fit the processor's caches).
 */
function countMisses(blocks: readonly CachedBlock[], slots: readonly number[]): number[] {
  const misses = new Array<number>(slots.length).fill(0);
  for (let k = 0; k < blocks.length; k++) {
    const findings = blocks[k]!.findings;
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j]!;
      if (slot >= findings.length || !findings[slot]) misses[j]!++;
    }
  }
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
 * other drafts) moved `by`, in the same copy (shiftFinding's, without a second object). `f` comes
 * from toFinding with `own`: its messages and fix titles share nothing with the draft already.
 */
function detach(f: Finding, by = 0): Finding {
  // Written property by property in toFinding's order (the order a spread of `f` kept), with plain
  // functions: no closure, no spread and no throwaway object per optional property, for every
  // finding of a first look.
  const out = { checkId: f.checkId, messageId: f.messageId, message: f.message, span: shiftSpan(f.span, by), severity: f.severity } as { -readonly [K in keyof Finding]: Finding[K] };
  if (f.fix) out.fix = detachFix(f.fix, by);
  out.suggestions = f.suggestions.length ? detachFixes(f.suggestions, by) : NO_FIXES;
  // Related messages are owned already (toFinding with `own`): moving the places is all there is to do.
  out.related = f.related.length ? shiftRelated(f.related, by) : NO_RELATED;
  out.tags = f.tags;
  if (f.actual !== undefined) out.actual = detached(f.actual);
  if (f.expected !== undefined) out.expected = detachAll(f.expected);
  if (f.note !== undefined) out.note = detached(f.note);
  return out;
}

function detachFix(x: Fix, by: number): Fix {
  return { title: x.title, edit: { span: shiftSpan(x.edit.span, by), newText: detached(x.edit.newText) } };
}

function detachFixes(fixes: readonly Fix[], by: number): Fix[] {
  const out = new Array<Fix>(fixes.length);
  for (let i = 0; i < fixes.length; i++) out[i] = detachFix(fixes[i]!, by);
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

/**
 * @param length `text.length`, read by the caller once per run of a rule: the text is a string of
 *   one of many representations (one or two bytes a character, flat, sliced or joined) or a
 *   PieceText, and read here, for every report, the kinds met late threw this function's code
 *   away ("wrong map") on the first keystrokes.
 * @param own whether the finding is kept (detach): its messages and fix titles are then made to share nothing with the draft (ownMessage).
 */
function toFinding(check: Check, report: Report<string>, severity: Finding['severity'], text: DraftText, length: number, own = false): Finding {
  const { meta } = check;
  assertSpan(report.span, length, meta.id);
  if (report.fix && !meta.fixable) throw new Error(`${meta.id} reported a fix but is not marked fixable`);
  // No closures here, and no throwaway object per optional property (written one by one, in the
  // order a finding's properties always have): this runs for every report of a first look and
  // every document-scope report of a keystroke.
  const out = {
    checkId: meta.id,
    messageId: report.messageId,
    message: own ? ownMessage(meta.messages, report.messageId, report.data, meta.id) : rememberedMessage(meta.messages, report.messageId, report.data, meta.id),
    span: report.span,
    severity: report.maxSeverity ? milder(severity, report.maxSeverity) : severity,
  } as { -readonly [K in keyof Finding]: Finding[K] };
  if (report.fix) out.fix = toFix(meta, report.fix, text, length, own);
  out.suggestions = report.suggestions?.length ? toFixes(meta, report.suggestions, text, length, own) : NO_FIXES;
  out.related = report.related?.length ? toRelatedAll(meta, report.related, length, own) : NO_RELATED;
  out.tags = report.tags?.length ? report.tags : NO_TAGS;
  if (report.actual !== undefined) out.actual = report.actual;
  if (report.expected !== undefined) out.expected = report.expected;
  if (report.note !== undefined) out.note = report.note;
  return out;
}

/**
 * The first of `last`'s findings from `from` on that starts at `start` once placed and that
 * `report`, moved back by the difference, would make again (sameAsLast); -1 if none does.
 */
function keptAt(last: DocumentRun, from: number, start: number, check: Check, report: Report<string>, severity: Severity, length: number): number {
  const { stored, shifts } = last;
  for (let k = from; k < stored.length && stored[k]!.span.start + shifts[k]! === start; k++) {
    if (sameAsLast(stored[k]!, report.span.start - stored[k]!.span.start, check, report, severity, length)) return k;
  }
  return -1;
}

/**
 * Whether `report` would make a finding equal to `last` (a finding of the same rule's last run,
 * as stored) placed `by` (FindingList's shifts, shiftFinding), which is then kept instead: most document-scope findings are the same from one keystroke to the
 * next, and each made again lived until the next keystroke (promoted: ~300 KB a keystroke on the
 * 4 MB draft with its fixes, related places and arrays). Checked as toFinding checks, in its
 * order, so a report it would refuse throws the same error here; anything else unequal, or a
 * string that may be a slice of an older draft (a value of 13 characters or more), and toFinding
 * makes the finding afresh.
 */
function sameAsLast(last: Finding, by: number, check: Check, report: Report<string>, severity: Severity, length: number): boolean {
  const { meta } = check;
  if (last.messageId !== report.messageId || last.span.end + by !== report.span.end) return false;
  assertSpan(report.span, length, meta.id);
  if (report.fix && !meta.fixable) throw new Error(`${meta.id} reported a fix but is not marked fixable`);
  if (!allShort(report.data) || rememberedMessage(meta.messages, report.messageId, report.data, meta.id) !== last.message) return false;
  if ((report.maxSeverity ? milder(severity, report.maxSeverity) : severity) !== last.severity) return false;
  if (report.fix ? !(last.fix && sameFix(last.fix, by, meta, report.fix, length)) : last.fix !== undefined) return false;
  const suggestions = report.suggestions ?? NO_FIX_REPORTS;
  if (suggestions.length !== last.suggestions.length) return false;
  for (let i = 0; i < suggestions.length; i++) if (!sameFix(last.suggestions[i]!, by, meta, suggestions[i]!, length)) return false;
  const related = report.related ?? NO_RELATED_REPORTS;
  if (related.length !== last.related.length) return false;
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    const l = last.related[i]!;
    // A place in another draft is kept where it is (shiftRelated), one in this draft is moved `by`.
    const moved = l.document === undefined ? by : 0;
    if (!allShort(r.data) || r.document !== l.document || r.span.start !== l.span.start + moved || r.span.end !== l.span.end + moved) return false;
    if (rememberedMessage(meta.messages, r.messageId, r.data, meta.id) !== l.message) return false;
    assertSpan(r.span, r.document === undefined ? length : Number.MAX_SAFE_INTEGER, meta.id);
  }
  const tags = report.tags ?? NO_TAGS;
  if (tags.length !== last.tags.length) return false;
  for (let i = 0; i < tags.length; i++) if (tags[i] !== last.tags[i]) return false;
  if (report.actual !== last.actual || report.note !== last.note) return false;
  if ((report.actual !== undefined && !ownedOutright(report.actual)) || (report.note !== undefined && !ownedOutright(report.note))) return false;
  const expected = report.expected;
  if (expected === undefined || last.expected === undefined) return expected === last.expected;
  if (expected.length !== last.expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (expected[i] !== last.expected[i] || !ownedOutright(expected[i]!)) return false;
  return true;
}

/** A fix of one edit equal to `last` (toFix's checks, in its order); a fix of several edits is made afresh. */
function sameFix(last: Fix, by: number, meta: Check['meta'], f: FixReport<string>, length: number): boolean {
  if (f.edits.length !== 1) return false;
  const edit = f.edits[0]!;
  assertSpan(edit.span, length, meta.id);
  if (edit.span.start !== last.edit.span.start + by || edit.span.end !== last.edit.span.end + by || edit.newText !== last.edit.newText || !ownedOutright(edit.newText)) return false;
  return allShort(f.data) && rememberedMessage(meta.messages, f.messageId, f.data, meta.id) === last.title;
}

/** Whether every value is a copy of its own (see ownedOutright), so a message made of them keeps no draft alive. */
function allShort(data: Readonly<Record<string, string>> | undefined): boolean {
  if (data === undefined) return true;
  for (const name in data) if (!ownedOutright(data[name]!)) return false;
  return true;
}

const NO_FIX_REPORTS: readonly FixReport<string>[] = Object.freeze([]);
const NO_RELATED_REPORTS: NonNullable<Report<string>['related']> = Object.freeze([]);

/**
 * A report's suggestions and related places are arrays made by a loop into `new Array` (holey), as
 * detach and FindingList make theirs: `map` made them packed in the interpreter and holey in
 * optimised code, and a kind toDiagnostic had not met yet threw its machine code away a few
 * keystrokes in ("wrong map" reading `related.length`).
 */
function toFixes(meta: Check['meta'], fixes: readonly FixReport<string>[], text: DraftText, length: number, own: boolean): Fix[] {
  const out = new Array<Fix>(fixes.length);
  for (let i = 0; i < fixes.length; i++) out[i] = toFix(meta, fixes[i]!, text, length, own);
  return out;
}

function toRelatedAll(meta: Check['meta'], related: NonNullable<Report<string>['related']>, length: number, own: boolean): RelatedLocation[] {
  const out = new Array<RelatedLocation>(related.length);
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    out[i] = toRelated(r, own ? ownMessage(meta.messages, r.messageId, r.data, meta.id) : rememberedMessage(meta.messages, r.messageId, r.data, meta.id), length, meta.id);
  }
  return out;
}

/** @param length `text.length` (see toFinding: `text` is read only to merge a fix of several edits). */
function toFix(meta: Check['meta'], f: FixReport<string>, text: DraftText, length: number, own: boolean): Fix {
  for (const e of f.edits) assertSpan(e.span, length, meta.id);
  return { title: own ? ownMessage(meta.messages, f.messageId, f.data, meta.id) : rememberedMessage(meta.messages, f.messageId, f.data, meta.id), edit: mergeEdits(f.edits, meta.id, text) };
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
 * interpolate's answer, the same string as last time for the same template and values: the
 * document-scope rules report again on every keystroke, mostly what they reported on the last,
 * and a message made again is a new string that lives until the next keystroke (promoted: ~140 KB
 * a keystroke on the 4 MB draft), where the one made before is old already. Only messages of
 * short values (copies, never slices of a draft a kept message would keep alive) are remembered.
 */
function rememberedMessage(messages: Readonly<Record<string, string>>, id: string, data: Readonly<Record<string, string>> | undefined, checkId: string): string {
  const template = messages[id];
  const parts = template === undefined ? undefined : compiled.get(template);
  // A template without placeholders is its own message, and one not split yet is met first here.
  if (parts === undefined || data === undefined) return interpolate(messages, id, data, checkId);
  // The values, in the template's order, name the message among the template's others.
  let key = '';
  for (let i = 1; i < parts.length; i += 2) {
    const value = data[parts[i]!];
    if (value === undefined || !ownedOutright(value) || value.includes('\u0001')) return interpolate(messages, id, data, checkId);
    key = i === 1 ? value : key + '\u0001' + value;
  }
  let known = messageMemo.get(template!);
  const found = known?.get(key);
  if (found !== undefined) return found;
  const message = interpolate(messages, id, data, checkId);
  if (remembered >= MESSAGE_MEMO_LIMIT) messageMemo.clear(), (remembered = 0), (known = undefined);
  if (!known) messageMemo.set(template!, (known = new Map()));
  known.set(key, message), remembered++;
  return message;
}

/** Messages by template, then by their values joined (rememberedMessage); all forgotten past MESSAGE_MEMO_LIMIT. */
const messageMemo = new Map<string, Map<string, string>>();
/** Several times the ~2,000 distinct messages of the 4 MB draft's document-scope findings. */
const MESSAGE_MEMO_LIMIT = 20_000;
let remembered = 0;

/**
 * interpolate's answer as a string that shares no storage with the draft, for a finding that is
 * kept (detach). The template is the check's own text, and a value shorter than 13 characters is a
 * copy of its own (ownedOutright): a message made of those is one already, and only a message with
 * a longer value (a slice of the draft, perhaps) takes detached's JSON round trip. Every kept
 * message and fix title took it (~9,000 of a 1 MB first look's ~15,000 round trips), mostly to
 * copy a template or a message around a number or a word.
 */
function ownMessage(messages: Readonly<Record<string, string>>, id: string, data: Readonly<Record<string, string>> | undefined, checkId: string): string {
  const message = interpolate(messages, id, data, checkId);
  // The template itself (asked by its placeholders, not by comparing: values could spell it out).
  if (data === undefined || !messages[id]!.includes('{{')) return message;
  // Every value, used or not: a check's data is a few short strings.
  for (const name in data) if (!ownedOutright(data[name]!)) return detached(message);
  return message;
}

/**
 * Each template split once at its placeholders (literal text at even indices, names at odd):
 * the document-scope rules' findings are made again on every keystroke, and a regular-expression
 * replace with a callback per message cost more than the rest of making them.
 */
const compiled = new Map<string, readonly string[]>();
