/**
 * @file The LSP edge: findings become diagnostics, fixes become text edits and code actions.
 * Positions are LSP's default UTF-16 units, so emoji count two and combining marks count one each;
 * optional diagnostic fields follow the client's capabilities; edits are pinned to the version.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixText, lintText, type Finding } from '../../../server/src/api';
import { shiftFinding } from '../../../server/src/core/findingList';
import { FIX_ALL_KIND } from '../../../server/src/lsp/capabilities';
import { codeActions } from '../../../server/src/lsp/codeActions';
import { sameFinding, toDiagnostic, toRange, toTextEdit, type DiagnosticFeatures, type OtherDrafts } from '../../../server/src/lsp/convert';
import { workspaceOf } from '../../helpers/checkTester';
import { DUPLICATE_RULES, onlyRules } from '../../helpers/onlyRules';

const URI = 'file:///drafts/kelby.txt';
const NONE: DiagnosticFeatures = { codeDescription: false, unnecessaryTag: false, relatedInformation: false };
const ALL: DiagnosticFeatures = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };

function range(line: number, character: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

/** The drafts here are written for the duplicate rules; advice rules added later must not shift them. */
const RULES = onlyRules(...DUPLICATE_RULES);
const lint = (text: string): readonly Finding[] => lintText(text, 'plaintext', { rules: RULES }).findings;

function lintDoc(text: string, version = 1): { doc: TextDocument; findings: readonly Finding[] } {
  return { doc: TextDocument.create(URI, 'plaintext', version, text), findings: lint(text) };
}

// A sentence pasted into a later paragraph (duplicate-sentence, mid-line) and a repeated paragraph.
const FIRST = 'The river rose two metres overnight and the old mill bridge was shut by police before dawn.';
const SENTENCE = 'Residents of Kelby were told to move cars off the river road.';
const SANDBAGS = 'Sandbags 🌊 are handed out at the 🏫 school gates from noon.';
function draft(prefix: string, eol: string): string {
  return ['Flood Warning For Kelby', `${FIRST} ${SENTENCE}`, '', `${prefix} ${SENTENCE}`, '', SANDBAGS, '', SANDBAGS, ''].join(eol);
}

describe('toDiagnostic / toRange: positions in UTF-16 code units', () => {
  const cases: { name: string; prefix: string; eol: string; sentenceStart: number }[] = [
    // 70 characters, 72 UTF-16 units: each 🌊 is a surrogate pair.
    { name: 'emoji before the finding', prefix: 'Storm 🌊🌊 hits Kelby as rain keeps falling on the hills above the town.', eol: '\n', sentenceStart: 73 },
    { name: 'CRLF line ends', prefix: 'Storm clouds gather over Kelby as rain keeps falling on the hills above the town.', eol: '\r\n', sentenceStart: 82 },
    { name: 'lone CR line ends', prefix: 'Storm clouds gather over Kelby as rain keeps falling on the hills above the town.', eol: '\r', sentenceStart: 82 },
    // "Café Néve" with decomposed accents: 76 visible letters, 78 code units.
    { name: 'combining marks', prefix: 'At the Cafe\u0301 Ne\u0301ve, owners said rain kept falling on the hills above the town.', eol: '\n', sentenceStart: 79 },
  ];
  for (const { name, prefix, eol, sentenceStart } of cases) {
    it(name, () => {
      const text = draft(prefix, eol);
      const { doc, findings } = lintDoc(text);
      assert.deepEqual(
        findings.map((f) => {
          const d = toDiagnostic(doc, f, NONE);
          return [d.code, d.range, doc.getText(d.range)];
        }),
        [
          ['duplicate-sentence', range(3, sentenceStart, 3, sentenceStart + 61), SENTENCE],
          // SANDBAGS: 58 characters, two of them emoji, 60 units.
          ['duplicate-paragraph', range(7, 0, 7, 60), SANDBAGS],
        ],
      );
    });
  }

  it('one offset is one UTF-16 position, across an emoji pair and a CRLF', () => {
    const doc = TextDocument.create(URI, 'plaintext', 1, 'Ebb 🌊 tide\r\nKelby quay');
    assert.deepEqual(toRange(doc, { start: 4, end: 6 }), range(0, 4, 0, 6));
    assert.equal(doc.getText(toRange(doc, { start: 4, end: 6 })), '🌊');
    assert.deepEqual(toRange(doc, { start: 11, end: 13 }), range(0, 11, 1, 0));
    assert.deepEqual(toRange(doc, { start: 13, end: 23 }), range(1, 0, 1, 10));
  });

  it('maps severity, source, code and message', () => {
    const { doc, findings } = lintDoc(draft('Storm clouds gather over Kelby as rain keeps falling on the hills above the town.', '\n'));
    const d = toDiagnostic(doc, findings[1]!, NONE);
    assert.deepEqual(d, {
      range: range(7, 0, 7, 60),
      severity: DiagnosticSeverity.Warning,
      source: 'copydesk',
      code: 'duplicate-paragraph',
      message: 'Repeats the paragraph at line 6.',
    });
    const asError = lintText(doc.getText(), 'plaintext', { rules: { ...RULES, 'duplicate-paragraph': 'error', 'duplicate-sentence': 'hint' } }).findings;
    assert.deepEqual(
      asError.map((f) => toDiagnostic(doc, f, NONE).severity),
      [DiagnosticSeverity.Hint, DiagnosticSeverity.Error],
    );
  });
});

