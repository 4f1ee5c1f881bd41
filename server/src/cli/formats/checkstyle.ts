/**
 * @file `--format checkstyle`: Checkstyle's XML, which Jenkins (warnings-ng), reviewdog and most
 * code-review bots read. Every file checked gets a <file>, clean ones too, as ESLint writes it.
 */
import { rangeOf, type Formatter } from './shared';
import { XML_DECLARATION, xmlText } from './xml';

/** Checkstyle has no "hint": it is the mildest level there is, info. */
const SEVERITY = { error: 'error', warning: 'warning', info: 'info', hint: 'info' } as const;

export const formatCheckstyle: Formatter = (reports) => {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const report of reports) {
    out.push(`<file name="${xmlText(report.file)}">`);
    for (const f of report.findings) {
      const { line, column } = rangeOf(report, f.span);
      out.push(`<error line="${line}" column="${column}" severity="${SEVERITY[f.severity]}" message="${xmlText(f.message)}" source="copydesk.rules.${xmlText(f.checkId)}" />`);
    }
    out.push('</file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
