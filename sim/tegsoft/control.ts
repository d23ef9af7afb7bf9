import { SimControlError } from '../shared/control-error';
import { PARENT_WINDOW_EVENTS_ALL } from './integration';
import type { Slot } from './model/call';
import type { CtiData } from './model/cti';
import {
  type CampaignCallSpec,
  consultAnswer,
  farEndAnswer,
  farEndHangup,
  type InboundCallSpec,
  offerInbound,
  offerWebchat,
  ringNoAnswer,
  serverCti,
  startCampaignCall,
  type WebchatSpec,
} from './model/far-end';
import type { RecordedAction, RecordedEvent, TegsoftServer } from './model/tegsoft-server';
import type { ForgeReport, ForgeTracker } from './server/forge-tracker';
import type { WidgetSessions } from './server/sessions';

export type { CampaignCallSpec, InboundCallSpec, WebchatSpec } from './model/far-end';
export type { RecordedAction, RecordedEvent } from './model/tegsoft-server';
export type { ForgeReport } from './server/forge-tracker';

/** Which user a control call is about: the first configured user unless said. */
export interface UserTarget {
  /** The user's usercode. */
  readonly usercode?: string;
}

/** Which call a control call is about: a sensible default (the active one) unless said. */
export interface CallTarget extends UserTarget {
  /** The call's `CALLID` (a webchat's `CHATID`). */
  readonly callId?: string;
}

/** A call as the server sees it. */
export interface CallSnapshot {
  /** `CALLID`. */
  readonly callId: string;
  /** inbound, outbound, campaign, webchat or consult (the attended transfer's leg). */
  readonly kind: string;
  /** primary, secondary or chat. */
  readonly line: Slot;
  /** The other party's number. */
  readonly remoteNumber: string;
  /** Answered (by the agent or the far end). */
  readonly answered: boolean;
  /** Ringing. */
  readonly ringing: boolean;
  /** On hold. */
  readonly held: boolean;
  /** Microphone muted. */
  readonly muted: boolean;
  /** Digits sent with sendDTMF. */
  readonly dtmf: string;
}

/** One agent as the server sees it. */
export interface AgentSnapshot {
  /** The user. */
  readonly usercode: string;
  /** Logged in. */
  readonly loggedIn: boolean;
  /** Ready for calls. */
  readonly ready: boolean;
  /** Why not ready. */
  readonly notReadyReason: string;
  /** Camera on. */
  readonly cameraOn: boolean;
  /** The line the agent talks on. */
  readonly activeLine: 'primary' | 'secondary';
  /** The user's integration parameter (null: the widget posts no event to its parent). */
  readonly integration: string | null;
  /** How many widget pages of the user have their stream open. */
  readonly widgets: number;
  /** The agent's calls and chat. */
  readonly calls: readonly CallSnapshot[];
  /** The attended transfer in progress. */
  readonly transfer: { readonly extension: string; readonly connected: boolean } | null;
  /** The CTI data set for the agent. */
  readonly ctiData: CtiData | null;
}

/** Drives the far end of the simulated Tegsoft server (in process, or over HTTP under `/control/`). */
export interface TegsoftControl {
  /** Rings an inbound call (a queue call with `skill`, else a direct one); resolves with its CALLID. */
  inboundCall(call: InboundCallSpec & UserTarget): Promise<string>;
  /** Offers a webchat; resolves with its CHATID. */
  webchat(chat: WebchatSpec & UserTarget): Promise<string>;
  /** Gives the agent a campaign call that connects like the document's sample; resolves with its CALLID. */
  campaignCall(call: CampaignCallSpec & UserTarget): Promise<string>;
  /** The far end of an outbound call, campaign contact or consultation answers. */
  farEndAnswer(target?: CallTarget): Promise<void>;
  /** Far ends answer by themselves after `ms` from now on; null: only on farEndAnswer. */
  setAnswerDelay(ms: number | null): Promise<void>;
  /** Offered calls give up (OnAgentRingNoAnswer) after `ms` from now on. */
  setRingTimeout(ms: number): Promise<void>;
  /** The other party hangs up (default: the active line's call, else the webchat). */
  farEndHangup(target?: CallTarget): Promise<void>;
  /** A ringing call or offered chat times out now (OnAgentRingNoAnswer). */
  ringNoAnswer(target?: CallTarget): Promise<void>;
  /** The attended transfer's target answers. */
  consultAnswer(target?: UserTarget): Promise<void>;
  /**
   * The server side attaches CTI data, as an IVR or a campaign does: to the agent's active call (else
   * the chat), or to the next call. The widget is told nothing until it asks (getCtiData).
   */
  attachCtiData(cti: CtiData, target?: UserTarget): Promise<void>;
  /**
   * Cuts the widget streams of the user (of every user when none is named): the pages show they are
   * disconnected and reconnect by themselves; new streams are refused for `downMs` (default 0).
   * Rejects when no widget was connected.
   */
  dropWidget(options?: UserTarget & { readonly downMs?: number }): Promise<void>;
  /** Sets (true) or removes (false) the user's `clientSideCTI://parentWindowEvent|eventList=all`. */
  setParentEvents(on: boolean, target?: UserTarget): Promise<void>;
  /** Sets the user's integration parameter to any value (null: none). */
  setIntegrationParameter(parameter: string | null, target?: UserTarget): Promise<void>;
  /** The actions the widgets forwarded, oldest first (of one user, or of all). */
  actions(target?: UserTarget): Promise<RecordedAction[]>;
  /** The events the server sent to the widgets, oldest first (of one user, or of all). */
  events(target?: UserTarget): Promise<RecordedEvent[]>;
  /** Resolves with the first recorded action `name` after the first `since` (default 0) recorded actions. */
  waitForAction(
    name: string,
    options?: UserTarget & { readonly since?: number; readonly timeoutMs?: number },
  ): Promise<RecordedAction>;
  /** The agent's state as the server sees it. */
  agent(target?: UserTarget): Promise<AgentSnapshot>;
  /**
   * Makes every connected widget page nest a same-origin and a cross-origin frame that post a fake
   * OnIncomingCallRinging to `window.top` and `window.parent.parent`; resolves when both have posted or
   * after `timeoutMs` (default 5000) with what happened (a Node virtual frame nests nothing).
   */
  forge(options?: { readonly timeoutMs?: number }): Promise<ForgeReport>;
  /** Back to the start: calls gone, users logged out, logs empty, options as started; widgets log in again. */
  reset(): Promise<void>;
}