describe('toDiagnostic: optional fields only for clients that advertise them', () => {
  const text = draft('Storm clouds gather over Kelby as rain keeps falling on the hills above the town.', '\r\n');
  const { doc, findings } = lintDoc(text);
  const repeat = findings.find((f) => f.checkId === 'duplicate-paragraph')!;
  const optional = (d: Diagnostic): Partial<Diagnostic> => ({
    ...('codeDescription' in d ? { codeDescription: d.codeDescription } : {}),
    ...('tags' in d ? { tags: d.tags } : {}),
    ...('relatedInformation' in d ? { relatedInformation: d.relatedInformation } : {}),
  });
  const codeDescription = { href: 'https://github.com/copydesk/copydesk/blob/main/docs/rules/duplicate-paragraph.md' };
  const relatedInformation = [{ location: { uri: URI, range: range(5, 0, 5, 60) }, message: 'First copy of this paragraph.' }];
  const cases: { features: DiagnosticFeatures; expected: Partial<Diagnostic> }[] = [
    { features: NONE, expected: {} },
    { features: { ...NONE, codeDescription: true }, expected: { codeDescription } },
    { features: { ...NONE, unnecessaryTag: true }, expected: { tags: [DiagnosticTag.Unnecessary] } },
    { features: { ...NONE, relatedInformation: true }, expected: { relatedInformation } },
    { features: ALL, expected: { codeDescription, tags: [DiagnosticTag.Unnecessary], relatedInformation } },
  ];
  for (const { features, expected } of cases) {
    const on = Object.entries(features).flatMap(([k, v]) => (v ? [k] : []));
    it(`client supports: ${on.join(', ') || 'none of them'}`, () => {
      assert.deepEqual(optional(toDiagnostic(doc, repeat, features)), expected);
    });
  }

  it('no Unnecessary tag for a finding that is not redundant text (a near-duplicate is a choice)', () => {
    const a = 'Passengers who work late shifts at the fish market say they will have to drive round the bay.';
    const b = 'Passengers who work late shifts at the fish market say they will now have to drive all the way round the bay.';
    const near = lintDoc(`${a}\n\n${b}\n`);
    const [finding] = near.findings;
    assert.equal(finding?.checkId, 'near-duplicate-paragraph');
    const d = toDiagnostic(near.doc, finding!, ALL);
    assert.equal('tags' in d, false);
    assert.deepEqual(d.relatedInformation, [{ location: { uri: URI, range: range(0, 0, 0, a.length) }, message: 'The other version (88% the same).' }]);
  });
});

