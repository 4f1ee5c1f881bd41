/**
 * @file Language ids other editors send for the drafts VS Code calls `plaintext` and `markdown`:
 * Neovim's filetype, Helix's language name and Emacs eglot's mode name say "text" for a .txt draft
 * (which the `languages` setting would otherwise skip) and eglot says "gfm" for GitHub Markdown.
 */

const ALIASES: Readonly<Record<string, string>> = { text: 'plaintext', gfm: 'markdown' };

/** The language id Copydesk's settings and formats understand (VS Code's own ids pass unchanged). */
export function canonicalLanguageId(languageId: string): string {
  return ALIASES[languageId] ?? languageId;
}
