/**
 * @file The floor under every edit figure: what the diagnostics of a draft cost to hand over in
 * a full pull report, whatever the engine does. Measured in this process on the findings of the
 * edit draft: converting findings to LSP diagnostics (as the server does), writing the report as
 * JSON (as vscode-jsonrpc does) and reading it back (as the client must).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpus, type SizeLabel } from './corpus';
import { median } from './timing';

export interface Transport {
  readonly diagnostics: number;
  /** UTF-8 bytes of the JSON-RPC response. */
  readonly bytes: number;
  readonly convertMs: number;
  readonly encodeMs: number;
  readonly decodeMs: number;
}

export async function measureTransport(label: SizeLabel): Promise<Transport> {
  const api = await import('../server/src/api');
  const { toDiagnostic } = await import('../server/src/lsp/convert');
  const { text } = corpus(label);
  const { findings } = api.lintText(text, 'plaintext');
  const doc = TextDocument.create('file:///bench/draft.txt', 'plaintext', 1, text);
  const features = { codeDescription: true, unnecessaryTag: true, relatedInformation: true };
  const convert: number[] = [];
  const encode: number[] = [];
  const decode: number[] = [];
  let json = '';
  for (let i = 0; i < 3; i++) {
    let at = performance.now();
    const items = findings.map((f) => toDiagnostic(doc, f, features));
    convert.push(performance.now() - at);
    at = performance.now();
    json = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { kind: 'full', items } });
    encode.push(performance.now() - at);
    at = performance.now();
    JSON.parse(json);
    decode.push(performance.now() - at);
  }
  return { diagnostics: findings.length, bytes: Buffer.byteLength(json), convertMs: median(convert), encodeMs: median(encode), decodeMs: median(decode) };
}
