/**
 * @file The Copydesk client: starts the language server, restarts it when it crashes (the
 * language client's default error handler, up to 4 times in 3 minutes), and adds the commands.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Kept in step with REMOVE_DUPLICATES_COMMAND in server/src/server.ts. */
const SERVER_REMOVE_DUPLICATES = 'copydesk.server.removeDuplicates';

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
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    // vscode-languageclient 10 turned onChange off by default; without it diagnostics go stale while typing.
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
