import { createServer, type IncomingMessage } from 'node:http';

/** One request the webhook server saw. */
export interface WebhookHit {
  readonly status: number;
  readonly idempotencyKey: string | undefined;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

export interface WebhookServer {
  readonly url: string;
  /** Every request, in arrival order, with the status it was answered with. */
  readonly hits: WebhookHit[];
  /** Bodies of the requests that were accepted (2xx), i.e. what the CRM actually received. */
  accepted(): unknown[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/**
 * A CRM webhook on 127.0.0.1 that answers 503 to its first `failFirst` requests, then 200: a webhook that
 * is down for a while. It does not de-duplicate, so a test can see every delivery the extension made.
 */
export function startWebhookServer(failFirst: number): Promise<WebhookServer> {
  const hits: WebhookHit[] = [];
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const status = req.method !== 'POST' ? 405 : hits.length < failFirst ? 503 : 200;
    hits.push({
      status,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
      body,
    });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status === 200 }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/softbar-hook`,
        hits,
        accepted: () => hits.filter((hit) => hit.status === 200).map((hit) => hit.body),
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
