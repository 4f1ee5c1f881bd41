/**
 * @file Drives a language server given by path as the simplest push client does: initialize,
 * initialized, didOpen of one draft; prints the rule codes of the first diagnostics it publishes
 * (and, on Linux, the server's command line and environment) and ends it. For pack.cjs, which runs the installed
 * `copydesk-language-server` with it. The file is run as a command, through its #! line, as npm's
 * bin link runs it (on Windows, where npm writes a shim that reads the line, with this Node).
 *
 *   node serve.cjs SERVER DRAFT
 */
'use strict';
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

const [server, draft] = process.argv.slice(2);
const child = process.platform === 'win32' ? spawn(process.execPath, [server], { stdio: ['pipe', 'pipe', 'inherit'] }) : spawn(server, [], { stdio: ['pipe', 'pipe', 'inherit'] });
const send = (message) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
const timer = setTimeout(() => {
  console.error('no diagnostics within 20 s');
  child.kill();
  process.exitCode = 1;
}, 20_000);
let buffer = Buffer.alloc(0);
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const head = buffer.indexOf('\r\n\r\n');
    if (head < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString())[1]);
    if (buffer.length < head + 4 + length) return;
    const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString());
    buffer = buffer.subarray(head + 4 + length);
    if (message.id === 1) {
      send({ method: 'initialized', params: {} });
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri: pathToFileURL(draft).href, languageId: 'markdown', version: 1, text: readFileSync(draft, 'utf8') } } });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const proc = (file) => (process.platform === 'linux' ? readFileSync(`/proc/${child.pid}/${file}`, 'utf8').split('\0').filter(Boolean) : null);
      console.log(JSON.stringify({ codes: message.params.diagnostics.map((d) => d.code), commandLine: proc('cmdline'), environment: proc('environ') }));
      clearTimeout(timer);
      child.kill();
    }
  }
});
send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
