/**
 * @file `--format github`: GitHub Actions workflow commands, one `::warning file=…::message` line per
 * finding, which the runner turns into annotations on the pull request's changed lines.
 */
import { toCiFinding, type FormatContext, type Formatter } from './shared';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

export const formatGithub: Formatter = (reports, context: FormatContext) => {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const at = toCiFinding(report, f, context);
      const properties = [`file=${property(at.path)}`, `line=${at.line}`, `endLine=${at.endLine}`];
      // Columns are for one line only: the runner rejects col/endColumn on a range over lines.
      if (at.line === at.endLine) properties.push(`col=${at.column}`, `endColumn=${at.endColumn}`);
      properties.push(`title=${property(f.checkId)}`);
      lines.push(`::${COMMANDS[f.severity]} ${properties.join(',')}::${data(f.message)}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
};

/** The runner's own escaping (@actions/core escapeData): %, CR and LF. */
export function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also end at `,` and the command at `::`, so those are escaped too (escapeProperty). */
export function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
