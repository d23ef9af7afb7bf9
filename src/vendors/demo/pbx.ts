import type { AgentStateKind, SelectableAgentState } from '../../core/agent-state';
import type { CallDirection, EndReason } from '../../core/call';
import type { VendorCommand } from '../../core/commands';
import { normalizeDialString } from '../../core/phone/number';
import type { VendorCallInfo, VendorEvent } from '../../core/vendor-events';
import { DEMO_CALLERS, type DemoCaller, lookupName } from './callers';
import type { DemoSettings } from './settings';

/** A ringing inbound call nobody answers is given up after this long, like a real queue timeout. */
export const RING_TIMEOUT_MS = 30_000;

type PbxCallState = 'ringing' | 'dialing' | 'connected' | 'held';

interface PbxCall {
  id: string;
  direction: CallDirection;
  state: PbxCallState;
  number: string;
  name?: string;
  queue?: string;
  muted: boolean;
  answeredAt?: number;
  data: Record<string, string>;
  /** The agent is consulting `target` before handing this call over. */
  consult?: { target: string; answered: boolean };
}

type TimerKind = 'farEndAnswer' | 'ringTimeout' | 'consultAnswer' | 'afterCallWorkEnd' | 'autoIncoming';

interface PendingTimer {
  kind: TimerKind;
  callId?: string;
  dueAt: number;
}

/** Everything the PBX must not lose when the worker hosting it is stopped: a real PBX would keep it. */
export interface PbxSnapshot {
  readonly seq: number;
  readonly agent: { kind: AgentStateKind; reason?: string };
  /** The state to return to after a call (busy and after-call work are temporary). */
  readonly resumeState: { kind: SelectableAgentState; reason?: string };
  readonly calls: readonly PbxCall[];
  readonly timers: readonly PendingTimer[];
}

type Listener = (event: VendorEvent) => void;

/**
 * The demo vendor's simulated PBX. It runs inside the extension, plays the far end of every call, and
 * enforces the rules a real PBX would (you cannot hold a ringing call, dial while offline, ...), so the
 * product behaves on it the way it will on a real vendor.
 */
