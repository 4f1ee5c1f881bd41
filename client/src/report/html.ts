/**
 * @file The report webview's page: a shell that loads the bundled script and stylesheet from the
 * extension (nothing remote: it works offline) under a strict Content-Security-Policy. The script
 * renders each report it is sent, so a refresh keeps the reader's scroll position and focus.
 */
import * as vscode from 'vscode';

export function reportShell(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  // Web Crypto, which Node and the web extension host both have (node:crypto is not in a browser).
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'out', 'report-webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'report.css'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Article report</title>
</head>
<body>
<main id="report" aria-busy="true"><h1>Article report</h1><p>Checking the draft…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Where the webview may load files from: the bundled script and the stylesheet, nothing else. */
export function reportResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'client', 'out'), vscode.Uri.joinPath(extensionUri, 'media')];
}
