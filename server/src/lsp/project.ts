/**
 * @file The server's view of project configuration: which folders it may read, whether the
 * workspace is trusted, and each open draft's effective settings (user settings, then the nearest
 * `.copydesk.json` chain). Unsaved edits to an open `.copydesk.json` count at once, so turning a
 * rule off there clears its squiggles before the file is saved. Files are named by path; the
 * platform says which path a URI is (a file on the desktop, the editor's file in a web worker).
 */
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import type { Files } from '../files/access';
import { CONFIG_NAME, ProjectConfigs, type ProjectConfig } from '../files/projectConfig';
import type { Uris } from './platform';
import type { DocumentSettings } from './settings';

/** The id config problems carry (docs/rules/config.md). */
export const CONFIG_ID = 'config';

export interface EffectiveSettings extends DocumentSettings {
  readonly config: ProjectConfig;
  /** The draft matches the configuration's `ignore` globs. */
  readonly ignored: boolean;
}

export class ProjectSettings {
  roots: string[] = [];
  trusted = true;
  private readonly configs: ProjectConfigs;
  private readonly effective = new Map<string, { user: DocumentSettings; settings: EffectiveSettings }>();

  constructor(
    private readonly uris: Uris,
    files: Pick<Files, 'readNow'>,
    openText: (file: string) => string | undefined,
  ) {
    this.configs = new ProjectConfigs({ read: (file) => openText(file) ?? files.readNow(file) }, () => this.roots, () => this.trusted);
  }

  /** The path of the file a URI names, if the server can read it. */
  pathOf(uri: string): string | undefined {
    return this.uris.pathOf(uri);
  }

  uriOf(file: string): string {
    return this.uris.uriOf(file);
  }

  /**
   * One spelling of a file URI. VS Code writes `budget%20%28v2%29.md` where Node's pathToFileURL
   * writes `budget%20(v2).md`: the workspace index keys drafts by URI, and an open draft must be the
   * same draft as its file on disk, never "another draft" sharing all its paragraphs.
   */
  canonical(uri: string): string {
    const file = this.uris.pathOf(uri);
    return file === undefined ? uri : this.uris.uriOf(file);
  }

  isConfigDocument(uri: string): boolean {
    return path.basename(this.uris.pathOf(uri) ?? '') === CONFIG_NAME;
  }

  /** Where a new `.copydesk.json` for a draft goes when it has none: its workspace folder's root. */
  newConfigFileFor(uri: string): string | undefined {
    const file = this.uris.pathOf(uri);
    const root = file ? this.roots.find((r) => !path.relative(r, file).startsWith('..')) : undefined;
    return root ? path.join(root, CONFIG_NAME) : undefined;
  }

  /** The same object for as long as neither the user settings nor any configuration changed (the linter caches on identity). */
  for(uri: string, user: DocumentSettings): EffectiveSettings {
    const cached = this.effective.get(uri);
    if (cached?.user === user) return cached.settings;
    const file = this.uris.pathOf(uri);
    const config = file ? this.configs.forFile(file) : { layers: [], problems: [], untrustedSkips: [], fatal: false };
    const languages = [...config.layers].reverse().find((l) => l.languages)?.languages;
    const settings: EffectiveSettings = {
      ...user,
      ...(languages ? { languages } : {}),
      project: config.layers,
      config,
      ignored: file !== undefined && this.configs.isIgnored(file, config),
    };
    this.effective.set(uri, { user, settings });
    return settings;
  }

  /**
   * For a draft on disk that is not open (the workspace index, "Check all drafts"): whether its
   * configuration ignores it, and the languages it sets, if any. Nothing is kept per file.
   */
  projectStatus(file: string): { readonly ignored: boolean; readonly languages?: readonly string[] } {
    const config = this.configs.forFile(file);
    const languages = [...config.layers].reverse().find((l) => l.languages)?.languages;
    return { ignored: this.configs.isIgnored(file, config), ...(languages ? { languages } : {}) };
  }

  /** A `.copydesk.json`'s own problems as findings on that file. */
  configFindings(doc: TextDocument): Finding[] {
    const file = this.uris.pathOf(doc.uri);
    if (!file) return [];
    return this.configs.problemsOf(file).map((p) => ({
      checkId: CONFIG_ID,
      messageId: 'problem',
      message: p.message,
      span: p.span,
      severity: p.severity,
      suggestions: [],
      related: [],
      tags: [],
    }));
  }

  /** Something changed: a config file, trust, or the workspace folders. */
  forget(uri?: string): void {
    if (uri) return void this.effective.delete(uri);
    this.configs.forget();
    this.effective.clear();
  }
}
