import { strict as assert } from 'node:assert';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitHubClient } from '../../../src/github/client';

const TOKEN = 'ghp_configuredHostOnly0123456789abcdef';

/** A local HTTP server that records the headers of each request and answers with `answer`. */
async function serve(answer: (url: string, reply: (status: number, headers: Record<string, string>, body: string) => void) => void) {
  const received: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    request.resume();
    answer(request.url ?? '', (status, headers, body) => response.writeHead(status, headers).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the token goes only to the configured host', () => {
  it('sends Authorization to the configured host, and none to another host it is redirected to', async () => {
    // "localhost" is the other host: another name (and port) than the configured 127.0.0.1.
    const other = await serve((_url, reply) => reply(200, { 'content-type': 'application/json' }, JSON.stringify({ data: { viewer: { login: 'octocat' } } })));
    const configured = await serve((url, reply) => reply(307, { location: `http://localhost:${other.port}${url}` }, ''));
    try {
      const client = createGitHubClient({ baseUrl: `http://127.0.0.1:${configured.port}`, token: TOKEN }, { waitUnitMs: 1, retries: 0 });
      await client.viewerLogin().catch(() => undefined);
      assert.ok(configured.received.length > 0, 'the configured host was not asked');
      assert.equal(configured.received[0]?.headers.authorization, `token ${TOKEN}`);
      assert.equal(other.received.length, 1, 'the redirect was not followed, so this test checks nothing');
      for (const request of other.received) {
        assert.equal(request.headers.authorization, undefined, 'the token was sent to the host redirected to');
        assert.ok(!JSON.stringify(request.headers).includes(TOKEN));
      }
    } finally {
      await Promise.all([configured.close(), other.close()]);
    }
  });
});