export class DemoPbx {
  private seq = 0;
  private agent: { kind: AgentStateKind; reason?: string } = { kind: 'ready' };
  private resumeState: { kind: SelectableAgentState; reason?: string } = { kind: 'ready' };
  private readonly calls = new Map<string, PbxCall>();
  private readonly timers = new Map<string, { timer: PendingTimer; handle: ReturnType<typeof setTimeout> }>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly settings: DemoSettings,
    private readonly now: () => number,
    snapshot?: PbxSnapshot,
  ) {
    if (snapshot) this.restore(snapshot);
    else this.scheduleAutoIncoming();
  }

  /** Subscribes to the PBX's events; returns the unsubscribe. */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The PBX's whole state, for persistence. */
  snapshot(): PbxSnapshot {
    return {
      seq: this.seq,
      agent: { ...this.agent },
      resumeState: { ...this.resumeState },
      calls: [...this.calls.values()].map((c) => ({ ...c, data: { ...c.data } })),
      timers: [...this.timers.values()].map((t) => ({ ...t.timer })),
    };
  }

  /** The current picture as a normalized snapshot event. */
  describe(): VendorEvent {
    return {
      type: 'snapshot',
      at: this.now(),
      agentState: this.agent.kind,
      reason: this.agent.reason,
      calls: [...this.calls.values()].map(toInfo),
    };
  }

  /** Stops every timer; the PBX is not used again. */
  dispose(): void {
    for (const { handle } of this.timers.values()) clearTimeout(handle);
    this.timers.clear();
    this.listeners.clear();
  }

  // ---- far-end controls (the "Simulate incoming call" button, tests, the demo script) ----

  /** Rings a new inbound call; the next fictional caller unless one is given. */
  ring(caller?: Partial<DemoCaller> & { number: string }): string {
    if (this.agent.kind === 'offline') {
      throw new Error('The agent is logged out, so the call would go elsewhere: choose Ready first.');
    }
    const preset = DEMO_CALLERS[this.seq % DEMO_CALLERS.length]!;
    const chosen = caller
      ? { name: lookupName(caller.number), queue: 'Support', data: {}, ...caller }
      : preset;
    const call = this.addCall('inbound', 'ringing', chosen.number, chosen.name, chosen.queue, {
      ...chosen.data,
    });
    this.emit({ type: 'callOffered', at: this.now(), call: toInfo(call), raw: { ...call } });
    this.schedule('ringTimeout', RING_TIMEOUT_MS, call.id);
    return call.id;
  }

  /** The far end of an outbound call picks up. */
  farEndAnswer(callId: string): void {
    const call = this.calls.get(callId);
    if (call?.state !== 'dialing') return;
    this.cancelTimer('farEndAnswer', callId);
    this.connect(call);
  }

  /** The other party hangs up. */
  farEndHangup(callId: string): void {
    const call = this.calls.get(callId);
    if (call) this.end(call, 'remoteHangup');
  }

  /** The live calls' ids, oldest first. */
  callIds(): string[] {
    return [...this.calls.keys()];
  }

  // ---- commands from the agent ----

  /** Carries out an agent command or throws an Error that says why it cannot. */
  handle(command: VendorCommand): void {
    if (command.type === 'dial') {
      this.dial(command.number);
      return;
    }
    if (command.type === 'setAgentState') {
      this.setAgentState(command.state, command.reason);
      return;
    }
    if (!('vendorCallId' in command)) throw new Error(`The demo PBX has no ${command.type}.`);
    const call = this.calls.get(command.vendorCallId);
    if (!call) throw new Error(`There is no call ${command.vendorCallId} any more.`);
    const at = this.now();
    switch (command.type) {
      case 'answer':
        if (call.state !== 'ringing') throw new Error('Only a ringing call can be answered.');
        this.cancelTimer('ringTimeout', call.id);
        this.connect(call);
        return;
      case 'reject':
        if (call.state !== 'ringing') throw new Error('Only a ringing call can be declined.');
        this.end(call, 'rejected');
        return;
      case 'hangup':
        this.end(call, call.state === 'ringing' && call.direction === 'inbound' ? 'rejected' : 'hangup');
        return;
      case 'hold':
        if (call.state !== 'connected') throw new Error('Only a connected call can be put on hold.');
        this.setState(call, 'held');
        return;
      case 'resume':
        if (call.state !== 'held') throw new Error('This call is not on hold.');
        if (call.consult) throw new Error('Complete or cancel the transfer first.');
        this.holdOthers(call.id);
        this.setState(call, 'connected');
        return;
      case 'mute':
      case 'unmute':
        if (call.state === 'ringing' || call.state === 'dialing')
          throw new Error('Mute works once the call is answered.');
        call.muted = command.type === 'mute';
        this.emit({ type: 'callMuted', at, vendorCallId: call.id, muted: call.muted });
        return;
      case 'dtmf':
        if (call.state !== 'connected') throw new Error('Tones can only be sent on a connected call.');
        if (!/^[0-9*#]{1,32}$/.test(command.digits)) throw new Error('Tones are the digits 0-9, * and #.');
        this.emit({ type: 'callDtmf', at, vendorCallId: call.id, digits: command.digits });
        return;
      case 'blindTransfer':
        this.transferTarget(call, command.target);
        this.emit({
          type: 'transferStarted',
          at,
          vendorCallId: call.id,
          kind: 'blind',
          target: command.target,
        });
        this.emit({ type: 'transferCompleted', at, vendorCallId: call.id });
        this.end(call, 'transferred');
        return;
      case 'attendedTransfer':
        this.transferTarget(call, command.target);
        if (call.consult) throw new Error(`Already consulting ${call.consult.target}.`);
        if (call.state === 'connected') this.setState(call, 'held');
        call.consult = { target: command.target, answered: false };
        this.emit({
          type: 'transferStarted',
          at,
          vendorCallId: call.id,
          kind: 'attended',
          target: command.target,
        });
        this.schedule('consultAnswer', this.settings.consultAnswerDelayMs, call.id);
        return;
      case 'completeTransfer':
        if (!call.consult) throw new Error('There is no consultation to complete.');
        this.cancelTimer('consultAnswer', call.id);
        this.emit({ type: 'transferCompleted', at, vendorCallId: call.id });
        this.end(call, 'transferred');
        return;
      case 'cancelTransfer':
        if (!call.consult) throw new Error('There is no consultation to cancel.');
        this.cancelTimer('consultAnswer', call.id);
        call.consult = undefined;
        this.emit({ type: 'transferCancelled', at, vendorCallId: call.id });
        this.holdOthers(call.id);
        this.setState(call, 'connected');
        return;
    }
  }

  private dial(number: string): void {
    if (this.agent.kind === 'offline')
      throw new Error('You are logged out: choose Ready or Not ready to dial.');
    const cleaned = normalizeDialString(number);
    if (!cleaned)
      throw new Error(`"${number}" is not a phone number: use digits, an optional leading + and * or #.`);
    this.holdOthers();
    const call = this.addCall('outbound', 'dialing', number, lookupName(cleaned), undefined, {});
    this.emit({ type: 'callOffered', at: this.now(), call: toInfo(call), raw: { ...call } });
    this.setAgent('busy', undefined);
    this.schedule('farEndAnswer', this.settings.answerDelayMs, call.id);
  }

  private setAgentState(kind: SelectableAgentState, reason?: string): void {
    if (kind === 'notReady') {
      if (reason !== undefined && !this.settings.notReadyReasons.includes(reason)) {
        throw new Error(
          `"${reason}" is not a not-ready reason; use one of: ${this.settings.notReadyReasons.join(', ')}.`,
        );
      }
    } else if (reason !== undefined) {
      throw new Error('Only "Not ready" takes a reason.');
    }
    if (kind === 'offline' && this.calls.size > 0) throw new Error('Finish your calls before logging out.');
    this.cancelTimer('afterCallWorkEnd');
    this.resumeState = kind === 'afterCallWork' ? this.resumeState : { kind, reason };
    // On a call the agent stays busy; the chosen state applies when the calls end.
    if (this.calls.size > 0 && kind !== 'afterCallWork') {
      const label = reason ? `Not ready (${reason})` : kind === 'ready' ? 'Ready' : 'Not ready';
      this.emit({ type: 'notice', at: this.now(), level: 'info', text: `${label} once your calls end.` });
      return;
    }
    this.setAgent(kind, reason);
    this.scheduleAutoIncoming();
  }

  // ---- internals ----

  private addCall(
    direction: CallDirection,
    state: PbxCallState,
    number: string,
    name: string | undefined,
    queue: string | undefined,
    data: Record<string, string>,
  ): PbxCall {
    this.seq += 1;
    const call: PbxCall = {
      id: `demo-${this.seq}`,
      direction,
      state,
      number,
      name,
      queue,
      muted: false,
      data,
    };
    this.calls.set(call.id, call);
    return call;
  }

  private connect(call: PbxCall): void {
    this.holdOthers(call.id);
    call.state = 'connected';
    call.answeredAt = this.now();
    this.emit({ type: 'callAnswered', at: call.answeredAt, vendorCallId: call.id });
    this.setAgent('busy', undefined);
  }

  /** A phone has one active line: answering or resuming one call holds the others. */
  private holdOthers(exceptId?: string): void {
    for (const other of this.calls.values()) {
      if (other.id !== exceptId && other.state === 'connected') this.setState(other, 'held');
    }
  }

  private setState(call: PbxCall, state: 'connected' | 'held'): void {
    call.state = state;
    this.emit({ type: state === 'held' ? 'callHeld' : 'callResumed', at: this.now(), vendorCallId: call.id });
  }

  private transferTarget(call: PbxCall, target: string): void {
    if (call.state !== 'connected' && call.state !== 'held')
      throw new Error('Answer the call before transferring it.');
    if (!normalizeDialString(target))
      throw new Error(`"${target}" is not a number or extension to transfer to.`);
  }

  private end(call: PbxCall, reason: EndReason): void {
    for (const kind of ['farEndAnswer', 'ringTimeout', 'consultAnswer'] as const)
      this.cancelTimer(kind, call.id);
    const wasAnswered = call.answeredAt !== undefined;
    this.calls.delete(call.id);
    this.emit({ type: 'callEnded', at: this.now(), vendorCallId: call.id, reason, raw: { ...call } });
    if (this.calls.size > 0) return;
    if (wasAnswered && this.settings.afterCallWorkSeconds > 0) {
      this.setAgent('afterCallWork', undefined);
      this.schedule('afterCallWorkEnd', this.settings.afterCallWorkSeconds * 1000);
    } else {
      this.setAgent(this.resumeState.kind, this.resumeState.reason);
      this.scheduleAutoIncoming();
    }
  }

  private setAgent(kind: AgentStateKind, reason: string | undefined): void {
    if (this.agent.kind === kind && this.agent.reason === reason) return;
    this.agent = { kind, reason };
    this.emit({ type: 'agentState', at: this.now(), state: kind, reason });
  }

  private scheduleAutoIncoming(): void {
    this.cancelTimer('autoIncoming');
    if (this.settings.autoIncomingSeconds > 0 && this.agent.kind === 'ready') {
      this.schedule('autoIncoming', this.settings.autoIncomingSeconds * 1000);
    }
  }

  private fire(timer: PendingTimer): void {
    const call = timer.callId ? this.calls.get(timer.callId) : undefined;
    switch (timer.kind) {
      case 'farEndAnswer':
        if (call) this.farEndAnswer(call.id);
        return;
      case 'ringTimeout':
        if (call?.state === 'ringing') this.end(call, 'missed');
        return;
      case 'consultAnswer':
        if (call?.consult) {
          call.consult.answered = true;
          this.emit({
            type: 'notice',
            at: this.now(),
            level: 'info',
            text: `${call.consult.target} answered: complete the transfer or cancel it.`,
          });
        }
        return;
      case 'afterCallWorkEnd':
        if (this.agent.kind === 'afterCallWork')
          this.setAgent(this.resumeState.kind, this.resumeState.reason);
        this.scheduleAutoIncoming();
        return;
      case 'autoIncoming':
        if (this.agent.kind === 'ready' && this.calls.size === 0) this.ring();
        return;
    }
  }

  private schedule(kind: TimerKind, delayMs: number, callId?: string): void {
    this.arm({ kind, callId, dueAt: this.now() + delayMs });
  }

  private arm(timer: PendingTimer): void {
    const key = `${timer.kind}:${timer.callId ?? ''}`;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing.handle);
    const handle = setTimeout(
      () => {
        this.timers.delete(key);
        this.fire(timer);
      },
      Math.max(0, timer.dueAt - this.now()),
    );
    this.timers.set(key, { timer, handle });
    this.changed();
  }

  private cancelTimer(kind: TimerKind, callId?: string): void {
    const key = `${kind}:${callId ?? ''}`;
    const existing = this.timers.get(key);
    if (!existing) return;
    clearTimeout(existing.handle);
    this.timers.delete(key);
  }

  private restore(snapshot: PbxSnapshot): void {
    this.seq = snapshot.seq;
    this.agent = { ...snapshot.agent };
    this.resumeState = { ...snapshot.resumeState };
    for (const call of snapshot.calls) this.calls.set(call.id, { ...call, data: { ...call.data } });
    // Timers that fell due while the worker was stopped fire now, in order.
    for (const timer of [...snapshot.timers].sort((a, b) => a.dueAt - b.dueAt)) this.arm(timer);
  }

  private emit(event: VendorEvent): void {
    for (const listener of this.listeners) listener(event);
    this.changed();
  }

  /** Hook for the adapter to persist after every change. */
  onChange: () => void = () => {};

  private changed(): void {
    this.onChange();
  }
}

function toInfo(call: PbxCall): VendorCallInfo {
  return {
    vendorCallId: call.id,
    direction: call.direction,
    state: call.state,
    remoteNumber: call.number,
    remoteName: call.name,
    queue: call.queue,
    muted: call.muted,
    answeredAt: call.answeredAt,
    vendorData: { ...call.data, ...(call.queue ? { queue: call.queue } : {}) },
  };
}
