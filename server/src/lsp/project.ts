/**
 * @file The server's view of project configuration: which folders it may read, whether the
 * workspace is trusted, and each open draft's effective settings (user settings, then the nearest
 * `.copydesk.json` chain). Unsaved edits to an open `.copydesk.json` count at once, so turning a
 * rule off there clears its squiggles before the file is saved.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/types';
import { CONFIG_NAME, diskSource, ProjectConfigs, type ProjectConfig } from '../node/projectConfig';
import type { DocumentSettings } from './settings';

/** The id config problems carry (docs/rules/config.md). */
export const CONFIG_ID = 'config';

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const isConfigDocument = (uri: string): boolean => path.basename(fsPathOf(uri) ?? '') === CONFIG_NAME;

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

  constructor(openText: (fsPath: string) => string | undefined) {
    this.configs = new ProjectConfigs({ read: (file) => openText(file) ?? diskSource.read(file) }, () => this.roots, () => this.trusted);
  }

  /** The same object for as long as neither the user settings nor any configuration changed (the linter caches on identity). */
  for(uri: string, user: DocumentSettings): EffectiveSettings {
    const cached = this.effective.get(uri);
    if (cached?.user === user) return cached.settings;
    const file = fsPathOf(uri);
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
    const file = fsPathOf(doc.uri);
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
