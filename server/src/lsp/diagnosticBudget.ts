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
import { findingArray, placed, type FindingList } from '../core/findingList';
import { SEVERITIES, type Finding, type Span } from '../core/types';

/** VS Code's own limit per file (ExtHostDiagnostics._maxDiagnosticsPerFile in 1.100). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export interface Shown {
  /** The findings to send, in the order they came (document order). */
  readonly findings: readonly Finding[];
  /** How many were left out; 0 when everything fits. */
  readonly omitted: number;
}

const TIERS = SEVERITIES.length * FINDING_KINDS.length;

function tierOf(finding: Finding): number {
  return SEVERITIES.indexOf(finding.severity) * FINDING_KINDS.length + FINDING_KINDS.indexOf(kindOf(finding.checkId));
}

/** Characters between a span and the nearest focus span (0 when they touch); without focus, from the start. */
function distance(start: number, end: number, focus: readonly Span[]): number {
  if (!focus.length) return start;
  let best = Infinity;
  for (const f of focus) {
    const d = end < f.start ? f.start - end : start > f.end ? start - f.end : 0;
    if (d < best) best = d;
  }
  return best;
}

/**
 * What fits in `budget` diagnostics (0: no limit), one of them the notice of what was left out.
 * Findings touching the focus (the visible lines) always come first, then whole tiers while they
 * fit, then the nearest of the tier that does not.
 */
export function chooseShown(all: readonly Finding[] | FindingList, budget: number, focus: readonly Span[]): Shown {
  // A draft's list (LintResult.list) is read without placing every finding in the draft: only those sent are.
  const findings = 'toArray' in all ? all : findingArray(all);
  if (budget <= 0 || findings.length <= budget) return { findings: findings.toArray(), omitted: 0 };
  const n = findings.length;
  budget -= 1;
  const tier = new Int8Array(n);
  const near = new Float64Array(n);
  // Tier 0 is "in view", whatever its severity: the lines on screen are never missing a squiggle.
  const counts = new Int32Array(TIERS + 1);
  const { stored, shifts } = findings;
  for (let i = 0; i < n; i++) {
    const f = stored[i]!;
    near[i] = distance(f.span.start + shifts[i]!, f.span.end + shifts[i]!, focus);
    tier[i] = focus.length && near[i] === 0 ? 0 : 1 + tierOf(f);
    counts[tier[i]!]!++;
  }
  let cut = 0;
  let room = budget;
  while (cut <= TIERS && counts[cut]! <= room) room -= counts[cut++]!;
  const keep = new Uint8Array(n);
  const partial: number[] = [];
  for (let i = 0; i < n; i++) {
    if (tier[i]! < cut) keep[i] = 1;
    else if (tier[i] === cut) partial.push(i);
  }
  // Stable: equal distances keep document order, so the choice does not flicker between pulls.
  partial.sort((a, b) => near[a]! - near[b]! || a - b);
  for (let k = 0; k < room; k++) keep[partial[k]!] = 1;
  const shown: Finding[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) shown.push(placed(stored[i]!, shifts[i]!));
  return { findings: shown, omitted: n - shown.length };
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
  const n = (x: number) => x.toLocaleString('en-US');
  return `Copydesk: ${n(omitted)} of this draft's ${n(total)} findings are not shown; the editor shows the most serious first, then those nearest where you are reading or typing. The article report counts them all; copydesk.maxDiagnostics sets how many are shown.`;
}
