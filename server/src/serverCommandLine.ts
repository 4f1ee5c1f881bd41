/**
 * @file The language server's own command line, for editors other than VS Code: with no transport
 * argument it speaks LSP over standard input and output (what Neovim, Helix and Emacs start a server
 * with), and it answers --version and --help instead of waiting for a client that is not there.
 */

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

export const SERVER_USAGE = `Usage: copydesk-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The Copydesk language server: diagnostics and quick fixes for news drafts over the Language Server
Protocol. With no transport it uses standard input and output (--stdio). Editor set-up for Neovim,
Helix and Emacs: docs/editors.md.

  --version   print the version
  --help      print this help`;

/** What to do with the arguments after `node server.js`: print and exit, or run with these. */
export function serverCommandLine(args: readonly string[], version: string): { readonly print: string } | { readonly args: readonly string[] } {
  if (args.includes('--version') || args.includes('-v')) return { print: `${version}\n` };
  if (args.includes('--help') || args.includes('-h')) return { print: `${SERVER_USAGE}\n` };
  return { args: args.some((a) => TRANSPORT.test(a)) ? args : [...args, '--stdio'] };
}

/** Whether these arguments (as serverCommandLine returns them) make vscode-languageserver talk over stdio: the first transport named is --stdio. */
export function usesStdio(args: readonly string[]): boolean {
  return args.find((a) => TRANSPORT.test(a)) === '--stdio';
}
