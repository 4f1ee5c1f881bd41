/**
 * @file Settings pulled per document with workspace/configuration (section `copydesk`) and cached
 * until the client says they changed; clients without that request get the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import type { LintSettings } from '../api';
import { DEFAULT_MAX_DIAGNOSTICS } from './diagnosticBudget';

export interface DocumentSettings extends LintSettings {
  readonly enable: boolean;
  readonly languages: readonly string[];
  readonly maxDocumentSize: number;
  /** Diagnostics sent per draft, 0 for all (see diagnosticBudget.ts). */
  readonly maxDiagnostics: number;
}

export const DEFAULT_SETTINGS: DocumentSettings = {
  enable: true,
  languages: ['markdown', 'plaintext'],
  maxDocumentSize: 10_000_000,
  maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS,
  rules: {},
};

export class SettingsCache {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<DocumentSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.canPull()
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk' }).then(fromRaw, () => DEFAULT_SETTINGS)
        : Promise.resolve(DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

/** Tolerant reading of the raw section: anything malformed falls back to its default. */
export function fromRaw(raw: unknown): DocumentSettings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const languages = Array.isArray(r['languages']) ? r['languages'].filter((l): l is string => typeof l === 'string') : DEFAULT_SETTINGS.languages;
  const threshold = r['nearDuplicateThreshold'];
  const size = r['maxDocumentSize'];
  const shown = r['maxDiagnostics'];
  return {
    enable: r['enable'] !== false,
    languages,
    maxDocumentSize: typeof size === 'number' && size > 0 ? size : DEFAULT_SETTINGS.maxDocumentSize,
    maxDiagnostics: typeof shown === 'number' && shown >= 0 ? Math.floor(shown) : DEFAULT_SETTINGS.maxDiagnostics,
    rules: r['rules'] ?? {},
    ...(typeof r['loadedLanguage'] === 'object' && r['loadedLanguage'] !== null ? { loadedLanguage: withoutEmpty(r['loadedLanguage'] as Record<string, unknown>) } : {}),
    ...(typeof threshold === 'number' ? { nearDuplicateThreshold: threshold } : {}),
  };
}

/** VS Code reports every declared setting, defaults included; only what the writer set matters. */
function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)),
  );
}
