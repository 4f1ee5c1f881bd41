/**
 * @file Quick fixes and fix-all as LSP code actions. Every edit is a versioned TextDocumentEdit
 * where the client supports them, so an action computed for an older version of the draft is
 * refused by the editor instead of being applied to text that has since changed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionParams, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fixUntilStable } from '../core/fixes';
import type { Finding, Fix } from '../core/types';
import { sameFinding, toDiagnostic, toRange, toTextEdit, type DiagnosticFeatures } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;

/** A "[source]"-style placeholder in a fix becomes a snippet tab stop where the client takes snippet edits. */
const PLACEHOLDER = /\[(source)\]/;

function snippetEdit(edit: TextEdit): SnippetTextEdit | TextEdit {
  const m = PLACEHOLDER.exec(edit.newText);
  if (!m) return edit;
  const escape = (t: string): string => t.replace(/[$}\\]/g, '\\$&');
  const value = escape(edit.newText.slice(0, m.index)) + `\${1:${m[1]}}` + escape(edit.newText.slice(m.index + m[0].length));
  return { range: edit.range, snippet: { kind: 'snippet', value } };
}

export function versionedEdit(doc: TextDocument, edits: (TextEdit | SnippetTextEdit)[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits.map((e) => ('snippet' in e ? { range: e.range, newText: e.snippet.value } : e)) } };
}

/** Lints a text the way the document was linted; fix-all needs it for its later passes. */
export type Relint = (text: string) => readonly Finding[];

/** Every safe fix as one disjoint edit set against the document (see fixUntilStable). */
export function fixAllEdits(doc: TextDocument, findings: readonly Finding[], relint: Relint, filter: (f: Finding) => boolean = () => true): TextEdit[] {
  let pass = 0;
  const { edits } = fixUntilStable(doc.getText(), (current) =>
    (pass++ === 0 ? findings : relint(current)).filter(filter).flatMap((f) => (f.fix ? [f.fix] : [])),
  );
  return edits.map((e) => ({ range: toRange(doc, e.span), newText: e.newText }));
}

export function codeActions(
  doc: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  features: DiagnosticFeatures & { readonly documentChanges: boolean; readonly snippetEdits?: boolean },
  relint: Relint,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const edit = (fix: Fix): WorkspaceEdit => {
    const plain = toTextEdit(doc, fix);
    return versionedEdit(doc, [features.snippetEdits && features.documentChanges ? snippetEdit(plain) : plain], features.documentChanges);
  };

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findings.find((f) => sameFinding(doc, f, diagnostic));
      if (!finding) continue;
      const diagnostics = [toDiagnostic(doc, finding, features)];
      if (finding.fix) actions.push({ title: finding.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: edit(finding.fix) });
      for (const s of finding.suggestions) actions.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics, edit: edit(s) });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc, findings, relint);
    if (edits.length) actions.push({ title: 'Copydesk: fix all safely fixable problems', kind: FIX_ALL_KIND, edit: versionedEdit(doc, edits, features.documentChanges) });
  }
  return actions;
}
