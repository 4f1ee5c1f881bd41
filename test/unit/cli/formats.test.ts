/**
 * @file The CI formats (`--format sarif|github|checkstyle|junit`): SARIF validated against the
 * SARIF 2.1.0 schema, columns in UTF-16 code units, paths relative to the working directory, and
 * the escaping each format needs, on findings made up to hold every awkward character.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { checks } from '../../../server/src/checks';
import { formatCheckstyle } from '../../../server/src/cli/formats/checkstyle';
import { data, formatGithub, property } from '../../../server/src/cli/formats/github';
import { formatJunit } from '../../../server/src/cli/formats/junit';
import { formatSarif } from '../../../server/src/cli/formats/sarif';
import type { FileReport, FormatContext } from '../../../server/src/cli/formats/shared';
import { xmlText } from '../../../server/src/cli/formats/xml';
import type { Finding, Severity } from '../../../server/src/core/types';
import { runCli, tempTree } from '../../helpers/runCli';

// The SARIF 2.1.0 schema (draft-04) as Microsoft's SARIF SDK ships it in @microsoft/jest-sarif.
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only a non-Unicode RegExp accepts.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

function finding(checkId: string, severity: Severity, message: string, start: number, end: number, related: Finding['related'] = []): Finding {
  return { checkId, messageId: 'm', message, span: { start, end }, severity, suggestions: [], related, tags: [] };
}

// "🌊" is two UTF-16 code units: the finding after it starts at column 10, not 9.
const TEXT = 'Storm 🌊 hits Kelby.\nThe ferry was cancelled.\n\nThe ferry was cancelled.\n';
const at = (s: string, from = 0): [number, number] => [TEXT.indexOf(s, from), TEXT.indexOf(s, from) + s.length];
const COPY = at('The ferry was cancelled.', 30);
const REPORT: FileReport = {
  file: 'drafts/storm, day 1.md',
  text: TEXT,
  findings: [
    finding('loaded-language', 'warning', `'hits' <is> "loaded" & 50% sure: yes,\r\nreally ]]>`, ...at('hits')),
    finding('duplicate-paragraph', 'error', 'Repeats the paragraph at line 2.', ...COPY, [{ span: { start: at('The ferry')[0], end: at('The ferry')[0] + 24 }, message: 'First copy.' }]),
    // Two lines long: GitHub accepts no columns for it.
    finding('write-good/passive', 'hint', 'Passive?', at('Kelby')[0], at('was')[1]),
  ],
};
const CLEAN: FileReport = { file: 'clean.txt', text: 'Nothing to see.\n', findings: [] };
const CONTEXT: FormatContext = { cwd: '/work/newsroom', colour: false, version: '1.2.3' };

describe('--format sarif', () => {
  const log = JSON.parse(formatSarif([{ ...REPORT, file: '/work/newsroom/drafts/storm, day 1.md' }, CLEAN], CONTEXT)) as any;
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
  });

  it('says its columns are UTF-16 code units and counts them so', () => {
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 1, startColumn: 10, endLine: 1, endColumn: 14 });
  });

  it('gives every rule with its description and page, and each result its rule', () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const c of checks) assert.ok(ids.includes(c.meta.id), c.meta.id);
    const passive = run.tool.driver.rules.find((r: { id: string }) => r.id === 'duplicate-paragraph');
    assert.equal(passive.helpUri, 'https://github.com/copydesk/copydesk/blob/main/docs/rules/duplicate-paragraph.md');
    assert.ok(passive.shortDescription.text.length > 10);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['warning', 'error', 'note']);
    assert.equal(run.tool.driver.version, '1.2.3');
  });

  it('writes paths relative to the working directory as percent-encoded URIs under %SRCROOT%', () => {
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'drafts/storm%2C%20day%201.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/newsroom/' } });
    const outside = JSON.parse(formatSarif([{ ...CLEAN, file: '/elsewhere/a b.txt', findings: [finding('echo', 'hint', 'x', 0, 1)] }], CONTEXT)) as any;
    assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/a%20b.txt' });
  });

  it('points at the first copy of a repeated paragraph as a related location', () => {
    const [related] = run.results[1].relatedLocations;
    assert.deepEqual(related.physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 25 });
    assert.deepEqual(related.message, { text: 'First copy.' });
  });

  it('a real run of copydesk --format sarif validates too', async () => {
    const dir = tempTree({ 'drafts/vote.md': readFileSync(join(__dirname, '../../../examples/harbour-vote.md'), 'utf8') });
    const result = await runCli(['--format', 'sarif', 'drafts'], { cwd: dir });
    assert.ok(validateSarif(JSON.parse(result.stdout)), JSON.stringify(validateSarif.errors, null, 2));
    const real = JSON.parse(result.stdout) as any;
    assert.ok(real.runs[0].results.length > 5);
    assert.equal(real.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'drafts/vote.md');
  });
});

describe('--format github', () => {
  it('one workflow command per finding, escaped, columns only on one line', () => {
    assert.equal(
      formatGithub([REPORT, CLEAN], CONTEXT),
      [
        `::warning file=drafts/storm%2C day 1.md,line=1,endLine=1,col=10,endColumn=14,title=loaded-language::'hits' <is> "loaded" & 50%25 sure: yes,%0D%0Areally ]]>`,
        '::error file=drafts/storm%2C day 1.md,line=4,endLine=4,col=1,endColumn=25,title=duplicate-paragraph::Repeats the paragraph at line 2.',
        '::notice file=drafts/storm%2C day 1.md,line=1,endLine=2,title=write-good/passive::Passive?',
        '',
      ].join('\n'),
    );
  });
  const cases: [string, string, string][] = [
    ['plain', 'plain', 'plain'],
    ['100%', '100%25', '100%25'],
    ['a\r\nb\nc', 'a%0D%0Ab%0Ac', 'a%0D%0Ab%0Ac'],
    ['C:\\x,y', 'C:\\x,y', 'C%3A\\x%2Cy'],
    ['a::b', 'a::b', 'a%3A%3Ab'],
    ['%0A', '%250A', '%250A'],
  ];
  for (const [raw, asData, asProperty] of cases) {
    it(`escapes ${JSON.stringify(raw)}`, () => {
      assert.equal(data(raw), asData);
      assert.equal(property(raw), asProperty);
    });
  }
});

describe('XML text', () => {
  const cases: [string, string][] = [
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &apos;single&apos;'],
    ['ends ]]> here', 'ends ]]&gt; here'],
    ['bell\u0007 and nul\u0000', 'bell\uFFFD and nul\uFFFD'],
    ['tab\tand\nlines\r', 'tab&#9;and&#10;lines&#13;'],
    ['lone \uD83C surrogate', 'lone \uFFFD surrogate'],
    ['wave 🌊 stays', 'wave 🌊 stays'],
  ];
  for (const [raw, escaped] of cases) it(`escapes ${JSON.stringify(raw)}`, () => assert.equal(xmlText(raw), escaped));
});

describe('--format checkstyle', () => {
  it('a <file> for every file, an <error> per finding with its rule as source', () => {
    assert.equal(
      formatCheckstyle([REPORT, CLEAN], CONTEXT),
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<checkstyle version="4.3">',
        '<file name="drafts/storm, day 1.md">',
        `<error line="1" column="10" severity="warning" message="&apos;hits&apos; &lt;is&gt; &quot;loaded&quot; &amp; 50% sure: yes,&#13;&#10;really ]]&gt;" source="copydesk.rules.loaded-language" />`,
        '<error line="4" column="1" severity="error" message="Repeats the paragraph at line 2." source="copydesk.rules.duplicate-paragraph" />',
        '<error line="1" column="15" severity="info" message="Passive?" source="copydesk.rules.write-good/passive" />',
        '</file>',
        '<file name="clean.txt">',
        '</file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });
});

describe('--format junit', () => {
  it("ESLint's convention: a testsuite per file, a failing testcase per finding, a passing one for a clean file", () => {
    assert.equal(
      formatJunit([{ ...REPORT, findings: REPORT.findings.slice(1) }, CLEAN], CONTEXT),
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<testsuites>',
        '<testsuite package="copydesk" time="0" tests="2" errors="0" failures="2" name="drafts/storm, day 1.md">',
        '<testcase time="0" name="copydesk.duplicate-paragraph" classname="drafts/storm, day 1"><failure message="Repeats the paragraph at line 2." type="error">line 4, col 1, Error - Repeats the paragraph at line 2. (duplicate-paragraph)</failure></testcase>',
        '<testcase time="0" name="copydesk.write-good/passive" classname="drafts/storm, day 1"><failure message="Passive?" type="hint">line 1, col 15, Hint - Passive? (write-good/passive)</failure></testcase>',
        '</testsuite>',
        '<testsuite package="copydesk" time="0" tests="1" errors="0" failures="0" name="clean.txt">',
        '<testcase time="0" name="clean.txt" classname="clean" />',
        '</testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
  it('escapes the message in the attribute and the text', () => {
    const out = formatJunit([{ ...REPORT, findings: REPORT.findings.slice(0, 1) }], CONTEXT);
    assert.ok(out.includes('message="&apos;hits&apos; &lt;is&gt; &quot;loaded&quot; &amp; 50% sure: yes,&#13;&#10;really ]]&gt;"'), out);
    assert.ok(!out.includes('<is>') && !out.includes('CDATA'));
  });
});
