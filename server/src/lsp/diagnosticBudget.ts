/**
 * @file Which findings a long draft's diagnostics carry. VS Code shows at most 1,000 diagnostics
 * per file (its extension host keeps the first 1,000 by severity, in the order sent, and drops the
 * rest), yet a 4 MB manuscript has about 27,000 findings: 9 MB of JSON written, read and mostly
 * discarded on every keystroke, and the ones kept are simply the first in the draft, not the ones
 * the writer is looking at. So the server keeps to the budget itself and chooses: the most serious
 * first (severity, then the copy desk's main kinds before style), and within a tier those nearest
 * where the writer is looking or typing. Everything still counts in the status bar and the article
 * report, and fix-all still fixes every finding.
 */
import { kindOf, FINDING_KINDS } from '../core/report';
import { codeInfo, findingArray, placed, type FindingList } from '../core/findingList';
import { SEVERITIES, type Finding, type Span } from '../core/types';

/** VS Code's own limit per file (ExtHostDiagnostics._maxDiagnosticsPerFile in 1.100). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export interface Shown {
  /** The findings to send, in the order they came (document order), placed in the draft. */
  readonly findings: readonly Finding[];
  /**
   * The same findings as they are kept (`stored[i]` placed by `shifts[i]`): what the server converts,
   * without a placed copy of each paragraph's finding after the edit on every keystroke.
   */
  readonly stored: readonly Finding[];
  readonly shifts: readonly number[];
  /** How many were left out; 0 when everything fits. */
  readonly omitted: number;
}

/** Findings placed already (shift 0). */
function allPlaced(findings: readonly Finding[]): Shown {
  return { findings, stored: findings, shifts: new Array<number>(findings.length).fill(0), omitted: 0 };
}

/** The chosen findings as kept; placed in the draft only if someone reads `findings`. */
function chosen(stored: readonly Finding[], shifts: readonly number[], omitted: number): Shown {
  let findings: readonly Finding[] | undefined;
  return {
    get findings() {
      return (findings ??= stored.map((f, i) => placed(f, shifts[i]!)));
    },
    stored,
    shifts,
    omitted,
  };
}

const TIERS = SEVERITIES.length * FINDING_KINDS.length;

/** Each finding code's tier (FindingList.codes: rule and severity), worked out once per code, not once per finding per keystroke. */
const tierByCode: number[] = [];

function tierOf(code: number): number {
  let tier = tierByCode[code];
  if (tier === undefined) {
    const { checkId, severity } = codeInfo(code);
    tierByCode[code] = tier = SEVERITIES.indexOf(severity) * FINDING_KINDS.length + FINDING_KINDS.indexOf(kindOf(checkId));
  }
  return tier;
}

/**
 * Without focus, distance is from the start of the draft: a focus at offset 0 measures exactly that,
 * so a draft's open (no focus yet) runs the same loop as its keystrokes, and the machine code the
 * open's pass over 27,000 findings leaves behind is not thrown away at the first keystroke.
 */
const ORIGIN: readonly Span[] = [{ start: 0, end: 0 }];

/** Further than any span can be from a focus. */
const FAR = 0x7fffffff;

/**
 * Characters between a span and the nearest focus span (0 when they touch). Always a small
 * integer (a draft is far shorter than 2^31 characters; `focus` is never empty): a double here
 * (Infinity to start from, or a Float64Array's element) deoptimised chooseShown on each of the
 * first keystrokes ("not a Smi"), every time it was compiled again. Both differences are taken
 * whichever side the span is on: the open's focus at offset 0 has no span before it, so a
 * subtraction made only for spans before the focus had never run when the open's pass was
 * compiled, and the first keystroke threw that code away ("insufficient type feedback", ~60 ms).
 */
function distance(start: number, end: number, focus: readonly Span[]): number {
  let best = FAR;
  for (const f of focus) {
    const before = f.start - end;
    const after = start - f.end;
    const d = before > 0 ? before : after > 0 ? after : 0;
    if (d < best) best = d;
  }
  return best;
}

/**
 * Per-finding scratch kept from one pull to the next: a 4 MB draft has 27,000 findings, and
 * fresh arrays of that size every keystroke cost page faults and garbage collection.
 */
let tiers = new Uint8Array(0);
let nears = new Int32Array(0);

/**
 * What fits in `budget` diagnostics (0: no limit), one of them the notice of what was left out.
 * Findings touching the focus (the visible lines) always come first, then whole tiers while they
 * fit, then the nearest of the tier that does not (ties in document order).
 *
 * Each pass over every finding is a function of its own, with nothing after its loop. V8 compiles
 * a long loop's code while the open runs it (on-stack replacement) and enters that same code at
 * every keystroke; when it deoptimises outside the loop it was compiled for, V8 keeps it, so a
 * later pass in the same function that had no type feedback yet when the open's code was compiled
 * threw it away on every keystroke (a comparison after the first pass: the rest in the interpreter,
 * ~27,000 findings on a 4 MB draft). This function runs once per pull and is never hot.
 */
