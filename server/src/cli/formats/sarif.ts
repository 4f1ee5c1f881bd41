/**
 * @file `--format sarif`: SARIF 2.1.0, the log GitHub code scanning and other security and quality
 * dashboards import. Columns are UTF-16 code units (said in `columnKind`, which is also SARIF's
 * default), the same as `--format json` and LSP; paths are relative to the working directory
 * (`%SRCROOT%`), which is the repository root in a CI job.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checks } from '../../checks';
import { docsUrlFor } from '../../core/defineCheck';
import { DIRECTIVE_ID } from '../../core/directives';
import type { Severity } from '../../core/types';
import { ciPath, rangeOf, type FileReport, type FormatContext, type Formatter } from './shared';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** Every rule, so a result's ruleIndex does not depend on what this run found; `directive` reports Copydesk's own comments. */
const RULES = [
  ...checks.map((c) => ({
    id: c.meta.id,
    shortDescription: { text: c.meta.description },
    helpUri: c.meta.docsUrl,
    defaultConfiguration: c.meta.enabledByDefault ? { level: LEVEL[c.meta.defaultSeverity] } : { enabled: false, level: LEVEL[c.meta.defaultSeverity] },
  })),
  {
    id: DIRECTIVE_ID,
    shortDescription: { text: 'Report a Copydesk comment or front matter setting that cannot be applied.' },
    helpUri: docsUrlFor(DIRECTIVE_ID),
    defaultConfiguration: { level: 'warning' as const },
  },
];
const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

export const formatSarif: Formatter = (reports, context) => {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'copydesk',
            informationUri: 'https://github.com/copydesk/copydesk',
            version: context.version,
            rules: RULES,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) => results(report, context)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function results(report: FileReport, context: FormatContext): unknown[] {
  const artifactLocation = artifactFor(report.file, context.cwd);
  const location = (span: { start: number; end: number }) => {
    const { line, column, endLine, endColumn } = rangeOf(report, span);
    return { physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column, endLine, endColumn } } };
  };
  return report.findings.map((f) => ({
    ruleId: f.checkId,
    ...(RULE_INDEX.has(f.checkId) ? { ruleIndex: RULE_INDEX.get(f.checkId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.span)],
    // The first copy of a repeated paragraph, for instance: where to look to understand the finding.
    ...(f.related.length ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r.span), message: { text: r.message } })) } : {}),
  }));
}

/** A relative URI under %SRCROOT%, each path segment percent-encoded; a file outside it gets its own file: URI. */
function artifactFor(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const p = ciPath(file, cwd);
  if (path.isAbsolute(p)) return { uri: pathToFileURL(p).href };
  return { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