/** What the control needs from the simulator. */
export interface ControlDeps {
  /** The server model. */
  readonly server: TegsoftServer;
  /** The widget sessions. */
  readonly sessions: WidgetSessions;
  /** The forged frames' reports. */
  readonly forge: ForgeTracker;
  /** The forged pages' addresses. */
  forgeUrls(): { readonly sameOrigin: string; readonly crossOrigin: string };
}

/** The far-end controls over the simulator's server model and widget sessions. */
export function createTegsoftControl({ server, sessions, forge, forgeUrls }: ControlDeps): TegsoftControl {
  const byUser = <T extends { usercode: string }>(items: readonly T[], target?: UserTarget) =>
    items.filter((item) => target?.usercode === undefined || item.usercode === target.usercode);
  const delay = (ms: number | null, what: string) => {
    if (ms !== null && (!Number.isFinite(ms) || ms < 0)) throw new SimControlError(`${what} must be ≥ 0`);
  };

  return {
    inboundCall: async (call) => offerInbound(server.desk(call.usercode), call).id,
    webchat: async (chat) => offerWebchat(server.desk(chat.usercode), chat).id,
    campaignCall: async (call) => startCampaignCall(server.desk(call.usercode), call).id,
    farEndAnswer: async (target) => farEndAnswer(server.desk(target?.usercode), target?.callId),
    setAnswerDelay: async (ms) => {
      delay(ms, 'the answer delay');
      server.timing.answerDelayMs = ms;
    },
    setRingTimeout: async (ms) => {
      delay(ms, 'the ring timeout');
      server.timing.ringTimeoutMs = ms;
    },
    farEndHangup: async (target) => farEndHangup(server.desk(target?.usercode), target?.callId),
    ringNoAnswer: async (target) => ringNoAnswer(server.desk(target?.usercode), target?.callId),
    consultAnswer: async (target) => consultAnswer(server.desk(target?.usercode)),
    attachCtiData: async (cti, target) => serverCti(server.desk(target?.usercode), structuredClone(cti)),
    dropWidget: async (options) => {
      delay(options?.downMs ?? 0, 'downMs');
      const users =
        options?.usercode === undefined ? server.users.map((user) => user.usercode) : [options.usercode];
      const desks = users.map((usercode) => server.desk(usercode));
      const cut = desks.reduce((sum, desk) => sum + sessions.drop(desk.usercode, options?.downMs ?? 0), 0);
      if (cut === 0) throw new SimControlError('no widget is connected');
    },
    setParentEvents: async (on, target) =>
      server.setIntegration(target?.usercode, on ? PARENT_WINDOW_EVENTS_ALL : null),
    setIntegrationParameter: async (parameter, target) => server.setIntegration(target?.usercode, parameter),
    actions: async (target) => byUser(server.actionLog, target).map((action) => structuredClone(action)),
    events: async (target) => byUser(server.eventLog, target).map((sent) => structuredClone(sent)),
    waitForAction: async (name, options) => {
      const deadline = Date.now() + (options?.timeoutMs ?? 5000);
      for (;;) {
        const found = byUser(server.actionLog.slice(options?.since ?? 0), options).find(
          (action) => action.name === name,
        );
        if (found) return structuredClone(found);
        if (Date.now() > deadline) throw new SimControlError(`no ${name} action arrived`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    agent: async (target) => {
      const { agent, usercode } = server.desk(target?.usercode);
      const consult = agent.transfer && agent.calls.find((call) => call.id === agent.transfer?.consultId);
      return structuredClone({
        usercode,
        loggedIn: agent.loggedIn,
        ready: agent.ready,
        notReadyReason: agent.notReadyReason,
        cameraOn: agent.cameraOn,
        activeLine: agent.activeLine,
        integration: agent.integration,
        widgets: sessions.connected(usercode),
        calls: agent.calls.map((call) => ({
          callId: call.id,
          kind: call.kind,
          line: call.slot,
          remoteNumber: call.session.remoteNumber,
          answered: call.session.answeredAt !== null,
          ringing: call.session.ringing,
          held: call.session.held,
          muted: call.session.muted,
          dtmf: call.dtmf,
        })),
        transfer: agent.transfer
          ? { extension: agent.transfer.extension, connected: consult?.session.answeredAt != null }
          : null,
        ctiData: agent.ctiData,
      });
    },
    forge: async (options) => {
      const report = forge.wait(options?.timeoutMs ?? 5000);
      sessions.broadcast({ kind: 'forge', ...forgeUrls() });
      return report;
    },
    reset: async () => {
      sessions.clear();
      server.reset();
    },
  };
}
