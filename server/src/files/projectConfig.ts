/**
 * @file Finds and reads `.copydesk.json` for a draft, for the language server and the CLI alike:
 * the nearest one walking up from the draft's folder to its workspace root wins, and the files it
 * `extends` are read too (only inside the workspace, only when the workspace is trusted). Nothing
 * outside the roots is read, and nothing read is ever executed: configuration is data. The files
 * come from a ConfigSource: the disk (node/files.ts) or, in a web worker, the editor.
 */
import path from 'node:path';
import { minimatch } from 'minimatch';
import { checks } from '../checks';
import { parseConfigText, PRESETS, type ConfigProblem, type ParsedConfig, type SettingsLayer } from '../core/config';

export const CONFIG_NAME = '.copydesk.json';
const MAX_EXTENDS_DEPTH = 5;

export interface ConfigFileProblem {
  /** Absolute path of the file the problem is in. */
  readonly file: string;
  readonly problem: ConfigProblem;
}

export interface ProjectConfig {
  /** The nearest `.copydesk.json`, if any. */
  readonly file?: string;
  /** Lowest precedence first: the files it extends, then the file itself (built-in presets stay named in `extends`). */
  readonly layers: readonly SettingsLayer[];
  readonly problems: readonly ConfigFileProblem[];
  /** Something in the configuration was left out because the workspace is not trusted. */
  readonly untrustedSkips: readonly string[];
  /** Not valid JSON at all: the file could not be used. */
  readonly fatal: boolean;
}

export interface ConfigSource {
  /** The text of a file: an editor's unsaved text where there is one, else the disk's; undefined if missing. */
  read(file: string): string | undefined;
}

export class ProjectConfigs {
  private readonly parsed = new Map<string, ParsedConfig | null>();
  private readonly nearest = new Map<string, ProjectConfig>();

  constructor(
    private readonly source: ConfigSource,
    /** Absolute folders the server may read in (workspace folders; for the CLI, the project root). */
    private readonly roots: () => readonly string[],
    private readonly trusted: () => boolean,
  ) {}

  /** The configuration for a draft at `file` (absolute path). */
  forFile(file: string): ProjectConfig {
    const dir = path.dirname(path.resolve(file));
    let found = this.nearest.get(dir);
    if (!found) {
      const configFile = this.find(dir);
      found = configFile ? this.load(configFile) : { layers: [], problems: [], untrustedSkips: [], fatal: false };
      this.nearest.set(dir, found);
    }
    return found;
  }

  /** The configuration in one named file (the CLI's --config), with what it extends. */
  fromFile(configFile: string): ProjectConfig {
    return this.load(path.resolve(configFile));
  }

  /** Whether `file` matches the `ignore` globs of its configuration (relative to the config's folder). */
  isIgnored(file: string, config: ProjectConfig): boolean {
    if (!config.file) return false;
    const globs = config.layers.flatMap((l) => l.ignore ?? []);
    if (!globs.length) return false;
    const rel = path.relative(path.dirname(config.file), path.resolve(file)).split(path.sep).join('/');
    return !rel.startsWith('../') && globs.some((g) => minimatch(rel, g, { dot: true, matchBase: !g.includes('/') }));
  }

  /** Problems of one config file as the draft-independent list for its own diagnostics. */
  problemsOf(configFile: string): ConfigProblem[] {
    const parsed = this.parse(path.resolve(configFile));
    return parsed ? [...parsed.problems] : [];
  }

  /** Drop what was read (a config file changed, was created or deleted, or trust changed). */
  forget(): void {
    this.parsed.clear();
    this.nearest.clear();
  }

  private inRoots(p: string): boolean {
    return this.roots().some((root) => {
      const rel = path.relative(root, p);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
  }

  private find(dir: string): string | undefined {
    for (let d = dir; this.inRoots(d); d = path.dirname(d)) {
      const candidate = path.join(d, CONFIG_NAME);
      if (this.source.read(candidate) !== undefined) return candidate;
      if (path.dirname(d) === d) break;
    }
    return undefined;
  }

  private parse(file: string): ParsedConfig | undefined {
    if (!this.parsed.has(file)) {
      const text = this.inRoots(file) ? this.source.read(file) : undefined;
      this.parsed.set(file, text === undefined ? null : parseConfigText(text, checks));
    }
    return this.parsed.get(file) ?? undefined;
  }

  private load(file: string): ProjectConfig {
    const layers: SettingsLayer[] = [];
    const problems: ConfigFileProblem[] = [];
    const untrustedSkips: string[] = [];
    const seen = new Set<string>();
    let fatal = false;
    const visit = (current: string, depth: number): void => {
      const parsed = this.parse(current);
      if (!parsed) return;
      seen.add(current);
      problems.push(...parsed.problems.map((problem) => ({ file: current, problem })));
      if (current === file) fatal = parsed.fatal;
      const text = this.source.read(current) ?? '';
      for (const ref of parsed.layer.extends ?? []) {
        if (PRESETS[ref]) continue;
        const where = locateString(text, ref);
        if (ref.startsWith('copydesk:')) {
          problems.push({ file: current, problem: { message: `Unknown preset '${ref}' (built in: ${Object.keys(PRESETS).join(', ')}).`, span: where, severity: 'warning' } });
          continue;
        }
        if (!this.trusted()) {
          untrustedSkips.push(`${path.basename(current)} extends '${ref}'`);
          continue;
        }
        const target = path.resolve(path.dirname(current), ref);
        const problem = !this.inRoots(target)
          ? `'${ref}' is outside the workspace; Copydesk reads configuration only inside it.`
          : seen.has(target)
            ? `'${ref}' extends itself in a loop; it is read once.`
            : depth >= MAX_EXTENDS_DEPTH
              ? `More than ${MAX_EXTENDS_DEPTH} levels of 'extends'; '${ref}' is not read.`
              : this.source.read(target) === undefined
                ? `'${ref}' was not found.`
                : undefined;
        if (problem) problems.push({ file: current, problem: { message: problem, span: where, severity: 'warning' } });
        else visit(target, depth + 1);
      }
      const { extends: presets, ...own } = parsed.layer;
      const builtIn = presets?.filter((p) => PRESETS[p]);
      layers.push({ ...own, ...(builtIn?.length ? { extends: builtIn } : {}) });
    };
    visit(file, 0);
    return { file, layers, problems, untrustedSkips, fatal };
  }
}

/** Where a string value sits in the file, for a problem about it. */
function locateString(text: string, value: string): { start: number; end: number } {
  const at = text.indexOf(JSON.stringify(value));
  return at >= 0 ? { start: at, end: at + JSON.stringify(value).length } : { start: 0, end: Math.min(1, text.length) };
}
