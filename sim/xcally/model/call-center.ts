import { SimControlError } from '../../shared/control-error';
import type { XcallyAgent } from '../agents';
import type { CallEvent, CustomVariables, FieldSet } from '../protocol';
import { type Call, type CallState, ON_PHONE } from './call';
import { IdSource } from './ids';
import { shape } from './payloads';

/** The outbound route the simulator dials through (the outbound sample's values by default). */
export interface OutboundRoute {
  /** The events' `integrationid`; `-1` in the sample. */
  readonly integrationid: string;
  /** The events' `routeid`; `1` in the sample. */
  readonly routeid: string;
  /** The trunk's name in the dial string; `Demo Trunk` in the sample. */
  readonly trunk: string;
  /**
   * The caller id the route presents, sent as `agentnum` (the sample's `1800800800` for an agent whose
   * queue events say `1000`); null: the agent's own number.
   */
  readonly callerId: string | null;
}

/** The switches a test may turn while the simulator runs. */
export interface CallCenterSettings {
  /** The field set of calls that do not choose one. */
  fieldSet: FieldSet;
  /** An outbound call's far end answers by itself after this long; null: only when told. */
  answerDelayMs: number | null;
  /** Also emit `up` and `hangup` for outbound calls (the document only shows `outbound` for them). */
  outboundUpHangup: boolean;
  /** The outbound route. */
  readonly outboundRoute: OutboundRoute;
}

/** Which call a control call is about. */
export interface CallTarget {
  /** The call's uniqueid; default the latest call that fits. */
  readonly uniqueid?: string;
  /** Only calls on this agent's phone. */
  readonly peer?: string;
}

/** The state every call operation works on, and the one way events leave it. */
export class CallCenter {
  /** Live calls by uniqueid, oldest first. */
  readonly calls = new Map<string, Call>();
  /** The id source. */
  readonly ids = new IdSource();
  /** The current settings. */
  settings: CallCenterSettings;

  constructor(
    /** The agents. */
    readonly agents: readonly XcallyAgent[],
    private readonly initial: CallCenterSettings,
    private readonly sink: (event: CallEvent) => void,
    /** The clock. */
    // Looked up on each call, so that a test that fakes Date moves the clock.
    readonly now: () => number = () => Date.now(),
  ) {
    this.settings = { ...initial };
  }

  /** The agent with this peer; throws SimControlError when there is none. */
  agent(peer: string): XcallyAgent {
    const agent = this.agents.find((candidate) => candidate.peer === peer);
    if (!agent) throw new SimControlError(`no agent ${peer}`);
    return agent;
  }

  /** Sends a call's event, shaped by its field set. */
  emit(event: CallEvent, call: Call): void {
    this.sink(shape(event, call, this.settings.fieldSet));
  }

  /** Starts tracking a call. */
  add(call: Call): void {
    this.calls.set(call.uniqueid, call);
  }

  /** Ends a call: it leaves the agent's phone and the simulator's state. */
  end(call: Call): void {
    if (call.answerTimer) clearTimeout(call.answerTimer);
    call.answerTimer = null;
    call.state = 'ended';
    call.endedAt = this.now();
    this.calls.delete(call.uniqueid);
  }

  /** The calls on an agent's phone, oldest first. */
  onPhone(peer: string): Call[] {
    return [...this.calls.values()].filter((call) => call.peer === peer && ON_PHONE.includes(call.state));
  }

  /** The call a control call means: the named one, else the latest in `states` (of `peer`, if named). */
  find(target: CallTarget | undefined, states: readonly CallState[], what: string): Call {
    if (target?.uniqueid !== undefined) {
      const call = this.calls.get(target.uniqueid);
      if (!call) throw new SimControlError(`no call ${target.uniqueid}`);
      if (!states.includes(call.state)) {
        throw new SimControlError(`call ${call.uniqueid} is ${call.state}, not ${states.join(' or ')}`);
      }
      return call;
    }
    const found = [...this.calls.values()]
      .reverse()
      .find(
        (call) => states.includes(call.state) && (target?.peer === undefined || call.peer === target.peer),
      );
    if (!found) throw new SimControlError(`no ${what} call${target?.peer ? ` for ${target.peer}` : ''}`);
    return found;
  }

  /** Sets (merging, or replacing) a call's custom variables; its next events carry them. */
  setCustomVariables(uniqueid: string, variables: CustomVariables, replace = false): void {
    const call = this.calls.get(uniqueid);
    if (!call) throw new SimControlError(`no call ${uniqueid}`);
    call.customvariables = replace ? { ...variables } : { ...call.customvariables, ...variables };
  }

  /** Back to the start: calls dropped without events, ids and settings as started. */
  reset(): void {
    this.dispose();
    this.ids.reset();
    this.settings = { ...this.initial };
  }

  /** Drops every call and its timer, without events. */
  dispose(): void {
    for (const call of this.calls.values()) if (call.answerTimer) clearTimeout(call.answerTimer);
    this.calls.clear();
  }
}
