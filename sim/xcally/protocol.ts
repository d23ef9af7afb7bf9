/**
 * The wire of xcally-realtime as the document (`xcally-shuttle-cti.txt`) shows it: the five call events
 * it emits and the three emits an integration service sends. Field order follows the document's samples.
 */

/** The call events xcally-realtime emits, in the document's order. */
export const CALL_EVENT_NAMES = ['ringing', 'abandon', 'up', 'hangup', 'outbound'] as const;

/** One of the documented call events. */
export type CallEventName = (typeof CALL_EVENT_NAMES)[number];

/** The emits an integration service sends to xcally-realtime. */
export const SERVICE_EMIT_NAMES = ['AgentCTI', 'AgentCTINotification', 'RealtimeCTI'] as const;

/** One of the documented service emits. */
export type ServiceEmitName = (typeof SERVICE_EMIT_NAMES)[number];

/** The service emits xcally-realtime forwards to the agent their `peer` names. */
export const AGENT_EMIT_NAMES = ['AgentCTI', 'AgentCTINotification'] as const;

/**
 * Which fields a Shuttle version sends: `full` is the document's samples; `minimal` is an older
 * Shuttle that sends no `callername`, `sipname` or `channel`.
 */
export type FieldSet = 'full' | 'minimal';

/** The fields the `minimal` field set leaves out. */
export const MINIMAL_OMITTED_FIELDS = ['callername', 'sipname', 'channel'] as const;

/** A call's custom variables (Shuttle → Settings → Integrations → Custom variables), name → value. */
export type CustomVariables = Record<string, string>;

/**
 * ASSUMPTION: the document reads `customvariables[data.uniqueid]['ordernumber']` without saying where
 * `customvariables` comes from; the simulator sends it on each event of a call that has some, keyed by
 * the call's uniqueid, so `data.customvariables[data.uniqueid].ordernumber` works.
 */
export type CustomVariablesField = Record<string, CustomVariables>;

/** Why a queue call ended (Asterisk's AgentComplete reason; the document's sample shows `agent`). */
export type HangupReason = 'agent' | 'caller';

/** Fields the queue-call events share, in the samples' order. */
interface QueueCallFields {
  /** The queue's name. */
  readonly queue: string;
  /** The agent's full name. */
  readonly agentname: string;
  /** The agent's number. */
  readonly agentnum: string;
  /** The agent's interface, e.g. `SIP/andrea.bianco`. */
  readonly peer: string;
  /** Always `inbound` for a queue call. */
  readonly direction: 'inbound';
  /** Asterisk's uniqueid of the caller's channel; the same on every event of the call. */
  readonly uniqueid: string;
  /** The dialplan context the call came in on. */
  readonly context: string;
  /** The number the caller dialled. */
  readonly extension: string;
  /** The caller's channel on the trunk. */
  readonly trunk: string;
  /** The caller's number. */
  readonly callernum: string;
  /** The caller's name; missing from the `minimal` field set. */
  readonly callername?: string;
}

/** Fields every event may end with. */
interface TailFields {
  /** The agent's SIP name; missing from the `minimal` field set. */
  readonly sipname?: string;
  /** The caller's (queue calls) or the agent's (outbound) channel; missing from the `minimal` field set. */
  readonly channel?: string;
  /** The call's custom variables keyed by uniqueid; only when the call has some (see CustomVariablesField). */
  readonly customvariables?: CustomVariablesField;
}

/** `ringing`: a queue call rings an agent. */
export interface RingingEvent extends QueueCallFields, TailFields {
  /** `ringing`. */
  readonly event: 'ringing';
  /** Always true. */
  readonly ringing: true;
}

/** `up`: the agent answered a queue call (or, with `outboundUpHangup`, the far end of an outbound one). */
export interface UpEvent extends Omit<QueueCallFields, 'queue' | 'direction'>, TailFields {
  /** `up`. */
  readonly event: 'up';
  /** The queue; absent on an outbound call's `up`. */
  readonly queue?: string;
  /** `inbound` (queue call) or `outbound`. */
  readonly direction: 'inbound' | 'outbound';
  /** Whole seconds the caller waited in the queue before the answer. */
  readonly holdtime: string;
  /** Whole seconds the agent's phone rang. */
  readonly ringtime: string;
  /** Always true. */
  readonly up: true;
}

/** `hangup`: an answered call ended. */
export interface HangupEvent extends Omit<UpEvent, 'event' | 'up'> {
  /** `hangup`. */
  readonly event: 'hangup';
  /** Whole seconds from the answer to the hang-up. */
  readonly talktime: string;
  /** Who hung up. */
  readonly reason: HangupReason;
  /** Always true. */
  readonly hangup: true;
}

/** `abandon`: the caller left a queue before any agent answered. */
export interface AbandonEvent {
  /** `abandon`. */
  readonly event: 'abandon';
  /** The queue the caller left. */
  readonly queue: string;
  /** Always `unmanaged`. */
  readonly direction: 'unmanaged';
  /** The caller's channel uniqueid (the same as on the call's `ringing`, if it rang). */
  readonly uniqueid: string;
  /** The caller's number. */
  readonly callernum: string;
  /** The caller's name; missing from the `minimal` field set. */
  readonly callername?: string;
  /** The caller's channel; missing from the `minimal` field set. */
  readonly channel?: string;
  /** Whole seconds the caller waited. */
  readonly holdtime: string;
  /** Always true. */
  readonly unmanaged: true;
  /** As on the other events. */
  readonly customvariables?: CustomVariablesField;
}

/** `outbound`: an agent started an outbound call. */
export interface OutboundEvent extends TailFields {
  /** `outbound`. */
  readonly event: 'outbound';
  /** The integration id (`-1`: none). */
  readonly integrationid: string;
  /** The outbound route's id. */
  readonly routeid: string;
  /** The agent's full name. */
  readonly agentname: string;
  /** The caller id the route presents (the sample's `1800800800`, not the agent's `1000`). */
  readonly agentnum: string;
  /** Always `outbound`. */
  readonly direction: 'outbound';
  /** The agent's channel uniqueid. */
  readonly uniqueid: string;
  /** The dialplan context. */
  readonly context: string;
  /** The number the agent dialled. */
  readonly extension: string;
  /** The dial string on the trunk, `SIP/<number>@<trunk>`. */
  readonly trunk: string;
  /** The number sent to the trunk. */
  readonly callernum: string;
  /** The agent's interface. */
  readonly peer: string;
  /** Always true. */
  readonly outbound: true;
}

/** Any call event. */
export type CallEvent = RingingEvent | UpEvent | HangupEvent | AbandonEvent | OutboundEvent;

/** `AgentCTI`: asks the agent's interface to open a page. */
export interface AgentCtiPayload {
  /** The page. */
  readonly url: string;
  /** The agent's interface. */
  readonly peer: string;
  /** `new_tab`, `new_window` or `new_frame` in the document's examples. */
  readonly mode: string;
}

/** `AgentCTINotification`: a notification for the agent. */
export interface AgentCtiNotificationPayload {
  /** The agent's interface. */
  readonly peer: string;
  /** The notification's kind (free text in the document). */
  readonly type: string;
  /** Its title. */
  readonly title: string;
  /** Its text. */
  readonly body: string;
}

/** `RealtimeCTI`: a row for the Integration Realtime section of the Administrator. */
export interface RealtimeCtiPayload {
  /** The integration's name. */
  readonly type: string;
  /** The call data (with the `time` the service added). */
  readonly channel: unknown;
  /** The CTI creation id. */
  readonly reference: unknown;
  /** The CTI's address. */
  readonly url: string;
}
