// The page of the web parity test (test/web/parity.test.ts): starts the Copydesk worker server
// (server/out/browserServer.js) and speaks LSP to it as VS Code's browser client would, over the
// worker's messages. It answers the server's requests itself: settings, and the workspace's files
// from an in-memory map of URI → text (what client/src/fileAccess.ts does with vscode.workspace.fs).
'use strict';
(() => {
  const worker = new Worker('/browserServer.js');
  const pending = new Map();
  const received = [];
  const errors = [];
  let nextId = 1;
  let files = new Map();
  let settings = {};

  const children = (uri) => {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const entries = new Map();
    for (const file of files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      entries.set(name, rest.length > 0);
    }
    return entries.size ? [...entries] : null;
  };

  const answer = (method, params) => {
    switch (method) {
      case 'workspace/configuration':
        return params.items.map(() => settings);
      case 'copydesk/fs/readFile':
        return files.get(params.uri) ?? null;
      case 'copydesk/fs/stat': {
        const text = files.get(params.uri);
        return text === undefined ? null : { size: text.length, mtime: 1 };
      }
      case 'copydesk/fs/readDirectory':
        return children(params.uri);
      case 'copydesk/fs/findFiles': {
        const name = params.glob.replace(/^\*\*\//, '');
        return [...files.keys()].filter((uri) => uri.endsWith(`/${name}`) && !uri.includes('/node_modules/'));
      }
      default:
        return null;
    }
  };

  worker.onmessage = ({ data: message }) => {
    if (message.id !== undefined && message.method === undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else call?.resolve(message.result);
      return;
    }
    received.push({ method: message.method, params: message.params });
    if (message.id !== undefined) worker.postMessage({ jsonrpc: '2.0', id: message.id, result: answer(message.method, message.params) });
  };
  worker.onerror = (event) => errors.push(event.message ?? String(event));

  window.lsp = {
    request: (method, params) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params }),
    setFiles: (entries) => void (files = new Map(entries)),
    setSettings: (value) => void (settings = value),
    received: () => received,
    errors: () => errors,
  };
})();