describe('toDiagnostic of a finding kept relative to its paragraph', () => {
  const text = draft('Storm clouds gather over Kelby as rain keeps falling on the hills above the town.', '\r\n');
  const { doc, findings } = lintDoc(text);
  const repeat = findings.find((f) => f.checkId === 'duplicate-paragraph')!;
  // As a FindingList keeps it: relative to a paragraph starting `by` characters into the draft.
  for (const by of [0, 7, repeat.related[0]!.span.start]) {
    it(`placed by ${by}: the diagnostic of the finding placed first`, () => {
      const kept = shiftFinding(repeat, -by);
      assert.deepEqual(toDiagnostic(doc, kept, ALL, undefined, by), toDiagnostic(doc, repeat, ALL));
    });
  }
});

describe('sameFinding', () => {
  const { doc, findings } = lintDoc(draft('Storm 🌊🌊 hits Kelby as rain keeps falling on the hills above the town.', '\r\n'));
  const finding = findings[0]!;
  const own = toDiagnostic(doc, finding, ALL);

  it('recognises the diagnostic the finding produced, also after a JSON round trip', () => {
    assert.equal(sameFinding(doc, finding, own), true);
    assert.equal(sameFinding(doc, finding, JSON.parse(JSON.stringify(toDiagnostic(doc, finding, NONE))) as Diagnostic), true);
  });

  const shift = (p: { line: number; character: number }, by: number): { line: number; character: number } => ({ line: p.line, character: p.character + by });
  const others: [string, Diagnostic][] = [
    ['another rule', { ...own, code: 'duplicate-paragraph' }],
    ['another source', { ...own, source: 'cspell' }],
    ['no source', { range: own.range, code: own.code!, message: own.message }],
    ['start one unit off (half an emoji pair)', { ...own, range: { start: shift(own.range.start, -1), end: own.range.end } }],
    ['end one unit short', { ...own, range: { start: own.range.start, end: shift(own.range.end, -1) } }],
    ['the same rule elsewhere', toDiagnostic(doc, findings[1]!, ALL)],
  ];
  for (const [name, diagnostic] of others) {
    it(`rejects ${name}`, () => assert.equal(sameFinding(doc, finding, diagnostic), false));
  }

  it('rejects a diagnostic from before an edit moved the text', () => {
    // Same line, so only the character offsets tell the old diagnostic from the new one.
    const edited = TextDocument.update(doc, [{ range: range(3, 0, 3, 0), text: 'UPDATE: ' }], 2);
    const refreshed = lint(edited.getText())[0]!;
    assert.equal(sameFinding(edited, refreshed, own), false);
    assert.equal(sameFinding(edited, refreshed, toDiagnostic(edited, refreshed, ALL)), true);
  });
});

describe('toTextEdit', () => {
  it('turns a removal into an LSP edit that leaves no half line break (CRLF)', () => {
    const text = draft('Storm clouds gather over Kelby as rain keeps falling on the hills above the town.', '\r\n');
    const { doc, findings } = lintDoc(text);
    const repeat = findings.find((f) => f.checkId === 'duplicate-paragraph')!;
    const edit = toTextEdit(doc, repeat.fix!);
    assert.deepEqual(edit, { range: toRange(doc, repeat.fix!.edit.span), newText: '' });
    assert.equal(TextDocument.applyEdits(doc, [edit]), text.slice(0, -(`\r\n\r\n${SANDBAGS}`.length + 2)) + '\r\n');
  });

  it('keeps a replacement text as it is', () => {
    const doc = TextDocument.create(URI, 'plaintext', 1, 'Kelby 🌊 quay\nopens');
    assert.deepEqual(toTextEdit(doc, { title: 'x', edit: { span: { start: 6, end: 8 }, newText: '⛵' } }), { range: range(0, 6, 0, 8), newText: '⛵' });
  });
});

