/**
 * @file Inline suppression, the way ESLint does it, in comments that Markdown hides and plain text
 * tolerates: `<!-- copydesk-disable [rule …] -->` … `<!-- copydesk-enable [rule …] -->`,
 * `<!-- copydesk-disable-next-line [rule …] -->` and `<!-- copydesk-disable-line [rule …] -->`.
 * No rule list means every rule; rules are separated by spaces or commas, and anything after ` -- `
 * is the writer's reason. The next line is the next line with text on it, so a directive may sit
 * above a Markdown paragraph with a blank line between.
 */
import { nearestId } from './config';
import { compareFindings } from './engine';
import { lineIndexAt } from './lines';
import type { Finding, Offset, Span } from './types';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  readonly kind: DirectiveKind;
  /** The whole comment, `<!--` to `-->`. */
  readonly span: Span;
  /** Empty: every rule. */
  readonly rules: readonly { readonly id: string; readonly span: Span }[];
}

export interface Directives {
  readonly directives: readonly Directive[];
  /** Whether a finding of `checkId` starting at `offset` is switched off by a directive. */
  isSuppressed(checkId: string, offset: Offset): boolean;
  /** Rule names in directives that are not rules, each with its place. */
  readonly unknownRules: readonly { readonly id: string; readonly span: Span }[];
}

const HEAD = /^<!--\s*copydesk-(disable-next-line|disable-line|disable|enable)(?=[\s,]|-->)/u;

/** Finds the directives in `text`; `known` says which rule ids exist. Linear: each comment is scanned once. */
export function parseDirectives(text: string, lineStarts: readonly Offset[], known: ReadonlySet<string>): Directives {
  const directives: Directive[] = [];
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    const end = close + 3;
    const head = HEAD.exec(text.slice(open, Math.min(end, open + 40)));
    if (head) directives.push({ kind: head[1] as DirectiveKind, span: { start: open, end }, rules: ruleList(text, open + head[0].length, close) });
    open = text.indexOf('<!--', end);
  }
  const unknownRules = directives.flatMap((d) => d.rules.filter((r) => !known.has(r.id)));
  return { directives, unknownRules, isSuppressed: suppression(text, lineStarts, directives) };
}

function ruleList(text: string, from: Offset, to: Offset): { id: string; span: Span }[] {
  const body = text.slice(from, to);
  const reasonAt = body.search(/\s--(?:\s|$)/u);
  const list = reasonAt >= 0 ? body.slice(0, reasonAt) : body;
  return [...list.matchAll(/[^\s,]+/gu)].map((m) => ({ id: m[0], span: { start: from + m.index, end: from + m.index + m[0].length } }));
}

function suppression(text: string, lineStarts: readonly Offset[], directives: readonly Directive[]): (checkId: string, offset: Offset) => boolean {
  if (!directives.length) return () => false;
  // Block directives in text order; line directives by the line they switch off.
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lines = new Map<number, Set<string> | 'all'>();
  for (const d of directives) {
    if (d.kind !== 'disable-line' && d.kind !== 'disable-next-line') continue;
    const here = lineIndexAt(lineStarts, d.span.start);
    const line = d.kind === 'disable-line' ? here : nextLineWithText(text, lineStarts, lineIndexAt(lineStarts, d.span.end) + 1);
    if (line === undefined) continue;
    const before = lines.get(line);
    if (!d.rules.length || before === 'all') lines.set(line, 'all');
    else lines.set(line, new Set([...(before ?? []), ...d.rules.map((r) => r.id)]));
  }
  return (checkId, offset) => {
    const onLine = lines.get(lineIndexAt(lineStarts, offset));
    if (onLine === 'all' || onLine?.has(checkId)) return true;
    let off = false;
    for (const d of blocks) {
      if (d.span.start > offset) break;
      if (!d.rules.length || d.rules.some((r) => r.id === checkId)) off = d.kind === 'disable';
    }
    return off;
  };
}

function nextLineWithText(text: string, lineStarts: readonly Offset[], line: number): number | undefined {
  for (let i = line; i < lineStarts.length; i++) {
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    if (/\S/u.test(text.slice(lineStarts[i]!, end))) return i;
  }
  return undefined;
}

/** The id findings about directives carry (a bad rule name in a comment), and its docs page. */
export const DIRECTIVE_ID = 'directive';

/**
 * Drops the findings the text's directives switch off and reports rule names in directives that
 * are not rules (with the nearest real id as a suggestion, since a typo silently suppresses nothing).
 */
export function applyDirectives(findings: readonly Finding[], text: string, lineStarts: readonly Offset[], known: readonly string[]): Finding[] {
  const effect = directiveEffect(text, lineStarts, known);
  if (!effect) return [...findings];
  return [...findings.filter((f) => !effect.isSuppressed(f.checkId, f.span.start)), ...effect.extra].sort(compareFindings);
}

/**
 * What the text's directives do to findings: which they switch off, and the findings about the
 * directives themselves (in text order); undefined when the text has none.
 */
export function directiveEffect(text: string, lineStarts: readonly Offset[], known: readonly string[]): { readonly isSuppressed: Directives['isSuppressed']; readonly extra: readonly Finding[] } | undefined {
  if (!text.includes('copydesk-')) return undefined;
  const parsed = parseDirectives(text, lineStarts, new Set(known));
  const extra: Finding[] = [];
  for (const { id, span } of parsed.unknownRules) {
    const near = nearestId(id, known);
    extra.push({
      checkId: DIRECTIVE_ID,
      messageId: 'unknownRule',
      message: `'${id}' is not a Copydesk rule, so this comment switches nothing off${near ? ` (did you mean '${near}'?)` : ''}.`,
      span,
      severity: 'warning',
      suggestions: near ? [{ title: `Change to '${near}'`, edit: { span, newText: near } }] : [],
      related: [],
      tags: [],
      actual: id,
      ...(near ? { expected: [near] } : {}),
    });
  }
  return { isSuppressed: parsed.isSuppressed, extra: extra.sort(compareFindings) };
}
