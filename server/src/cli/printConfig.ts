/**
 * @file `copydesk --print-config FILE`: the settings every rule would run with for FILE, as JSON,
 * so a newsroom can see which .copydesk.json, preset, --rule or front matter decided a rule. The
 * file need not exist; when it does, its front matter counts too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { effectiveRules, formatFor } from '../api';
import type { DraftConfig, DraftConfigs } from '../node/draftConfigs';
import type { Io } from './main';
import { readDraft } from './read';

export function printConfig(file: string, configs: DraftConfigs, rules: Readonly<Record<string, string>>, io: Io, tell: (config: DraftConfig) => void): number {
  const config = configs.forDraft(file);
  tell(config);
  if (config.kind === 'fatal') return 2;
  let text = '';
  if (existsSync(file)) {
    const read = readDraft(file);
    if (!read.ok) return io.stderr(`copydesk: ${read.message}\n`), 2;
    text = read.text;
  }
  const format = formatFor(file);
  const layers = config.kind === 'layers' ? config.layers : [];
  const effective = effectiveRules(text, format, { project: [...layers, { rules }] });
  for (const problem of effective.problems) io.stderr(`copydesk: ${problem}\n`);
  const printed = {
    file,
    format,
    config: config.kind === 'layers' && !config.file ? null : path.relative(process.cwd(), config.file ?? '') || config.file,
    ignored: config.kind === 'ignored',
    rules: effective.rules,
  };
  io.stdout(JSON.stringify(printed, null, 2) + '\n');
  return 0;
}