describe('codeActions', () => {
  const H = 'Dunmore Ferry To Stop Night Crossings';
  const P1 = 'The Dunmore ferry will stop running at night from May, the harbour board said on Monday.';
  const P2 = 'Skipper Owen Hale said crews were told at a meeting on the quay before the announcement.';
  const P3 = 'Passengers who work late shifts at the fish market say they will have to drive round the bay.';
  const P4 = 'The board says the night crossings lose money in every month except August.';
  const P5 = 'Passengers who work late shifts at the fish market say they will now have to drive all the way round the bay.';
  // P1 and P2 come back as a run of two; P5 is an edited version of P3.
  const text = [H, '', P1, '', P2, '', P3, '', P1, '', P2, '', P4, '', P5, ''].join('\n');
  const VERSION = 7;
  const { doc, findings } = lintDoc(text, VERSION);
  const relint = lint;
  const versioned = { ...ALL, documentChanges: true };
  const diagnostics = findings.map((f) => toDiagnostic(doc, f, ALL));

  function params(diags: Diagnostic[], only?: string[]): CodeActionParams {
    return { textDocument: { uri: URI }, range: diags[0]?.range ?? range(0, 0, 0, 0), context: { diagnostics: diags, ...(only ? { only } : {}) } };
  }
  /** The edits of a versioned edit for this document, checking the version on the way. */
  function editsOf(edit: WorkspaceEdit | undefined, version = VERSION): TextEdit[] {
    assert.deepEqual(Object.keys(edit ?? {}), ['documentChanges']);
    const [change, ...rest] = edit!.documentChanges as TextDocumentEdit[];
    assert.equal(rest.length, 0);
    assert.deepEqual(change!.textDocument, { uri: URI, version });
    return change!.edits as TextEdit[];
  }
  const apply = (edits: TextEdit[]): string => TextDocument.applyEdits(doc, edits);
  const summary = (actions: CodeAction[]): [string, string | undefined, boolean | undefined][] => actions.map((a) => [a.title, a.kind, a.isPreferred]);

  it('the fixture has what the tests need', () => {
    assert.deepEqual(
      findings.map((f) => [f.checkId, text.slice(f.span.start, f.span.end)]),
      [
        ['duplicate-paragraph', P1],
        ['duplicate-paragraph', P2],
        ['near-duplicate-paragraph', P5],
      ],
    );
  });

  it('a repeat in a run: the preferred quick fix removes it, a suggestion removes the whole block', () => {
    const actions = codeActions(doc, findings, params([diagnostics[0]!], [CodeActionKind.QuickFix]), versioned, relint);
    assert.deepEqual(summary(actions), [
      ['Remove duplicate paragraph', CodeActionKind.QuickFix, true],
      ['Remove duplicated block (2 paragraphs)', CodeActionKind.QuickFix, undefined],
    ]);
    for (const a of actions) assert.deepEqual(a.diagnostics, [diagnostics[0]]);
    assert.equal(apply(editsOf(actions[0]!.edit)), [H, '', P1, '', P2, '', P3, '', P2, '', P4, '', P5, ''].join('\n'));
    assert.equal(apply(editsOf(actions[1]!.edit)), [H, '', P1, '', P2, '', P3, '', P4, '', P5, ''].join('\n'));
  });

  it('suggestions alone (a near-duplicate) are never preferred', () => {
    const actions = codeActions(doc, findings, params([diagnostics[2]!], [CodeActionKind.QuickFix]), versioned, relint);
    assert.deepEqual(summary(actions), [
      ['Remove this version', CodeActionKind.QuickFix, undefined],
      ['Keep this version, remove the earlier one', CodeActionKind.QuickFix, undefined],
    ]);
    assert.equal(apply(editsOf(actions[0]!.edit)), [H, '', P1, '', P2, '', P3, '', P1, '', P2, '', P4, ''].join('\n'));
    assert.equal(apply(editsOf(actions[1]!.edit)), [H, '', P1, '', P2, '', P1, '', P2, '', P4, '', P5, ''].join('\n'));
  });

  it('fix-all: safe fixes only, as disjoint edits, giving what the CLI --fix gives', () => {
    const actions = codeActions(doc, findings, params([], [FIX_ALL_KIND]), versioned, relint);
    assert.deepEqual(summary(actions), [['Copydesk: fix all safely fixable problems', 'source.fixAll.copydesk', undefined]]);
    assert.equal(actions[0]!.diagnostics, undefined);
    const edits = editsOf(actions[0]!.edit);
    const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]![1] <= spans[i]![0], `edits ${i - 1} and ${i} overlap: ${JSON.stringify(spans)}`);
    const fixed = [H, '', P1, '', P2, '', P3, '', P4, '', P5, ''].join('\n');
    assert.equal(apply(edits), fixed);
    assert.equal(fixText(text, 'plaintext').text, fixed);
  });

  it('fix-all where neighbouring removals claim the same line break still gives disjoint edits', () => {
    // Two copies on adjacent lines: the first takes the break after it, the second the break before it.
    const t = [H, '', P1, P2, '', P4, '', P1, P2, '', P3, ''].join('\n');
    const d = TextDocument.create(URI, 'plaintext', 3, t);
    const [action] = codeActions(d, relint(t), params([], [FIX_ALL_KIND]), versioned, relint);
    const edits = editsOf(action?.edit, 3);
    const spans = edits.map((e) => [d.offsetAt(e.range.start), d.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]![1] <= spans[i]![0], `edits overlap: ${JSON.stringify(spans)}`);
    assert.equal(TextDocument.applyEdits(d, edits), [H, '', P1, P2, '', P4, '', P3, ''].join('\n'));
  });

  it('plain `changes` for clients without documentChanges', () => {
    const [preferred] = codeActions(doc, findings, params([diagnostics[1]!], [CodeActionKind.QuickFix]), { ...ALL, documentChanges: false }, relint);
    assert.deepEqual(Object.keys(preferred!.edit!), ['changes']);
    const edits = preferred!.edit!.changes![URI]!;
    assert.deepEqual(Object.keys(preferred!.edit!.changes!), [URI]);
    assert.equal(apply(edits), [H, '', P1, '', P2, '', P3, '', P1, '', P4, '', P5, ''].join('\n'));
  });

  it('the version in the edit is the version the findings were computed for', () => {
    const later = TextDocument.create(URI, 'plaintext', 12, text);
    const [action] = codeActions(later, findings, params([diagnostics[0]!], [CodeActionKind.QuickFix]), versioned, relint);
    editsOf(action!.edit, 12);
  });

  const onlyCases: { only: string[] | undefined; kinds: string[] }[] = [
    { only: undefined, kinds: ['quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'source.fixAll.copydesk'] },
    { only: [CodeActionKind.QuickFix], kinds: ['quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix'] },
    { only: [CodeActionKind.SourceFixAll], kinds: ['source.fixAll.copydesk'] },
    { only: [CodeActionKind.Source], kinds: ['source.fixAll.copydesk'] },
    { only: [FIX_ALL_KIND], kinds: ['source.fixAll.copydesk'] },
    { only: ['source.fixAll.eslint'], kinds: [] },
    { only: [CodeActionKind.Refactor, CodeActionKind.SourceOrganizeImports], kinds: [] },
    { only: [CodeActionKind.Refactor, CodeActionKind.QuickFix], kinds: ['quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix'] },
  ];
  for (const { only, kinds } of onlyCases) {
    it(`context.only ${JSON.stringify(only)} → ${kinds.length} actions`, () => {
      const actions = codeActions(doc, findings, params(diagnostics, only), versioned, relint);
      assert.deepEqual(actions.map((a) => a.kind), kinds);
    });
  }

  it('no quick fix for diagnostics that are not ours or no longer match', () => {
    const foreign = { ...diagnostics[0]!, source: 'cspell' };
    const moved = { ...diagnostics[0]!, range: range(2, 0, 2, P1.length) };
    assert.deepEqual(codeActions(doc, findings, params([foreign, moved], [CodeActionKind.QuickFix]), versioned, relint), []);
  });

  it('nothing to fix: no fix-all action at all', () => {
    const clean = [H, '', P1, ''].join('\n');
    const d = TextDocument.create(URI, 'plaintext', 1, clean);
    assert.deepEqual(codeActions(d, relint(clean), params([]), versioned, relint), []);
  });
});

