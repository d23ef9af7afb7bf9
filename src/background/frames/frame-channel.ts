import type { FrameChannel } from '../../vendors/frame-host';
import type { Frame } from './frame-record';

/** What a channel asks of the router; each takes the frame the channel holds. */
export interface ChannelOps {
  /** Whether `owner` still holds `frame` (not closed, not taken by a later `open` of the same key). */
  holds(frame: Frame, owner: object): boolean;
  /** Sends a message to the frame, or keeps it until the frame is placed. */
  post(frame: Frame, message: unknown): void;
  /** Moves the frame to its vendor-screen window, or brings that window to the front. */
  showScreen(frame: Frame): Promise<void>;
  /** Tells the vendor-screen window a call rings. */
  ringing(frame: Frame): void;
  /** Leaves the frame, still loaded, to the next `open` of its key; it is closed unless opened in time. */
  release(frame: Frame): void;
  /** Removes the frame from wherever it lives. */
  close(frame: Frame): void;
}

/**
 * The adapter's handle on a frame. A channel goes inert once its frame is closed, once it released the
 * frame, or once a later `open` of the same key took the frame (the adapter that made it was replaced):
 * it then neither posts nor closes, so a stale adapter cannot disturb the live one.
 */
export function frameChannel(frame: Frame, owner: object, ops: ChannelOps): FrameChannel {
  const { listeners } = frame;
  const live = () => ops.holds(frame, owner);
  return {
    post(message) {
      if (live()) ops.post(frame, message);
    },
    onMessage(listener) {
      listeners.message.add(listener);
      return () => listeners.message.delete(listener);
    },
    onLoad(listener) {
      listeners.load.add(listener);
      // A frame re-attached after a worker restart loaded long ago: the adapter that subscribes now
      // still learns that the page is there, so it queries the vendor again.
      if (frame.loaded) {
        queueMicrotask(() => {
          if (live() && frame.loaded && listeners.load.has(listener)) listener();
        });
      }
      return () => listeners.load.delete(listener);
    },
    showScreen: async () => {
      if (!live()) throw new Error("The vendor's page is closed.");
      await ops.showScreen(frame);
    },
    ringing() {
      if (live()) ops.ringing(frame);
    },
    release() {
      if (live()) ops.release(frame);
    },
    close: async () => {
      if (live()) ops.close(frame);
    },
  };
}
