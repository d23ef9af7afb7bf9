import type { HostPort } from '../../../src/background/frames/frame-record';
import type { FramePlatform } from '../../../src/background/frames/platform';
import type { HeldFrame, WorkerMessage } from '../../../src/background/frames/protocol';
import type { Logger } from '../../../src/background/hub';
import type { FrameSpec, ScreenLayout } from '../../../src/vendors/frame-host';

export const VENDOR = 'https://vendor.example';

/** A frame spec on the vendor's origin. */
export const spec = (overrides: Partial<FrameSpec> = {}): FrameSpec => ({
  key: 'tegsoft:p1',
  url: `${VENDOR}/widget?token=t1`,
  origin: VENDOR,
  allow: 'microphone; camera; autoplay',
  ...overrides,
});

export const layout: ScreenLayout = { title: 'Tegsoft', width: '400px', autoMaximize: true };

/** What a host page announces for a frame it holds. */
export const held = (overrides: Partial<HeldFrame> = {}): HeldFrame => {
  const { key, url, origin, allow } = spec();
  return { key, url, origin, allow, loaded: true, ...overrides };
};

/** A host page's port that records what the worker sends it. */
export class FakePort implements HostPort {
  readonly sent: WorkerMessage[] = [];
  broken = false;

  post(message: WorkerMessage): void {
    if (this.broken) throw new Error('Attempting to use a disconnected port object');
    // Ports serialize as JSON: so does the fake, so nothing passes that Chrome would not carry.
    this.sent.push(JSON.parse(JSON.stringify(message)) as WorkerMessage);
  }

  /** The messages sent of one type. */
  of<T extends WorkerMessage['type']>(type: T): Extract<WorkerMessage, { type: T }>[] {
    return this.sent.filter(
      (message): message is Extract<WorkerMessage, { type: T }> => message.type === type,
    );
  }
}

/** The browser side, recording calls; each call can be made to fail. */
export class FakePlatform implements FramePlatform {
  ensured = 0;
  closed = 0;
  nextWindowId = 100;
  readonly windows: { key: string; layout: ScreenLayout | undefined; id: number }[] = [];
  readonly focused: number[] = [];
  readonly closedWindows: number[] = [];
  failEnsure: Error | undefined;
  failWindow: Error | undefined;
  private removed: ((windowId: number) => void) | undefined;

  async ensureOffscreen(): Promise<void> {
    this.ensured += 1;
    if (this.failEnsure) throw this.failEnsure;
  }

  async closeOffscreen(): Promise<void> {
    this.closed += 1;
  }

  async openScreenWindow(key: string, layout: ScreenLayout | undefined): Promise<number> {
    if (this.failWindow) throw this.failWindow;
    const id = this.nextWindowId++;
    this.windows.push({ key, layout, id });
    return id;
  }

  async focusWindow(windowId: number): Promise<void> {
    this.focused.push(windowId);
  }

  async closeWindow(windowId: number): Promise<void> {
    this.closedWindows.push(windowId);
  }

  onWindowRemoved(listener: (windowId: number) => void): void {
    this.removed = listener;
  }

  /** The user closed a window. */
  removeWindow(windowId: number): void {
    this.removed?.(windowId);
  }
}

/** A log that keeps its lines, for asserting what was reported. */
export function memoryLog(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const log: Logger = (level, message) => void lines.push({ level, message });
  return Object.assign(log, { lines });
}

/** Lets queued promise callbacks and microtasks run. */
export const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};