describe('codeActions: the insert-attribution placeholder', () => {
  const text = 'Residents are eager to see work begin.';
  const doc = TextDocument.create(URI, 'plaintext', 3, text);
  const findings = lintText(text, 'plaintext').findings;
  const diagnostics = findings.map((f) => toDiagnostic(doc, f, ALL));
  const params = { textDocument: { uri: URI }, range: diagnostics[0]!.range, context: { diagnostics } };
  const insert = (snippetEdits: boolean) =>
    codeActions(doc, findings, params, { ...ALL, documentChanges: true, snippetEdits }, () => []).find((a) => a.title.startsWith('Insert attribution'));

  it('is a snippet with the source selected where the client takes snippet edits', () => {
    const edit = insert(true)?.edit?.documentChanges?.[0];
    assert.deepEqual(edit && 'edits' in edit ? edit.edits : undefined, [
      { range: { start: { line: 0, character: 37 }, end: { line: 0, character: 37 } }, snippet: { kind: 'snippet', value: ', according to ${1:source}' } },
    ]);
  });
  it('is plain text with [source] otherwise', () => {
    const edit = insert(false)?.edit?.documentChanges?.[0];
    assert.deepEqual(edit && 'edits' in edit ? edit.edits : undefined, [
      { range: { start: { line: 0, character: 37 }, end: { line: 0, character: 37 } }, newText: ', according to [source]' },
    ]);
  });
});

