/**
 * @file Hover on a finding: why it matters and what to do, beyond the one-line message the editor
 * already shows: the rule's purpose, the finding's note, the alternatives, and the rule's page.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { docsUrlFor } from '../core/defineCheck';
import type { Check, Finding } from '../core/types';
import type { FindingList } from '../core/findingList';
import { near } from './codeActions';
import { toRange } from './convert';

export function hoverFor(doc: TextDocument, findings: readonly Finding[] | FindingList, position: Position, checks: readonly Check[], markdown: boolean): Hover | null {
  const offset = doc.offsetAt(position);
  const here = near(findings, offset, offset).filter((f) => f.span.start <= offset && offset < Math.max(f.span.end, f.span.start + 1));
  if (!here.length) return null;
  const byId = new Map(checks.map((c) => [c.meta.id, c]));
  const sections = here.map((f) => {
    const description = byId.get(f.checkId)?.meta.description;
    const alternatives = (f.expected ?? []).filter((e) => e !== '').map((e) => `'${e}'`);
    const lines = [
      markdown ? `**Copydesk · ${f.checkId}**${description ? ` — ${description}` : ''}` : `Copydesk · ${f.checkId}${description ? `: ${description}` : ''}`,
      ...(f.note ? [f.note] : []),
      ...(alternatives.length ? [`Alternatives: ${alternatives.join(', ')}${f.expected?.includes('') ? ', or cut it' : ''}.`] : []),
      markdown ? `[Why it matters and what to do](${docsUrlFor(f.checkId)})` : `More: ${docsUrlFor(f.checkId)}`,
    ];
    return lines.join('\n\n');
  });
  const first = here[0]!;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: sections.join(markdown ? '\n\n---\n\n' : '\n\n') },
    range: toRange(doc, first.span),
  };
}
