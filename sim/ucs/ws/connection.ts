import type { Duplex } from 'node:stream';
import { decodeFrames, encodeFrame, OPCODE } from './frames';

/** One open WebSocket over a socket, either end; text messages only. */
export class WsConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private closed = false;
  private readonly messageHandlers: ((text: string) => void)[] = [];
  private readonly closeHandlers: (() => void)[] = [];

  /** `masked`: true on the client end (RFC 6455 makes clients mask, servers not). */
  constructor(
    private readonly socket: Duplex,
    private readonly masked: boolean,
    head: Buffer = Buffer.alloc(0),
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
    if (head.length > 0) this.receive(head);
  }

  /** Calls `handler` with each text message. */
  onMessage(handler: (text: string) => void): void {
    this.messageHandlers.push(handler);
  }

  /** Calls `handler` once the connection is gone, whoever ended it. */
  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  /** True while messages can still be sent. */
  get open(): boolean {
    return !this.closed;
  }

  /** Sends one text message (dropped once closed). */
  send(text: string): void {
    if (this.closed) return;
    this.socket.write(encodeFrame(OPCODE.text, Buffer.from(text, 'utf8'), this.masked));
  }

  /** Sends a close frame and ends the socket. */
  close(code = 1000): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.end(encodeFrame(OPCODE.close, payload, this.masked));
    this.finish();
  }

  /** Cuts the socket without a close frame, as a crash would. */
  destroy(): void {
    this.socket.destroy();
    this.finish();
  }

  private receive(chunk: Buffer): void {
    const { frames, rest } = decodeFrames(Buffer.concat([this.buffer, chunk]));
    this.buffer = rest;
    for (const frame of frames) {
      if (frame.opcode === OPCODE.text) {
        const text = frame.payload.toString('utf8');
        for (const handler of this.messageHandlers) handler(text);
      } else if (frame.opcode === OPCODE.ping) {
        if (!this.closed) this.socket.write(encodeFrame(OPCODE.pong, frame.payload, this.masked));
      } else if (frame.opcode === OPCODE.close) {
        this.close();
      }
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const handler of this.closeHandlers) handler();
  }
}
