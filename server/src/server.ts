/**
 * @file The desktop language server: Node, over stdio or IPC. VS Code starts it from
 * client/src/extension.ts; other editors start it as `copydesk-language-server`. Everything it
 * does is in lsp/session.ts, shared with the web worker's server (browser/server.ts).
 *
 * Loading the engine (a 2 MB bundle of checks and lexicons) takes longer than the 300 ms an
 * editor should wait for `initialize`, so this file answers it from lsp/capabilities.ts alone and
 * loads the session (server/out/serverSession.js) when the client says `initialized`, before
 * anything else the client sends is read.
 */
import path from 'node:path';
import { format } from 'node:util';
import { createConnection, MessageType, ProposedFeatures, ShowMessageNotification, StreamMessageWriter, type InitializeParams, type MessageWriter, type RemoteConsole } from 'vscode-languageserver/node';
import { initializeResult } from './lsp/capabilities';
import { describeError } from './lsp/faults';
import { codeCacheDir, requireWithCodeCache } from './node/codeCache';
import { reusingJsonEncoder } from './node/messageEncoder';
import { compileForFirstLooks, compileRegExpsOnce, defaultV8Flag } from './node/v8Flags';
import { serverCommandLine, usesStdio } from './serverCommandLine';
import type { resumeSession } from './serverSession';

declare const COPYDESK_VERSION: string;

// Started as `copydesk-language-server` with no arguments: LSP over stdio; --version and --help print.
const commandLine = serverCommandLine(process.argv.slice(2), typeof COPYDESK_VERSION === 'string' ? COPYDESK_VERSION : 'dev');
if ('print' in commandLine) {
  process.stdout.write(commandLine.print);
  process.exit(0);
}
// V8 lets the heap grow to up to four times what survived its last full collection before the
// next, and a long draft's first look and edits leave much short-lived data behind: with a 4 MB
// draft the server's peak RSS was 370 MB after the open and 500 MB over the edits. Growing by 30%
// at a time keeps them near 295 and 410 MB, for a few per cent more time in the collector. Read
// at every collection, so set here, for every way the server is started.
defaultV8Flag('--heap-growing-percent=30', 'heap-growing-percent');
compileRegExpsOnce();
compileForFirstLooks();
// vscode-languageserver reads the transport from process.argv (and only then keeps console.log off stdout).
process.argv.splice(2, Infinity, ...commandLine.args);
const connection = usesStdio(commandLine.args) ? stdioConnection() : fromCommandLine();
// A notice the client answers with an error (or a bug of ours in a fire-and-forget promise) is
// logged; the default for an unhandled rejection would end the server.
process.on('unhandledRejection', (reason) => connection.console.error(`Copydesk: an asynchronous step failed: ${describeError(reason)}`));
let answered: InitializeParams | undefined;
connection.onInitialize((params) => {
  answered = params;
  return initializeResult(params);
});
// The connection reads the next message only after this returns, so the session's handlers are in
// place for everything after `initialized`.
connection.onInitialized(() => {
  let resume: typeof resumeSession;
  try {
    // A file next to this one at run time (esbuild.mjs keeps it out of this bundle), compiled
    // from the code cache its last run left (node/codeCache.ts). The cache is written when the
    // server ends, when the most functions have been compiled (the LSP exit notification ends the
    // process through process.exit, which runs 'exit' handlers).
    const loaded = requireWithCodeCache(path.join(__dirname, 'serverSession.js'), codeCacheDir());
    ({ resumeSession: resume } = loaded.exports as { resumeSession: typeof resumeSession });
    process.once('exit', () => loaded.save());
  } catch (error) {
    // A broken install: say so where the writer sees it, and end, so the client reports the server gone.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const message = `Copydesk could not load its checks (${reason}); reinstall the extension.`;
    connection.console.error(`${message}\n${describeError(error)}`);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
    // Messages are written on the next turns of the event loop.
    setTimeout(() => process.exit(1), 100);
    return;
  }
  resume(connection, answered!);
});
connection.listen();

function fromCommandLine() {
  return createConnection(ProposedFeatures.all);
}

/**
 * Over stdio, the connection vscode-languageserver would make from the command line, but writing
 * messages through one kept buffer (node/messageEncoder.ts). stdin is still given as a stream, so
 * the library ends the server when it closes; the library accepts a stream or a reader, and a
 * stream or a writer, argument by argument, though its overloads pair them.
 */
function stdioConnection(): ReturnType<typeof fromCommandLine> {
  const make = createConnection as unknown as (features: typeof ProposedFeatures.all, input: NodeJS.ReadableStream, output: MessageWriter) => ReturnType<typeof fromCommandLine>;
  const made = make(ProposedFeatures.all, process.stdin, new StreamMessageWriter(process.stdout, { contentTypeEncoder: reusingJsonEncoder() }));
  consoleToClient(made.console);
  return made;
}

/** What the library does when it opens stdio itself: stdout carries the protocol, so console output goes to the client's log. */
function consoleToClient(remote: RemoteConsole): void {
  const to = (write: (message: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.debug = console.dir = console.table = console.trace = to((m) => remote.log(m));
  console.info = to((m) => remote.info(m));
  console.warn = to((m) => remote.warn(m));
  console.error = to((m) => remote.error(m));
}
