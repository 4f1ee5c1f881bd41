/**
 * @file `--format junit`: JUnit XML for CI test dashboards, in ESLint's convention: one <testsuite>
 * per file and one failing <testcase> per finding (named after the rule); a clean file is one
 * passing <testcase>, so a dashboard counts it. The failure's text is escaped rather than wrapped in
 * CDATA, which cannot hold "]]>".
 */
import path from 'node:path';
import { rangeOf, type Formatter } from './shared';
import { XML_DECLARATION, xmlText } from './xml';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' } as const;

export const formatJunit: Formatter = (reports) => {
  const out = [XML_DECLARATION, '<testsuites>'];
  for (const report of reports) {
    const file = xmlText(report.file);
    // ESLint's classname: the path without its extension, so dashboards group by draft.
    const classname = xmlText(path.join(path.dirname(report.file), path.basename(report.file, path.extname(report.file))));
    const n = report.findings.length;
    // ESLint counts findings as `errors`; JUnit's own meaning of a <failure> is `failures`, so both say it.
    out.push(`<testsuite package="copydesk" time="0" tests="${Math.max(n, 1)}" errors="0" failures="${n}" name="${file}">`);
    if (n === 0) out.push(`<testcase time="0" name="${file}" classname="${classname}" />`);
    for (const f of report.findings) {
      const { line, column } = rangeOf(report, f.span);
      const message = xmlText(f.message);
      out.push(
        `<testcase time="0" name="copydesk.${xmlText(f.checkId)}" classname="${classname}"><failure message="${message}" type="${f.severity}">line ${line}, col ${column}, ${LABEL[f.severity]} - ${message} (${xmlText(f.checkId)})</failure></testcase>`,
      );
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
