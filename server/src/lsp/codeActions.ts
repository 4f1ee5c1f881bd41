/**
 * @file Quick fixes and fix-all as LSP code actions. Every edit is a versioned TextDocumentEdit
 * where the client supports them, so an action computed for an older version of the draft is
 * refused by the editor instead of being applied to text that has since changed.
 */
import { applyEdits as applyJsonEdits, modify, parse, type ParseError } from 'jsonc-parser';
import { TextDocument as TextDocumentLib } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FindingList } from '../core/findingList';
import { fixUntilStable } from '../core/fixes';
import type { Finding, Fix } from '../core/types';
import { FIX_ALL_KIND } from './capabilities';
import { otherRange, sameFinding, toDiagnostic, toRange, toTextEdit, type DiagnosticFeatures, type OtherDrafts } from './convert';

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
  findings: readonly Finding[] | FindingList,
  params: CodeActionParams,
  features: DiagnosticFeatures & { readonly documentChanges: boolean; readonly snippetEdits?: boolean },
  relint: Relint,
  suppression?: SuppressionContext,
  navigation?: NavigationContext,
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
      const finding = near(findings, doc.offsetAt(diagnostic.range.start), doc.offsetAt(diagnostic.range.end)).find((f) => sameFinding(doc, f, diagnostic));
      if (!finding) continue;
      const diagnostics = [toDiagnostic(doc, finding, features, navigation?.others)];
      if (finding.fix) actions.push({ title: finding.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics, edit: edit(finding.fix) });
      for (const s of finding.suggestions) actions.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics, edit: edit(s) });
      if (navigation) actions.push(...openOtherActions(finding, diagnostics, navigation));
      if (suppression && finding.checkId !== 'directive') actions.push(...suppressionActions(doc, finding, diagnostics[0]!, suppression, features.documentChanges));
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc, 'within' in findings ? findings.toArray() : findings, relint);
    if (edits.length) actions.push({ title: 'Copydesk: fix all safely fixable problems', kind: FIX_ALL_KIND, edit: versionedEdit(doc, edits, features.documentChanges) });
  }
  return actions;
}

/** The findings touching [start, end]: a draft's list places only those (see FindingList.within). */
export function near(findings: readonly Finding[] | FindingList, start: number, end: number): readonly Finding[] {
  return 'within' in findings ? findings.within(start, end) : findings.filter((f) => f.span.start <= end && f.span.end >= start);
}

/** For findings that point into other drafts (reused-paragraph): where those are, and the client's command that opens one. */
export interface NavigationContext {
  readonly others: OtherDrafts;
  /** Called with the other draft's URI and the range to select; the client says it has it. */
  readonly openCommand: string;
}

/** How many other drafts a finding offers to open: the best matches, not every draft that shares a paragraph. */
const MAX_OPEN_ACTIONS = 3;

/** "Open the other article" for each of the first few other drafts a finding names. */
function openOtherActions(finding: Finding, diagnostics: Diagnostic[], { others, openCommand }: NavigationContext): CodeAction[] {
  const elsewhere = finding.related.filter((r) => r.document !== undefined).slice(0, MAX_OPEN_ACTIONS);
  return elsewhere.flatMap((r) => {
    const range = otherRange(others, r.document!, r.span);
    if (!range) return [];
    const where = `'${others(r.document!)!.name}', line ${range.start.line + 1}`;
    const title = elsewhere.length === 1 ? `Open the other article (${where})` : `Open the other article: ${where}`;
    return [{ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: openCommand, arguments: [r.document, range] } }];
  });
}

/** What the suppression actions need to know beyond the finding. */
export interface SuppressionContext {
  /** The nearest .copydesk.json, its open version (null when not open) and text; or where to create one. */
  readonly config?: { readonly uri: string; readonly version: number | null; readonly text: string; readonly exists: boolean };
  readonly canCreateFiles: boolean;
  /** The client's command behind "Turn off <rule> in settings", when it has one. */
  readonly turnOffCommand?: string;
  /** Rule ids that take an `allow` list. */
  readonly allowing: ReadonlySet<string>;
}

/** "Disable for this line", "Disable in this file", "Allow '<term>' in this workspace", "Turn off in settings". */
export function suppressionActions(doc: TextDocument, finding: Finding, diagnostic: Diagnostic, context: SuppressionContext, documentChanges: boolean): CodeAction[] {
  const id = finding.checkId;
  const text = doc.getText();
  const diagnostics = [diagnostic];
  const actions: CodeAction[] = [];
  // At the end of the finding's first line: a comment there never splits a paragraph, in Markdown or plain text.
  const lineStart = doc.offsetAt({ line: doc.positionAt(finding.span.start).line, character: 0 });
  let lineEnd = text.slice(lineStart).search(/\r?\n|\r/);
  lineEnd = lineEnd < 0 ? text.length : lineStart + lineEnd;
  const insert = (offset: number, newText: string): WorkspaceEdit => versionedEdit(doc, [{ range: { start: doc.positionAt(offset), end: doc.positionAt(offset) }, newText }], documentChanges);
  actions.push({ title: `Disable ${id} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: insert(lineEnd, ` <!-- copydesk-disable-line ${id} -->`) });
  actions.push({ title: `Disable ${id} in this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: insert(afterFrontMatter(text), `<!-- copydesk-disable ${id} -->\n`) });
  const term = finding.actual?.trim();
  const config = context.config;
  if (term && context.allowing.has(id) && config && documentChanges && (config.exists || context.canCreateFiles)) {
    const base = config.exists ? config.text : '{\n}\n';
    const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
    const current = (() => {
      const errors: ParseError[] = [];
      const value = parse(base, errors, { allowTrailingComma: true }) as { allow?: unknown } | undefined;
      return Array.isArray(value?.allow) ? (value.allow as unknown[]) : undefined;
    })();
    const jsonEdits = current ? modify(base, ['allow', current.length], term.toLowerCase(), { formattingOptions, isArrayInsertion: true }) : modify(base, ['allow'], [term.toLowerCase()], { formattingOptions });
    const configDoc = TextDocumentLib.create(config.uri, 'jsonc', 0, base);
    const edits = jsonEdits.map((e) => ({ range: { start: configDoc.positionAt(e.offset), end: configDoc.positionAt(e.offset + e.length) }, newText: e.content }));
    const changes: WorkspaceEdit['documentChanges'] = config.exists
      ? [{ textDocument: { uri: config.uri, version: config.version }, edits }]
      : [
          { kind: 'create', uri: config.uri, options: { ignoreIfExists: true } },
          { textDocument: { uri: config.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: applyJsonEdits(base, jsonEdits) }] },
        ];
    actions.push({ title: `Allow '${term}' in this workspace (.copydesk.json)`, kind: CodeActionKind.QuickFix, diagnostics, edit: { documentChanges: changes } });
  }
  if (context.turnOffCommand) actions.push({ title: `Turn off ${id} in settings`, kind: CodeActionKind.QuickFix, diagnostics, command: { title: `Turn off ${id}`, command: context.turnOffCommand, arguments: [id] } });
  return actions;
}

/** Where a file-wide directive goes: after Markdown front matter, else at the very top. */
function afterFrontMatter(text: string): number {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return text.startsWith('\uFEFF') ? 1 : 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(text.slice(open[0].length));
  return close ? open[0].length + close.index + close[0].length : 0;
}
