import { runSchema } from '../core/config/valibot-issues';
import type { ConnectionStatus, VendorEvent } from '../core/vendor-events';
import type { AdapterContext, VendorDefinition } from '../vendors/contract';
import type { FrameHost } from '../vendors/frame-host';
import type { Logger } from './hub';
import type { ConnectionTester } from './router';

/** How long a test connection may take before it counts as failed. */
export const TEST_TIMEOUT_MS = 20_000;

export interface ConnectionTesterDeps {
  /** Vendors this build can run. */
  readonly vendors: readonly VendorDefinition[];
  /** The frame host; test sessions use their own frame keys so the live session is left alone. */
  readonly frames: FrameHost;
  /** Epoch ms. */
  readonly now: () => number;
  /** The worker's log. */
  readonly log: Logger;
  /** Overrides TEST_TIMEOUT_MS (tests). */
  readonly timeoutMs?: number;
  /** Overrides LIVE_SETTLE_MS (tests). */
  readonly liveSettleMs?: number;
  /** The session running now, if any: testing its own settings must not log the agent in twice. */
  readonly live?: () => LiveSession | undefined;
}

/** The running session, as the tester compares it. */
export interface LiveSession {
  /** Vendor id of the active profile. */
  readonly vendor: string;
  /** Its validated settings. */
  readonly settings: unknown;
  /** Its connection now, and the message the bar shows with it. */
  readonly status: ConnectionStatus;
  readonly message?: string;
  /** The vendor waits for the agent to pair a phone in the bar (its login went through). */
  readonly pairing?: boolean;
}

/** How long the tester waits for a running session that is still connecting (a profile just saved). */
export const LIVE_SETTLE_MS = 5_000;

const sameSettings = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Test connection": validates the settings as an import would, then connects a throw-away adapter with
 * them and disconnects it. The live session is never touched; the test adapter gets its own storage and
 * its own frame keys.
 */
export function createConnectionTester(deps: ConnectionTesterDeps): ConnectionTester {
  return {
    async test(vendorId, settings) {
      const vendor = deps.vendors.find((candidate) => candidate.id === vendorId);
      if (!vendor) {
        const known = deps.vendors.map((candidate) => candidate.id).join(', ');
        return { ok: false, message: `Vendor "${vendorId}" is not in this build; choose one of: ${known}.` };
      }
      const parsed = runSchema(vendor.settingsSchema, settings ?? {}, ['settings']);
      if (!parsed.ok) {
        return {
          ok: false,
          message: parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'),
        };
      }
      let live = deps.live?.();
      // A second session with the same credentials could take the live one's phone registration away
      // (one agent, two softphones): the running session already answers the question.
      if (live && live.vendor === vendor.id && sameSettings(live.settings, parsed.output)) {
        // A profile just saved is still connecting: its answer is worth a short wait.
        const until = deps.now() + (deps.liveSettleMs ?? LIVE_SETTLE_MS);
        while (
          live &&
          (live.status === 'connecting' || live.status === 'disconnected') &&
          !live.pairing &&
          deps.now() < until
        ) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          live = deps.live?.() ?? live;
        }
        const detail = live.message ? ` ${live.message}` : '';
        if (live.status === 'connected')
          return {
            ok: true,
            message: `Connected to ${vendor.label} (the running session uses these settings).${detail}`,
          };
        if (live.pairing)
          return {
            ok: true,
            message: `Logged in to ${vendor.label} (the running session uses these settings); it waits for the agent to pair a phone in the bar.`,
          };
        return { ok: false, message: `The running session with these settings is ${live.status}.${detail}` };
      }
      // Random, so a test frame left behind by a worker restart is never mistaken for this one's.
      const run = crypto.randomUUID();
      const memory = new Map<string, unknown>();
      // A test session's frames are closed, not kept for re-attach: left running they would stay logged in
      // with the agent's credentials as a second softphone.
      const frames: FrameHost = {
        sandboxPage: deps.frames.sandboxPage,
        open: async (spec) => {
          const channel = await deps.frames.open({ ...spec, key: `test-${run}:${spec.key}` });
          return {
            post: (message) => channel.post(message),
            onMessage: (listener) => channel.onMessage(listener),
            onLoad: (listener) => channel.onLoad(listener),
            showScreen: () => channel.showScreen(),
            ringing: () => channel.ringing(),
            close: () => channel.close(),
            release: () => void channel.close(),
          };
        },
      };
      const ctx: AdapterContext = {
        store: {
          get: async <T>(key: string) => memory.get(key) as T | undefined,
          set: async (key, value) => void memory.set(key, value),
        },
        now: deps.now,
        log: deps.log,
        frames,
        purpose: 'test',
      };
      const adapter = vendor.create(parsed.output, ctx);
      const notices: string[] = [];
      // A vendor that asks for the agent's phone has accepted the login: the rest is the agent's choice.
      let asksForPhone: (() => void) | undefined;
      const pairing = new Promise<'pairing'>((resolve) => {
        asksForPhone = () => resolve('pairing');
      });
      adapter.onEvent((event: VendorEvent) => {
        if (event.type === 'notice' && event.level !== 'info') notices.push(event.text);
        if (event.type === 'desk' && event.pairing) asksForPhone?.();
      });
      const abort = new AbortController();
      const timeoutMs = deps.timeoutMs ?? TEST_TIMEOUT_MS;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          reject(new Error(`No answer from ${vendor.label} within ${Math.ceil(timeoutMs / 1000)} s.`));
        }, timeoutMs);
      });
      try {
        const outcome = await Promise.race([adapter.connect(abort.signal), pairing, timeout]);
        const extra = notices.length > 0 ? ` It said: ${notices.join(' ')}` : '';
        if (outcome === 'pairing')
          return {
            ok: true,
            message: `Logged in to ${vendor.label}; it asks which phone to pair, which the agent chooses in the bar.${extra}`,
          };
        return { ok: true, message: `Connected to ${vendor.label}.${extra}` };
      } catch (error) {
        deps.log('info', `test connection to ${vendor.id} failed`, error);
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      } finally {
        clearTimeout(timer);
        abort.abort();
        await adapter
          .dispose()
          .catch((error: unknown) => deps.log('warn', 'test session did not close', error));
      }
    },
  };
}
