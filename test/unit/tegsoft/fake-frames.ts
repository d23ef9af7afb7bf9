import { vi } from 'vitest';
import type { FrameChannel, FrameHost, FrameSpec } from '../../../src/vendors/frame-host';

/** An in-memory frame host: records what the adapter posts, and plays the widget's side by hand. */
export function fakeFrames() {
  const specs: FrameSpec[] = [];
  const posted: { name: string; data?: unknown }[] = [];
  const messageListeners = new Set<(data: unknown) => void>();
  const loadListeners = new Set<() => void>();
  let opened = 0;
  let closed = 0;
  const channel: FrameChannel & {
    showScreen: ReturnType<typeof vi.fn>;
    ringing: ReturnType<typeof vi.fn>;
    release: ReturnType<typeof vi.fn>;
  } = {
    post: (message: unknown) => void posted.push(message as { name: string }),
    onMessage: (listener: (data: unknown) => void) => {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onLoad: (listener: () => void) => {
      loadListeners.add(listener);
      return () => loadListeners.delete(listener);
    },
    showScreen: vi.fn(async (): Promise<void> => {}),
    ringing: vi.fn((): void => {}),
    release: vi.fn((): void => {}),
    close: async () => {
      closed += 1;
    },
  };
  const host: FrameHost = {
    sandboxPage: 'chrome-extension://test/src/sandbox/index.html',
    open: async (spec) => {
      specs.push(spec);
      opened += 1;
      return channel;
    },
  };
  return {
    host,
    channel,
    specs,
    posted,
    /** Names of the actions posted, in order. */
    names: () => posted.map((message) => message.name),
    /** The widget posts `data` to its parent. */
    send: (data: unknown) => {
      for (const listener of [...messageListeners]) listener(data);
    },
    /** The widget page (re)loads. */
    load: () => {
      for (const listener of [...loadListeners]) listener();
    },
    opened: () => opened,
    closed: () => closed,
    listening: () => messageListeners.size,
  };
}
