/**
 * @file The language server's command line: other editors start it with no arguments (stdio);
 * VS Code's own transports pass through; --version and --help print instead of waiting for LSP;
 * other editors' language ids for plain text and Markdown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalLanguageId } from '../../server/src/lsp/languageIds';
import { SERVER_USAGE, serverCommandLine, usesStdio } from '../../server/src/serverCommandLine';

describe('copydesk-language-server arguments', () => {
  const cases: { args: string[]; expected: ReturnType<typeof serverCommandLine> }[] = [
    { args: [], expected: { args: ['--stdio'] } },
    { args: ['--stdio'], expected: { args: ['--stdio'] } },
    { args: ['--node-ipc', '--clientProcessId=42'], expected: { args: ['--node-ipc', '--clientProcessId=42'] } },
    { args: ['--clientProcessId=42'], expected: { args: ['--clientProcessId=42', '--stdio'] } },
    { args: ['--socket=6009'], expected: { args: ['--socket=6009'] } },
    { args: ['--socket', '6009'], expected: { args: ['--socket', '6009'] } },
    { args: ['--pipe=/tmp/copydesk.sock'], expected: { args: ['--pipe=/tmp/copydesk.sock'] } },
    // Not a transport, only a prefix of one.
    { args: ['--stdiofoo'], expected: { args: ['--stdiofoo', '--stdio'] } },
    { args: ['--version'], expected: { print: '1.2.3\n' } },
    { args: ['-v'], expected: { print: '1.2.3\n' } },
    { args: ['--help'], expected: { print: `${SERVER_USAGE}\n` } },
  ];
  for (const { args, expected } of cases) {
    it(`${args.join(' ') || '(none)'}`, () => assert.deepEqual(serverCommandLine(args, '1.2.3'), expected));
  }
});

describe('whether the server talks over stdio', () => {
  const cases: [string[], boolean][] = [
    [['--stdio'], true],
    [['--clientProcessId=42', '--stdio'], true],
    [['--node-ipc', '--clientProcessId=42'], false],
    [['--socket=6009'], false],
    [['--pipe=/tmp/copydesk.sock'], false],
    // The first transport named wins, as vscode-languageserver reads them.
    [['--node-ipc', '--stdio'], false],
    [['--stdio', '--node-ipc'], true],
  ];
  for (const [args, expected] of cases) {
    it(args.join(' '), () => assert.equal(usesStdio(args), expected));
  }
});

describe('language ids from other editors', () => {
  const cases: [string, string][] = [
    ['plaintext', 'plaintext'],
    ['markdown', 'markdown'],
    // Neovim's filetype, Helix's language name and eglot's mode for a .txt draft.
    ['text', 'plaintext'],
    // eglot's id for gfm-mode (GitHub-flavoured Markdown).
    ['gfm', 'markdown'],
    // VS Code's own ids stay as they are, so the `languages` setting means what it says.
    ['mdx', 'mdx'],
    ['python', 'python'],
  ];
  for (const [given, read] of cases) it(`${given} → ${read}`, () => assert.equal(canonicalLanguageId(given), read));
});
