/**
 * An xCALLY Shuttle simulator, built from the vendor document (`xcally-shuttle-cti.txt`): the
 * xcally-realtime socket.io service (call events out, AgentCTI / AgentCTINotification / RealtimeCTI in)
 * for socket.io 2 and 4 clients, the agent's Phonebar HTTP API on its own port over the same calls, and
 * a control API that plays callers, agents' phones and integration services. See `control.ts` for the
 * controls and the `ASSUMPTION:` comments for every choice the document leaves open.
 */
import { resolveAgents, type XcallyAgent, type XcallyAgentOptions } from './agents';
import { createXcallyControl, type XcallyControl } from './control';
import { CallCenter, type OutboundRoute } from './model/call-center';
import { PhonebarServer } from './phonebar/phonebar-server';
import type { FieldSet } from './protocol';
import { RealtimeServer } from './realtime/realtime-server';
import { Traffic } from './realtime/traffic';
import { controlRouter } from './server/control-routes';
import { createHttpHandler } from './server/http';

export { SimControlError } from '../shared/control-error';
export { DEFAULT_AGENTS, type XcallyAgent, type XcallyAgentOptions } from './agents';
export type * from './control';
export { PHONEBAR_STATUS, type PhonebarCall, type PhonebarStatusName } from './phonebar/status';
export type * from './protocol';
export {
  AGENT_EMIT_NAMES,
  CALL_EVENT_NAMES,
  MINIMAL_OMITTED_FIELDS,
  SERVICE_EMIT_NAMES,
} from './protocol';

/** How to start the simulator. */
export interface XcallySimOptions {
  /** The realtime port on 127.0.0.1; default a free one. */
  readonly port?: number;
  /** The socket.io path; default `/socket.io` (the real one is not published). */
  readonly path?: string;
  /** When set, clients must send it as handshake query (or socket.io 4 auth) `token`; default none. */
  readonly token?: string | null;
  /** The agents; default `DEFAULT_AGENTS` (Andrea Bianco and John Doe). */
  readonly agents?: readonly XcallyAgentOptions[];
  /** The field set of calls that do not choose one; default `full` (the document's samples). */
  readonly fieldSet?: FieldSet;
  /** Outbound calls' far ends answer by themselves after this long; default null: only when told. */
  readonly answerDelayMs?: number | null;
  /** Also emit `up` / `hangup` for outbound calls; default false (the document shows only `outbound`). */
  readonly outboundUpHangup?: boolean;
  /** The outbound route; default the outbound sample's (`-1`, `1`, `Demo Trunk`, caller id `1800800800`). */
  readonly outboundRoute?: Partial<OutboundRoute>;
  /** The Phonebar: its port on 127.0.0.1 (default a free one) and its agent (default the first). */
  readonly phonebar?: { readonly port?: number; readonly peer?: string };
}

/** A running simulator. */
export interface XcallySim {
  /** The realtime server's origin, `http://127.0.0.1:PORT`: what a socket.io client connects to. */
  readonly url: string;
  /** The socket.io path. */
  readonly path: string;
  /** The Phonebar's origin, `http://127.0.0.1:PORT2`. */
  readonly phonebarUrl: string;
  /** The agent whose Phonebar it is. */
  readonly phonebarPeer: string;
  /** The agents. */
  readonly agents: readonly XcallyAgent[];
  /** The controls (also served as HTTP under `${url}/control/`). */
  readonly control: XcallyControl;
  /** Stops both servers; clients see the connection drop. */
  close(): Promise<void>;
}

const SAMPLE_ROUTE: OutboundRoute = {
  integrationid: '-1',
  routeid: '1',
  trunk: 'Demo Trunk',
  callerId: '1800800800',
};

/** Starts the realtime server and the Phonebar on 127.0.0.1. */
export async function startXcallySim(options: XcallySimOptions = {}): Promise<XcallySim> {
  const agents = resolveAgents(options.agents);
  const path = options.path ?? '/socket.io';
  const realtime: RealtimeServer = new RealtimeServer({
    path,
    token: options.token ?? null,
    handler: (req, res) => handle(req, res),
    onEmit: (client, name, args) => traffic.receive(client, name, args),
  });
  const traffic = new Traffic(realtime);
  const center = new CallCenter(
    agents,
    {
      fieldSet: options.fieldSet ?? 'full',
      answerDelayMs: options.answerDelayMs ?? null,
      outboundUpHangup: options.outboundUpHangup ?? false,
      outboundRoute: { ...SAMPLE_ROUTE, ...options.outboundRoute },
    },
    (event) => traffic.send(event),
  );
  const phonebarPeer = options.phonebar?.peer ?? agents[0]!.peer;
  center.agent(phonebarPeer);
  const phonebar = new PhonebarServer(center, phonebarPeer);
  const control = createXcallyControl({ center, traffic, realtime, phonebar });
  const handle = createHttpHandler(controlRouter(control));

  await realtime.start(options.port ?? 0);
  const phonebarPort = await phonebar.start(options.phonebar?.port ?? 0).catch(async (error: unknown) => {
    await realtime.close();
    throw error;
  });
  return {
    url: `http://127.0.0.1:${realtime.port}`,
    path,
    phonebarUrl: `http://127.0.0.1:${phonebarPort}`,
    phonebarPeer,
    agents,
    control,
    async close() {
      center.dispose();
      await Promise.all([realtime.close(), phonebar.stop()]);
    },
  };
}
