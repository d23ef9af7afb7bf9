import type { RealtimeEngine, RealtimeManager } from './socket';

/**
 * Chrome stops an MV3 worker after 30 s without events, and a WebSocket message either way counts as
 * one (Chrome 116+). socket.io's pings (every 25 s by default in socket.io 2 and 4) are enough on their
 * own; a server configured with a longer `pingInterval` would let the worker die mid-shift, so after
 * QUIET_MS without any packet the adapter sends a tiny event of its own.
 */
export const QUIET_MS = 27_000;

/** The event sent when the line has been quiet; xcally-realtime has no handler for it and drops it. */
export const KEEPALIVE_EVENT = 'softbar:keepalive';

/**
 * Watches the traffic of every engine.io connection `manager` opens and calls `send` after QUIET_MS
 * without a packet in either direction. Returns the stop.
 */
export function keepTrafficFlowing(
  manager: RealtimeManager,
  send: () => void,
  quietMs = QUIET_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const touch = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      send();
      // Re-armed even when nothing could be sent (reconnecting): the next connection needs it too.
      touch();
    }, quietMs);
  };
  const watch = (engine: RealtimeEngine | null | undefined) => {
    engine?.on('packet', touch);
    engine?.on('packetCreate', touch);
  };
  manager.on('open', () => {
    watch(manager.engine);
    touch();
  });
  watch(manager.engine);
  touch();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
