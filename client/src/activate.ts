/**
 * @file The Copydesk client, on the desktop (extension.ts: a Node server) and on the web
 * (browserExtension.ts: a web worker) alike: starts the language server, restarts it when it
 * crashes (the language client's default error handler, up to 4 times in 3 minutes; after that the
 * writer is told how to start it again), and adds the commands. Only making the client differs.
 */
import * as vscode from 'vscode';
import { CloseAction, DiagnosticPullMode, ExecuteCommandRequest, State, type BaseLanguageClient, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { draftSchemes } from './drafts';
import { registerFileAccess } from './fileAccess';
import { VisibleRanges } from './visibleRanges';
import { registerWorkspaceFeatures } from './workspaceCheck';
import { registerWriterFeatures } from './writer';

/** Kept in step with REMOVE_DUPLICATES_COMMAND in server/src/lsp/capabilities.ts. */
const SERVER_REMOVE_DUPLICATES = 'copydesk.server.removeDuplicates';
/** Kept in step with DID_GRANT_TRUST in server/src/lsp/session.ts. */
const DID_GRANT_TRUST = 'copydesk/didGrantTrust';
/** Kept in step with REFRESH_COMMAND in server/src/lsp/capabilities.ts. */
const SERVER_REFRESH = 'copydesk.server.refresh';
const CONFIG_NAME = '.copydesk.json';
/** Restarts after a crash within 3 minutes before the client gives up (the library's default). */
const MAX_RESTARTS = 4;
/** Drafts already told that they are checked on open and save only. */
const toldLarge = new Set<string>();
const CONFIG_TEMPLATE = '{\n  "$schema": "https://github.com/copydesk/copydesk/raw/main/schemas/copydesk.schema.json",\n  // "extends": "copydesk:strict",\n  "rules": {\n    \n  }\n}\n';

/** Makes the language client for the server of this platform (a Node process, or a web worker). */
export type CreateClient = (options: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;
let createClient: CreateClient;
/** Tells the server which lines are on screen (which findings a long draft shows). */
let visibleRanges: VisibleRanges | undefined;
/** The library's restart policy, made anew when the writer restarts the server by hand (its count starts again). */
let restartPolicy: ErrorHandler | undefined;

/** The default policy, with a last message that says what to do rather than only what happened. */
const errorHandler: ErrorHandler = {
  error: (error, message, count) => restartPolicy!.error(error, message, count),
  closed: async () => {
    const result = await restartPolicy!.closed();
    if (result.action !== CloseAction.DoNotRestart) return result;
    return { ...result, message: `The Copydesk server stopped ${MAX_RESTARTS + 1} times in 3 minutes and was not started again. Run "Copydesk: Restart server" to start it; "Copydesk: Show output" says what went wrong.` };
  },
};

export async function activateCopydesk(context: vscode.ExtensionContext, create: CreateClient): Promise<void> {
  createClient = create;
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  visibleRanges = new VisibleRanges(() => client);
  context.subscriptions.push(output, visibleRanges);
  await start(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.removeAllDuplicates', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return void vscode.window.showInformationMessage('Copydesk: open a draft first.');
      const { uri, version } = editor.document;
      await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_REMOVE_DUPLICATES, arguments: [uri.toString(), version] });
    }),
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      if (!client) return start(output);
      restartPolicy = client.createDefaultErrorHandler(MAX_RESTARTS);
      // After the client gave up on a crashing server it is not running, and stop() would throw.
      if (client.isRunning()) await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show()),
    ...registerWriterFeatures(context, () => client, output),
    ...registerWorkspaceFeatures(() => client),
    // Behind the "Turn off <rule> in settings" quick action: user settings, so it follows the writer everywhere.
    vscode.commands.registerCommand('copydesk.turnOffRule', async (id: unknown) => {
      if (typeof id !== 'string') return;
      await vscode.workspace.getConfiguration('copydesk').update(`rules.${id}`, 'off', vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(`Copydesk: '${id}' is off in your user settings.`);
    }),
    vscode.commands.registerCommand('copydesk.openConfiguration', () => openConfiguration()),
    vscode.commands.registerCommand('copydesk.checkNow', async () => {
      if (!client) return;
      await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_REFRESH, arguments: [] });
    }),
    // Trust is granted in the editor; the server only learns it from us.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(DID_GRANT_TRUST)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when the client starts, so a new language list needs a restart.
      if (e.affectsConfiguration('copydesk.languages')) {
        await client?.stop();
        await start(output);
      }
    }),
  );
}