describe('reused-paragraph: locations in other drafts', () => {
  const SHARED = 'Sandbags 🌊 are handed out at the 🏫 school gates from noon, the council said on Friday.';
  const OTHER_URI = 'file:///drafts/kelby-v1.txt';
  // The other draft has CRLF line ends and an emoji before the shared paragraph, so its range is in UTF-16 units per line.
  const otherText = ['Flood Warning For Kelby 🌊', 'The river rose two metres overnight and the bridge was shut by police.', '', SHARED, ''].join('\r\n');
  const index = workspaceOf({ [OTHER_URI]: otherText });
  const others: OtherDrafts = (id) => index.summaryOf(id);
  const text = `Kelby braces for more rain\n\n${SHARED}\n`;
  const doc = TextDocument.create(URI, 'plaintext', 3, text);
  const findings = lintText(text, 'plaintext', { rules: onlyRules('reused-paragraph') }, { workspace: index.lookupFor(URI) }).findings;
  const otherRange = range(3, 0, 3, SHARED.length);

  it('the finding names the other draft and points into it', () => {
    assert.deepEqual(findings.map((f) => [f.checkId, text.slice(f.span.start, f.span.end), f.related.map((r) => r.document)]), [['reused-paragraph', SHARED, [OTHER_URI]]]);
  });

  it('relatedInformation carries the other draft’s URI and its range, from the index’s line starts', () => {
    const d = toDiagnostic(doc, findings[0]!, ALL, others);
    assert.deepEqual(d.relatedInformation, [{ location: { uri: OTHER_URI, range: otherRange }, message: `The same paragraph in '${OTHER_URI}'.` }]);
    assert.equal(TextDocument.create(OTHER_URI, 'plaintext', 1, otherText).getText(otherRange), SHARED);
  });

  it('a location in a draft the index no longer has is left out, never pointed at this draft', () => {
    const d = toDiagnostic(doc, findings[0]!, ALL, () => undefined);
    assert.equal('relatedInformation' in d, false);
    assert.equal('relatedInformation' in toDiagnostic(doc, findings[0]!, ALL), false);
  });

  it('"Open the other article" runs the client’s command with the other draft and the range to select', () => {
    const diagnostic = toDiagnostic(doc, findings[0]!, ALL, others);
    const navigation = { others, openCommand: 'copydesk.openOtherArticle' };
    const actions = codeActions(doc, findings, { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { ...ALL, documentChanges: true }, lint, undefined, navigation);
    const title = `Open the other article ('${OTHER_URI}', line 4)`;
    assert.deepEqual(actions, [{ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: 'copydesk.openOtherArticle', arguments: [OTHER_URI, otherRange] } }]);
  });

  it('no such action for a client without the command', () => {
    const diagnostic = toDiagnostic(doc, findings[0]!, ALL, others);
    assert.deepEqual(codeActions(doc, findings, { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { ...ALL, documentChanges: true }, lint), []);
  });
});
