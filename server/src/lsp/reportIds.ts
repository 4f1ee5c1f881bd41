/**
 * @file Result ids for pulled diagnostics (LSP 3.17 `textDocument/diagnostic`). A client that names
 * the id of its last report gets `unchanged` when the new items equal it, and keeps what it shows:
 * on a long draft a keystroke in the middle leaves the shown diagnostics (the budget keeps those
 * nearest the writer's focus) mostly as they were, and a full report would send and parse ~0.5 MB
 * of JSON again for nothing. Equality is checked on the items themselves, never assumed from the
 * edit, so a report is only ever called unchanged when it is.
 */
import type { Diagnostic } from 'vscode-languageserver';

export type Report = { readonly kind: 'full'; readonly resultId: string; readonly items: Diagnostic[] } | { readonly kind: 'unchanged'; readonly resultId: string };

export class ReportIds {
  private readonly last = new Map<string, { readonly resultId: string; readonly items: readonly Diagnostic[] }>();
  private next = 0;

  /**
   * The report for `uri`'s new `items`, given the id the client says it holds (if any). An item
   * equal to the last report's at the same place is replaced by that report's object: kept until
   * the next report, a keystroke's 1,000 fresh diagnostics would each outlive a young-generation
   * collection and be copied by it, where only those that changed (around the edit) need be.
   */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): Report {
    const last = this.last.get(uri);
    // Always run: it also freezes the items that are new.
    const same = sameAsLast(last?.items ?? [], items);
    if (last && same && previousResultId === last.resultId) return { kind: 'unchanged', resultId: last.resultId };
    // A new id per full report, never reused, so a stale id from the client never matches.
    const resultId = `${++this.next}`;
    this.last.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/**
 * Whether `items` equal `last`, item by item; each equal item is replaced by the last one's object.
 * The items kept are frozen, deeply: sent again unchanged, the stdio encoder writes them from the
 * JSON it kept (node/messageEncoder.ts), which is only right for an object nothing can change.
 */
function sameAsLast(last: readonly Diagnostic[], items: Diagnostic[]): boolean {
  let same = last.length === items.length;
  for (let i = 0; i < items.length; i++) {
    if (i < last.length && sameJson(last[i], items[i])) items[i] = last[i]!;
    else {
      same = false;
      deepFreeze(items[i]);
    }
  }
  return same;
}

/**
 * Equality of two JSON-shaped values (what a diagnostic is), as the client would read them. Keys
 * are walked with for-in, not Object.keys: a keystroke compares ~1,000 diagnostics of ~5 objects
 * each, and an array of keys per object was ~0.5 MB of garbage per keystroke.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!hasOwn(x, key)) continue;
    keys++;
    if (!hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (hasOwn(y, key)) keys--;
  return keys === 0;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Freezes a JSON-shaped value and everything in it (shared parts already frozen are skipped). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key in value) if (hasOwn(value, key)) deepFreeze((value as Record<string, unknown>)[key]);
}
