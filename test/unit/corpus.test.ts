import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatFor, lintText } from '../../server/src/api';

const root = join(__dirname, '..', '..');
const cleanDir = join(root, 'test/fixtures/corpus/clean');

/**
 * Findings allowed per 1,000 words of neutral, edited wire copy: the false-positive guard. Warnings
 * interrupt a writer, so clean copy must hardly get any; info findings (length, weak cues) a few;
 * hints are advice (write-good's style checks) and are not budgeted here.
 */
const MAX_PER_THOUSAND_WORDS: Readonly<Partial<Record<string, number>>> = { warning: 2, info: 5 };

describe('corpus: neutral wire copy stays (nearly) silent', () => {
  const files = readdirSync(cleanDir).filter((f) => f.endsWith('.txt') || f.endsWith('.md'));
  let words = 0;
  const findings: string[] = [];
  const bySeverity = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(cleanDir, file), 'utf8');
    words += text.split(/\s+/).filter(Boolean).length;
    for (const f of lintText(text, formatFor(file)).findings) {
      const line = `${file}: ${f.checkId}: ${f.message}`;
      findings.push(line);
      // An error is a warning for this budget: both stop the writer.
      const severity = f.severity === 'error' ? 'warning' : f.severity;
      bySeverity.set(severity, [...(bySeverity.get(severity) ?? []), line]);
    }
  }
  for (const [severity, max] of Object.entries(MAX_PER_THOUSAND_WORDS)) {
    it(`at most ${max} ${severity} findings per 1,000 words`, () => {
      assert.ok(words > 700, 'the corpus is big enough to mean something');
      const found = bySeverity.get(severity) ?? [];
      assert.ok((found.length / words) * 1000 <= max!, found.join('\n'));
    });
  }
  it('no duplicate findings at all in distinct paragraphs', () => {
    assert.deepEqual(findings.filter((f) => /duplicate/.test(f)), []);
  });
});

describe('corpus: the seeded example draft', () => {
  it('examples/harbour-vote.md produces the problems it was written to show', () => {
    const text = readFileSync(join(root, 'examples/harbour-vote.md'), 'utf8');
    const ids = lintText(text, 'markdown').findings.map((f) => f.checkId);
    for (const id of ['duplicate-paragraph', 'near-duplicate-paragraph', 'duplicate-sentence', 'loaded-language']) assert.ok(ids.includes(id), id);
  });
});
