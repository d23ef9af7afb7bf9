import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { WsConnection } from './connection';
import { acceptKey } from './frames';

/**
 * Opens a WebSocket from Node to `url` (ws://host:port/path), for tests and tools: Node 20 has no
 * WebSocket client without a flag. Rejects when the server refuses the upgrade.
 */
export function connectWs(url: string): Promise<WsConnection> {
  const target = new URL(url);
  const key = randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = request({
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': key,
        'sec-websocket-version': '13',
      },
    });
    req.once('upgrade', (res, socket, head) => {
      if (res.headers['sec-websocket-accept'] !== acceptKey(key)) {
        socket.destroy();
        reject(new Error('bad sec-websocket-accept'));
        return;
      }
      resolve(new WsConnection(socket, true, head));
    });
    req.once('response', (res) => {
      res.resume();
      reject(new Error(`upgrade refused: HTTP ${res.statusCode}`));
    });
    req.once('error', reject);
    req.end();
  });
}
