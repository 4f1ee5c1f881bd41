/**
 * @file The output formats by name (`--format`).
 */
import { formatJson, formatStylish } from '../format';
import type { FormatName } from '../options';
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import type { Formatter } from './shared';

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  stylish: (reports, { colour }) => formatStylish(reports, colour),
  json: (reports) => formatJson(reports) + '\n',
  sarif: formatSarif,
  github: formatGithub,
  checkstyle: formatCheckstyle,
  junit: formatJunit,
};
