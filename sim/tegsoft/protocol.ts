/**
 * The wire formats of the Tegsoft simulator, shared by the server and the widget script (which is
 * bundled for the browser: nothing here may import Node modules).
 *
 * The parent ↔ widget formats are the document's (section 3); the widget ↔ server transport is the
 * simulator's own, since the document does not describe how the real widget talks to its server.
 */

/** Where the document says the widget lives (section 1.2). */
export const WIDGET_PATH = '/Tobe/forms/TegsoftVue/';
/** The `fileName` query parameter the widget URL carries. */
export const WIDGET_FILE_NAME = 'forms/TegsoftTelecom/tegsoftWidget';
/** Every Tegsoft server's test page (vendor-docs README). */
export const TEST_PAGE_PATH = '/Tobe/forms/tegsoftwidgettest.html';

/** The simulator's own routes between the widget page and the server. */
export const SIM_PATHS = {
  script: '/sim/widget.js',
  login: '/sim/login',
  stream: '/sim/stream',
  action: '/sim/action',
  forgePage: '/sim/forge.html',
  forged: '/sim/forged',
} as const;

/** The document's "List of Actions" plus the CTI-data and status actions it shows samples of. */
export const ACTION_NAMES = [
  'logout',
  'ready',
  'notReady',
  'dial',
  'answer',
  'mute',
  'unmute',
  'hold',
  'unhold',
  'hangUp',
  'sendDTMF',
  'blindTransfer',
  'attendedTransfer',
  'changeActiveLine',
  'cancelAttendedTransfer',
  'completeAttendedTransfer',
  'turnOnCamera',
  'turnOfCamera',
  'toggleCamera',
  'setCtiData',
  'removeCtiData',
  'getCtiData',
  'queryStatus',
] as const;

/** The document's "List of Events" (without its repeats). */
export const EVENT_NAMES = [
  'status',
  'OnLogin',
  'OnReady',
  'OnNotready',
  'OnAgentCalled',
  'OnAgentRingNoAnswer',
  'OnBlindTransferInitialized',
  'OnBlindTransferCompleted',
  'OnAttendedTransferInitialized',
  'OnAttendedTransferConnected',
  'OnAttendedTransferCompleted',
  'OnAttendedTransferCancelled',
  'OnAttendedTransferSwitchToPrimarySession',
  'OnAttendedTransferSwitchToSecondarySession',
  'OnHold',
  'OnUnhold',
  'OnMute',
  'OnUnmute',
  'OnIncomingCallAnswered',
  'OnIncomingCallRinging',
  'OnIncomingCallHangup',
  'OnOutgoingCallInitialized',
  'OnOutgoingCallRinging',
  'OnOutgoingCallAnswered',
  'OnOutgoingCallCancelled',
  'OnOutgoingCallHangup',
  'OnWebchatAgentCalled',
  'OnWebchatAgentConnect',
  'OnWebchatAgentComplete',
  'OnInboundAgentCalled',
  'OnInboundAgentConnect',
  'OnInboundAgentComplete',
  'OnCampAgentWaitContact',
  'OnCampAgentWaitConnect',
  'OnCampAgentWaitAcw',
  'OnCampAgentComplete',
  'OnCampAgentWaitComplete',
] as const;

/**
 * ASSUMPTION: the document lists a `getCtiData` action but no event to answer it; the simulator answers
 * with an event named `ctiData` whose data is `{ ctiData }` (null when none is set).
 */
export const CTI_DATA_EVENT = 'ctiData';

/** An action the parent posts to the widget (document 3.1). */
export interface WidgetAction {
  /** Always "action". */
  readonly type: 'action';
  /** "agent" for everything the simulator implements (the document also names "report" and "message"). */
  readonly group: string;
  /** One of the document's action names; others are recorded and ignored. */
  readonly name: string;
  /** The action's optional data, e.g. `{ numberToDial }` for dial. */
  readonly data?: Record<string, unknown>;
}

/** An event the widget posts to its parent (document 3.2). */
export interface WidgetEvent {
  /** Always "event". */
  readonly type: 'event';
  /** Always "agent". */
  readonly group: 'agent';
  /** One of the document's event names (or `ctiData`). */
  readonly name: string;
  /** The event's payload; absent for none. */
  readonly data?: unknown;
}

/** The widget's login request (built from the widget URL's auto-login parameters). */
export interface LoginRequest {
  /** The session type (`sessiontype`, default "agent"). */
  readonly sessiontype: string;
  /** The login token, used alone. */
  readonly token?: string;
  /** The user code, used with `clearpassword`. */
  readonly usercode?: string;
  /** The clear-text password that goes with `usercode`. */
  readonly clearpassword?: string;
}

/** The server's answer to a login. */
export type LoginResponse =
  | {
      /** The login worked. */
      readonly ok: true;
      /** The widget session's id, for the stream and the actions. */
      readonly sid: string;
      /** The agent's user code. */
      readonly usercode: string;
      /** The agent's display name. */
      readonly displayName: string;
      /** The agent's extension. */
      readonly exten: string;
      /** The user's integration parameter (`clientSideCTI://parentWindowEvent|eventList=all`), or null. */
      readonly integration: string | null;
      /** How long the widget waits before reconnecting a cut stream. */
      readonly reconnectDelayMs: number;
    }
  | {
      /** The login failed. */
      readonly ok: false;
      /** Why, for the agent ("invalid token"). */
      readonly error: string;
    };

/** One line of the server → widget stream (newline-delimited JSON). */
export type StreamLine =
  | { readonly kind: 'hello' }
  | { readonly kind: 'event'; readonly event: WidgetEvent }
  | { readonly kind: 'integration'; readonly parameter: string | null }
  | { readonly kind: 'loggedOut' }
  | { readonly kind: 'forge'; readonly sameOrigin: string; readonly crossOrigin: string };