async function start(output: vscode.LogOutputChannel): Promise<void> {
  const languages = vscode.workspace.getConfiguration('copydesk').get<string[]>('languages', ['markdown', 'plaintext']);
  const schemes = draftSchemes();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...languages.flatMap((language) => schemes.map((scheme) => ({ scheme, language }))),
      // The project configuration, so its problems show in the file itself as it is edited.
      ...schemes.filter((scheme) => scheme !== 'untitled').map((scheme) => ({ scheme, pattern: '**/.copydesk.json' })),
    ],
    // fileAccess: this client answers the web worker's requests for the workspace's files (fileAccess.ts).
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: ['copydesk.turnOffRule', 'copydesk.openOtherArticle'], fileAccess: true },
    outputChannel: output,
    // vscode-languageclient 10 turned onChange off by default; without it diagnostics go stale while typing.
    errorHandler,
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // The size policy: a book-length draft is checked on open, on save and on command, not on every keystroke.
      filter: (document, mode) => mode === DiagnosticPullMode.onType && tooLargeToCheckAsYouType(document),
    },
  };
  client = createClient(clientOptions);
  registerFileAccess(client);
  restartPolicy = client.createDefaultErrorHandler(MAX_RESTARTS);
  // Also after a crash: the restarted server knows nothing of the screen.
  client.onDidChangeState(({ newState }) => newState === State.Running && visibleRanges?.sendAll());
  await client.start();
}

function tooLargeToCheckAsYouType(document: vscode.TextDocument): boolean {
  const max = vscode.workspace.getConfiguration('copydesk', document.uri).get<number>('checkAsYouTypeMaxSize', 2_000_000);
  // The offset of the end is the length, without copying a multi-megabyte text on every keystroke.
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  if (length <= max) return false;
  const key = document.uri.toString();
  if (!toldLarge.has(key)) {
    toldLarge.add(key);
    const name = document.uri.path.split('/').pop() ?? 'This draft';
    void vscode.window
      .showInformationMessage(`Copydesk: ${name} is ${(length / 1e6).toFixed(1)} million characters, above copydesk.checkAsYouTypeMaxSize; it is checked when you open or save it, or with "Copydesk: Check this draft now".`, 'Check now')
      .then((choice) => choice && vscode.commands.executeCommand('copydesk.checkNow'));
  }
  return true;
}

/** Opens the nearest .copydesk.json for the active draft, or offers to create one at the workspace root. */
async function openConfiguration(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return void vscode.window.showInformationMessage(`Copydesk: open a folder to keep a ${CONFIG_NAME} in it.`);
  let dir = active && active.scheme !== 'untitled' ? vscode.Uri.joinPath(active, '..') : folder.uri;
  for (;;) {
    const candidate = vscode.Uri.joinPath(dir, CONFIG_NAME);
    try {
      await vscode.workspace.fs.stat(candidate);
      return void (await vscode.window.showTextDocument(candidate));
    } catch {
      if (dir.path === folder.uri.path || !dir.path.startsWith(folder.uri.path)) break;
      dir = vscode.Uri.joinPath(dir, '..');
    }
  }
  const target = vscode.Uri.joinPath(folder.uri, CONFIG_NAME);
  const create = await vscode.window.showInformationMessage(`Copydesk: there is no ${CONFIG_NAME} yet. Create one at the workspace root?`, 'Create');
  if (create !== 'Create') return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(CONFIG_TEMPLATE));
  await vscode.window.showTextDocument(target);
}

export async function deactivateCopydesk(): Promise<void> {
  await client?.stop();
}
