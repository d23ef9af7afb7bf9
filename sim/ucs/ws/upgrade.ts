import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WsConnection } from './connection';
import { acceptKey } from './frames';

/** Completes a server-side RFC 6455 handshake; null (and a 400 sent) when the request is not one. */
export function acceptUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): WsConnection | null {
  const key = req.headers['sec-websocket-key'];
  const upgrade = req.headers.upgrade?.toLowerCase();
  if (typeof key !== 'string' || upgrade !== 'websocket' || req.headers['sec-websocket-version'] !== '13') {
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    return null;
  }
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n' +
      `sec-websocket-accept: ${acceptKey(key)}\r\n\r\n`,
  );
  return new WsConnection(socket, false, head);
}

/** Refuses an upgrade with an HTTP status, e.g. 503 while the simulated server is down. */
export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nconnection: close\r\n\r\n`);
}
