import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { ClientFiles } from '../../../server/src/browser/files';
import { workerUris } from '../../../server/src/browser/uris';

const ROOT = 'vscode-vfs://github/desk/news';
const P = (rel: string): string => workerUris.pathOf(`${ROOT}/${rel}`)!;

/** A client that serves `files` (relative path → text) and counts what it is asked. */
function fakeClient(files: Record<string, string>) {
  const asked: string[] = [];
  const byUri = new Map(Object.entries(files).map(([rel, text]) => [`${ROOT}/${rel}`, text]));
  const connection = {
    sendRequest: async (method: string, params: { uri?: string; glob?: string }) => {
      asked.push(`${method.replace('copydesk/fs/', '')} ${params.uri?.slice(ROOT.length + 1) ?? params.glob}`);
      if (method === 'copydesk/fs/readFile') return byUri.get(params.uri!) ?? null;
      if (method === 'copydesk/fs/findFiles') return [...byUri.keys()].filter((u) => u.endsWith(`/${params.glob!.replace('**/', '')}`));
      return null;
    },
  } as unknown as Connection;
  const client = new ClientFiles(connection, workerUris);
  client.enabled = true;
  return { client, asked };
}

describe('ClientFiles: configuration read at once, fetched through the client', () => {
  it('lists every .copydesk.json once, then knows a missing one without asking', async () => {
    const { client, asked } = fakeClient({ '.copydesk.json': '{}', 'drafts/a.md': 'x' });
    assert.equal(client.readNow(P('drafts/.copydesk.json')), undefined);
    assert.equal(client.readNow(P('.copydesk.json')), undefined, 'not fetched yet');
    assert.equal(await client.fetchMissed(), true);
    assert.deepEqual(asked, ['findFiles **/.copydesk.json', 'readFile .copydesk.json']);
    assert.equal(client.readNow(P('.copydesk.json')), '{}');
    assert.equal(client.readNow(P('drafts/.copydesk.json')), undefined);
    assert.equal(await client.fetchMissed(), false, 'nothing new missed');
    assert.equal(asked.length, 2);
  });
  it('fetches a file a configuration extends when it is first missed', async () => {
    const { client, asked } = fakeClient({ '.copydesk.json': '{}', 'house.json': '{"rules":{}}' });
    await client.fetchMissed();
    assert.equal(client.readNow(P('house.json')), undefined);
    assert.equal(await client.fetchMissed(), true);
    assert.equal(client.readNow(P('house.json')), '{"rules":{}}');
    assert.equal(client.readNow(P('gone.json')), undefined);
    assert.equal(await client.fetchMissed(), false, 'a missed file that is not there changes nothing');
    assert.deepEqual(asked.slice(2), ['readFile house.json', 'readFile gone.json']);
  });
  it('forget() lists again; a client without file access is never asked', async () => {
    const { client, asked } = fakeClient({ '.copydesk.json': '{}' });
    await client.fetchMissed();
    client.forget();
    assert.equal(client.readNow(P('.copydesk.json')), undefined);
    await client.fetchMissed();
    assert.equal(asked.filter((a) => a.startsWith('findFiles')).length, 2);
    const off = fakeClient({ '.copydesk.json': '{}' });
    off.client.enabled = false;
    off.client.readNow(P('.copydesk.json'));
    assert.equal(await off.client.fetchMissed(), false);
    assert.equal(await off.client.read(P('.copydesk.json')), undefined);
    assert.deepEqual(off.asked, []);
  });
  it('existsNow knows no .git, so .gitignore is not applied on the web', () => {
    const { client } = fakeClient({ '.git/HEAD': 'ref' });
    assert.equal(client.existsNow(P('.git')), false);
  });
});
