/**
 * @file The Copydesk client: starts the language server, restarts it when it crashes (the
 * language client's default error handler, up to 4 times in 3 minutes), and adds the commands.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Kept in step with REMOVE_DUPLICATES_COMMAND in server/src/server.ts. */
const SERVER_REMOVE_DUPLICATES = 'copydesk.server.removeDuplicates';
/** Kept in step with DID_GRANT_TRUST in server/src/server.ts. */
const DID_GRANT_TRUST = 'copydesk/didGrantTrust';
const CONFIG_NAME = '.copydesk.json';
const CONFIG_TEMPLATE = '{\n  "$schema": "https://github.com/copydesk/copydesk/raw/main/schemas/copydesk.schema.json",\n  // "extends": "copydesk:strict",\n  "rules": {\n    \n  }\n}\n';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  context.subscriptions.push(output);
  await start(context, output);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.removeAllDuplicates', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return void vscode.window.showInformationMessage('Copydesk: open a draft first.');
      const { uri, version } = editor.document;
      await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_REMOVE_DUPLICATES, arguments: [uri.toString(), version] });
    }),
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await client?.stop();
      await start(context, output);
    }),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show()),
    // Behind the "Turn off <rule> in settings" quick action: user settings, so it follows the writer everywhere.
    vscode.commands.registerCommand('copydesk.turnOffRule', async (id: unknown) => {
      if (typeof id !== 'string') return;
      await vscode.workspace.getConfiguration('copydesk').update(`rules.${id}`, 'off', vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(`Copydesk: '${id}' is off in your user settings.`);
    }),
    vscode.commands.registerCommand('copydesk.openConfiguration', () => openConfiguration()),
    // Trust is granted in the editor; the server only learns it from us.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(DID_GRANT_TRUST)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when the client starts, so a new language list needs a restart.
      if (e.affectsConfiguration('copydesk.languages')) {
        await client?.stop();
        await start(context, output);
      }
    }),
  );
}

async function start(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const languages = vscode.workspace.getConfiguration('copydesk').get<string[]>('languages', ['markdown', 'plaintext']);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...languages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // The project configuration, so its problems show in the file itself as it is edited.
      { scheme: 'file', pattern: '**/.copydesk.json' },
    ],
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: ['copydesk.turnOffRule'] },
    outputChannel: output,
    // vscode-languageclient 10 turned onChange off by default; without it diagnostics go stale while typing.
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  await client.start();
}

/** Opens the nearest .copydesk.json for the active draft, or offers to create one at the workspace root. */
async function openConfiguration(): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return void vscode.window.showInformationMessage(`Copydesk: open a folder to keep a ${CONFIG_NAME} in it.`);
  let dir = active && active.scheme === 'file' ? vscode.Uri.joinPath(active, '..') : folder.uri;
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

export async function deactivate(): Promise<void> {
  await client?.stop();
}
