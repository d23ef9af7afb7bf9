import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { endedCall, type Harness, harness, OPTIONS_PAGE, settled, WEBHOOK } from './helpers';

interface Received {
  readonly status: number;
  readonly key: string | undefined;
  readonly contentType: string | undefined;
  readonly callId: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A webhook on 127.0.0.1 answering 503 to its first `failures` requests, 204 after. */
async function flakyServer(failures: number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const status = received.length < failures ? 503 : 204;
      received.push({
        status,
        key: request.headers['idempotency-key'] as string | undefined,
        contentType: request.headers['content-type'],
        callId: (JSON.parse(body) as { log: { callId: string } }).log.callId,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/softbar`, received };
}

async function runWakeUps(h: Harness): Promise<void> {
  for (let i = 0; i < 20 && h.wakeUp.at !== undefined; i++) {
    h.clock.now = h.wakeUp.at;
    await h.history.wake();
  }
}

describe('a webhook server on 127.0.0.1 that fails its first five requests', () => {
  it('still receives every log exactly once, with a restart in between', async () => {
    const { url, received } = await flakyServer(5);
    const settings = { prompt: true, dispositions: [], webhook: { ...WEBHOOK, url } };
    const first = harness({ settings, fetch: globalThis.fetch });
    await first.history.start();
    for (const [i, id] of ['c1', 'c2', 'c3'].entries()) first.hub.end(endedCall(id, i));
    await settled(first.history);
    for (const id of ['c1', 'c2', 'c3'])
      await first.history.save(id, `Notes on ${id}`, undefined, OPTIONS_PAGE);
    await first.history.wake();
    first.clock.now = first.wakeUp.at ?? first.clock.now;
    await first.history.wake();
    await first.history.stop();

    const restarted = harness({
      dbName: first.dbName,
      settings,
      fetch: globalThis.fetch,
      clock: first.clock,
    });
    await restarted.history.start();
    await restarted.history.wake();
    await runWakeUps(restarted);

    expect(received.filter((r) => r.status === 204).map((r) => r.callId)).toEqual(['c1', 'c2', 'c3']);
    expect(received).toHaveLength(8);
    expect(received.every((r) => r.contentType === 'application/json' && r.key === r.callId)).toBe(true);
    const { deliveries } = await restarted.history.view({ limit: 10 });
    expect(deliveries.map((d) => d.state)).toEqual(['delivered', 'delivered', 'delivered']);
    await restarted.history.stop();
  });
});
