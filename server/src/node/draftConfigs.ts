/**
 * @file Configuration for drafts checked outside an editor (the CLI and the Node API): one named
 * file for every draft, or each draft's nearest .copydesk.json up to its project root (the nearest
 * folder with .git, else the filesystem root), as the editor looks up to its workspace folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SettingsLayer } from '../core/config';
import { computeLineStarts, lineIndexAt } from '../core/lines';
import { ProjectConfigs, type ProjectConfig } from '../files/projectConfig';
import { diskSource } from './files';

export type DraftConfig =
  | {
      readonly kind: 'layers';
      readonly layers: readonly SettingsLayer[];
      /** The configuration file that applies, if any. */
      readonly file?: string;
      /** Its problems, as `file:line:column: severity: message` (file relative to the working directory). */
      readonly problems: readonly string[];
    }
  | { readonly kind: 'ignored'; readonly file: string; readonly problems: readonly string[] }
  /** The configuration is not JSON at all: nothing can be checked with it. */
  | { readonly kind: 'fatal'; readonly file: string; readonly problems: readonly string[] };

export class DraftConfigs {
  private readonly byRoot = new Map<string, ProjectConfigs>();
  private readonly fixed?: { readonly config: ProjectConfig; readonly configs: ProjectConfigs };

  /**
   * `configPath`: use this file for every draft (throws if it does not exist); `none`: use no file.
   */
  constructor(
    configPath: string | undefined,
    private readonly none = false,
  ) {
    if (configPath === undefined || none) return;
    if (diskSource.read(configPath) === undefined) throw new Error(`${configPath}: not found`);
    const absolute = path.resolve(configPath);
    const configs = new ProjectConfigs(diskSource, () => [path.dirname(absolute)], () => true);
    this.fixed = { config: configs.fromFile(absolute), configs };
  }

  /** With a named configuration file: its state ('fatal' when it is not JSON at all) and problems. */
  named(): DraftConfig | undefined {
    if (!this.fixed) return undefined;
    const { config } = this.fixed;
    const file = config.file ?? '';
    const problems = describeProblems(config);
    return config.fatal ? { kind: 'fatal', file, problems } : { kind: 'layers', layers: config.layers, file, problems };
  }

  /** The settings layers for the draft at `draft` (a path; it need not exist). */
  forDraft(draft: string): DraftConfig {
    if (this.none) return { kind: 'layers', layers: [], problems: [] };
    let found = this.fixed;
    if (!found) {
      const root = projectRoot(path.dirname(path.resolve(draft)));
      const configs = this.byRoot.get(root) ?? new ProjectConfigs(diskSource, () => [root], () => true);
      this.byRoot.set(root, configs);
      found = { config: configs.forFile(draft), configs };
    }
    const { config, configs } = found;
    const problems = describeProblems(config);
    if (!config.file) return { kind: 'layers', layers: [], problems };
    if (config.fatal) return { kind: 'fatal', file: config.file, problems };
    if (configs.isIgnored(draft, config)) return { kind: 'ignored', file: config.file, problems };
    return { kind: 'layers', layers: config.layers, file: config.file, problems };
  }
}

function describeProblems(config: ProjectConfig): string[] {
  return config.problems.map(({ file, problem }) => {
    const starts = computeLineStarts(diskSource.read(file) ?? '');
    const line = lineIndexAt(starts, problem.span.start);
    return `${path.relative(process.cwd(), file) || file}:${line + 1}:${problem.span.start - starts[line]! + 1}: ${problem.severity}: ${problem.message}`;
  });
}

function projectRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return d;
  }
}
