/**
 * @file RuleTester for prose: every check test is a table of valid texts and invalid texts with the
 * findings they must produce (by message id and flagged text), the text after all safe fixes, and
 * the texts after each suggestion. This is the only test code that calls the check API.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, fixUntilStable } from '../../server/src/core/fixes';
import { lint } from '../../server/src/core/engine';
import { ParagraphIndex, summarizeDraft } from '../../server/src/core/paragraphIndex';
import { buildSourceText, formatFor, type TextFormat } from '../../server/src/core/text';
import type { Check, Finding } from '../../server/src/core/types';

export interface ValidCase {
  readonly name?: string;
  readonly text: string;
  readonly format?: TextFormat;
  readonly options?: object;
  /** Other drafts of the workspace by name (read as Markdown or plain text by the name), for the checks that compare with them. */
  readonly others?: Readonly<Record<string, string>>;
}

export interface ExpectedFinding {
  readonly messageId: string;
  /** The exact text underlined. */
  readonly flagged: string;
  readonly data?: Readonly<Record<string, string>>;
  /** Whole text after applying each suggestion, in order. */
  readonly suggestions?: readonly string[];
  /** Exact flagged text of each related location (in the other draft, for one that is elsewhere). */
  readonly related?: readonly string[];
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
  /** The text after applying every safe fix; leaving it out asserts there is no safe fix. */
  readonly output?: string;
}

export function runCheck(check: Check, c: ValidCase): Finding[] {
  const view = buildSourceText(c.text, c.format ?? 'plaintext');
  return lint(view, [check], () => ({ enabled: true, severity: check.meta.defaultSeverity, options: c.options ?? {} }), {
    onCheckError: (_id, error) => {
      throw error;
    },
    ...(c.others ? { workspace: workspaceOf(c.others).lookupFor('this draft') } : {}),
  });
}

/** The other drafts indexed as the language server indexes a workspace folder's. */
export function workspaceOf(others: Readonly<Record<string, string>>): ParagraphIndex {
  const index = new ParagraphIndex();
  for (const [name, text] of Object.entries(others)) index.set(name, summarizeDraft(buildSourceText(text, formatFor(name)), name));
  return index;
}

export function testCheck(check: Check, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  describe(check.meta.id, () => {
    for (const raw of cases.valid) {
      const c = typeof raw === 'string' ? { text: raw } : raw;
      it(`valid: ${c.name ?? preview(c.text)}`, () => {
        assert.deepEqual(runCheck(check, c).map(describeFinding(c.text)), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? preview(c.text)}`, () => {
        const findings = runCheck(check, c);
        assert.deepEqual(
          findings.map((f) => ({ messageId: f.messageId, flagged: c.text.slice(f.span.start, f.span.end) })),
          c.findings.map((e) => ({ messageId: e.messageId, flagged: e.flagged })),
        );
        c.findings.forEach((expected, i) => {
          const finding = findings[i]!;
          if (expected.data) assert.match(finding.message, messagePattern(check, expected.messageId, expected.data));
          if (expected.related) assert.deepEqual(finding.related.map((r) => (r.document === undefined ? c.text : (c.others?.[r.document] ?? '')).slice(r.span.start, r.span.end)), expected.related);
          if (expected.suggestions) {
            assert.deepEqual(
              finding.suggestions.map((s) => applyFixes(c.text, [s]).text),
              expected.suggestions,
            );
          }
        });
        const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (c.output === undefined) assert.equal(fixes.length, 0, 'expected no safe fix');
        else {
          // Fix-all's passes, as the editor and the CLI apply them.
          const fixed = fixUntilStable(c.text, (current) => runCheck(check, { ...c, text: current }).flatMap((f) => (f.fix ? [f.fix] : [])));
          assert.equal(fixed.text, c.output);
          assert.equal(applyEdits(c.text, fixed.edits), c.output, 'the edits against the original give the same text');
        }
      });
    }
  });
}

function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  return applyFixes(text, edits.map((edit) => ({ title: '', edit }))).text;
}

/** The message template with the expected data filled in, as an exact pattern. */
function messagePattern(check: Check, messageId: string, data: Readonly<Record<string, string>>): RegExp {
  const template = (check.meta.messages as Record<string, string>)[messageId] ?? '';
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{(\w+)\\\}\\\}/g, (_, name: string) =>
    data[name] === undefined ? '.*' : data[name]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${escaped}$`);
}

function describeFinding(text: string) {
  return (f: Finding) => `${f.messageId}: ${text.slice(f.span.start, f.span.end)}`;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