export function chooseShown(all: readonly Finding[] | FindingList, budget: number, focus: readonly Span[]): Shown {
  // A draft's list (LintResult.list) is read without placing every finding in the draft: only those sent are.
  const findings = 'toArray' in all ? all : findingArray(all);
  if (budget <= 0 || findings.length <= budget) return allPlaced(findings.toArray());
  const n = findings.length;
  budget -= 1;
  if (tiers.length < n) tiers = new Uint8Array(n + (n >> 2));
  // Tier 0 is "in view", whatever its severity: the lines on screen are never missing a squiggle.
  const counts = new Int32Array(TIERS + 1);
  // The list's flat keys, not the findings: this runs over every finding on every keystroke.
  const { stored, shifts, spans, codes } = findings;
  // The open has no focus and measures from the start; a keystroke has one (see ORIGIN).
  const inView = focus.length !== 0;
  const near = inView ? focus : ORIGIN;
  tierEach(spans, codes, n, near, inView, counts);
  let cut = 0;
  let room = budget;
  while (cut <= TIERS && counts[cut]! <= room) room -= counts[cut++]!;
  // Of the tier that does not fit, the `room` nearest: those nearer than the room-th nearest
  // distance, then as many at that distance as are left, in document order (what a stable sort by
  // distance would take), found by selection rather than by sorting the whole tier.
  let threshold = -1;
  let ties = 0;
  if (room > 0) {
    const m = counts[cut]!;
    if (nears.length < m) nears = new Int32Array(m + (m >> 2));
    distancesOf(spans, n, near, cut);
    threshold = nthSmallest(nears, m, room - 1);
    ties = room - countBelow(nears, m, threshold);
  }
  // Exactly `budget` are taken: every finding of the tiers before `cut`, and `room` of it.
  // Born holey with any element, a kind no store changes: a literal [] became another kind at its
  // first push, which the open's pass had made before it had type feedback ("wrong map" at the first keystroke).
  const shown = new Array<Finding | undefined>(budget).fill(undefined) as Finding[];
  const by = new Array<number>(budget).fill(0);
  const taken = pick(stored, shifts, spans, n, near, cut, threshold, ties, shown, by);
  shown.length = by.length = taken;
  return chosen(shown, by, n - taken);
}

/**
 * Each finding's tier into `tiers`, counted in `counts`. `inView` is read, not `focus.length`:
 * the open (no focus) never reached that read, and its code threw away at the first keystroke's
 * findings in view ("insufficient type feedback"); a boolean needs none.
 */
function tierEach(spans: Int32Array, codes: ArrayLike<number>, n: number, near: readonly Span[], inView: boolean, counts: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const tier = distance(spans[2 * i]!, spans[2 * i + 1]!, near) === 0 && inView ? 0 : 1 + tierOf(codes[i]!);
    tiers[i] = tier;
    counts[tier]!++;
  }
}

/** The distances of tier `cut`'s findings into `nears`, in document order. */
function distancesOf(spans: Int32Array, n: number, near: readonly Span[], cut: number): void {
  let k = 0;
  for (let i = 0; i < n; i++) if (tiers[i] === cut) nears[k++] = distance(spans[2 * i]!, spans[2 * i + 1]!, near);
}

/** How many of `values[0..length)` are below `threshold` (added every time: no step the open may have skipped). */
function countBelow(values: Int32Array, length: number, threshold: number): number {
  let below = 0;
  for (let j = 0; j < length; j++) below += values[j]! < threshold ? 1 : 0;
  return below;
}

/**
 * Writes the chosen findings (tiers before `cut`, and of `cut` those nearer than `threshold` and
 * the first `ties` at it) into `shown` and `by`; returns how many. `ties` is counted down at every
 * finding of the tier, not only at a tie: the open's pass may meet its one tie before it has type
 * feedback, and a keystroke's would then throw its code away.
 */
function pick(stored: readonly Finding[], shifts: ArrayLike<number>, spans: Int32Array, n: number, near: readonly Span[], cut: number, threshold: number, ties: number, shown: Finding[], by: number[]): number {
  let taken = 0;
  for (let i = 0; i < n; i++) {
    const tier = tiers[i]!;
    if (tier > cut) continue;
    if (tier === cut) {
      const d = distance(spans[2 * i]!, spans[2 * i + 1]!, near);
      const tie = d === threshold;
      ties -= tie ? 1 : 0;
      if (d > threshold || (ties < 0 && tie)) continue;
    }
    shown[taken] = stored[i]!;
    by[taken] = shifts[i]!;
    taken++;
  }
  return taken;
}

/** The value that would be at `index` if `values[0..length)` were sorted (they are reordered: Hoare's selection). */
function nthSmallest(values: Int32Array, length: number, index: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (index <= j) hi = j;
    else if (index >= i) lo = i;
    else return values[index]!;
  }
  return values[index]!;
}

/** Where the writer is in each open draft: the lines on screen (VS Code tells) and the last edit. */
export class Focus {
  private readonly visible = new Map<string, readonly Span[]>();
  private readonly edited = new Map<string, Span>();

  /** Replaces the visible spans; true when they changed. */
  setVisible(uri: string, spans: readonly Span[]): boolean {
    const old = this.visible.get(uri);
    this.visible.set(uri, spans);
    return !old || old.length !== spans.length || old.some((s, i) => s.start !== spans[i]!.start || s.end !== spans[i]!.end);
  }

  setEdited(uri: string, span: Span): void {
    this.edited.set(uri, span);
  }

  of(uri: string): readonly Span[] {
    const edited = this.edited.get(uri);
    return [...(this.visible.get(uri) ?? []), ...(edited ? [edited] : [])];
  }

  forget(uri: string): void {
    this.visible.delete(uri);
    this.edited.delete(uri);
  }
}

/** The notice that stands for the findings left out, worded for the Problems panel. */
export function omittedMessage(omitted: number, total: number): string {
  const n = grouped;
  return `Copydesk: ${n(omitted)} of this draft's ${n(total)} findings are not shown; the editor shows the most serious first, then those nearest where you are reading or typing. The article report counts them all; copydesk.maxDiagnostics sets how many are shown.`;
}

/**
 * A count with commas between thousands, as toLocaleString('en-US') writes it: the first call of
 * that loads the locale's data, 25–40 ms of a long draft's first diagnostics, for two numbers.
 */
export function grouped(count: number): string {
  const digits = String(count);
  if (!Number.isSafeInteger(count) || count < 0) return count.toLocaleString('en-US');
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
