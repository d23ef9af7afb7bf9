/**
 * The adapter's memory of UCS calls: which are the bar's calls and which is the consultation leg of a
 * transfer (a second UCS call the bar folds into the transferred call), whether the microphone is off,
 * and the last Call object of each, so a re-attached or reconnected session can be told apart from a
 * lost one. UCS's state object names one `call`: a held call beside it is kept from memory.
 */
import type { AgentStateKind, StateReason } from '../../core/agent-state';
import type { TransferKind } from '../../core/call';
import type { VendorCallInfo, VendorEvent } from '../../core/vendor-events';
import {
  asCallObject,
  callIdOf,
  callInfo,
  liveState,
  UCS_HANGUP_CAUSE,
  type UcsCallObject,
} from './call-info';
import { callbackEvents, type IsLiveCall } from './callbacks';

/** One call the bar shows. */
interface TrackedCall {
  /** The last Call object UCS gave. */
  object: UcsCallObject;
  /** Whether the agent's microphone is off. */
  muted: boolean;
  /** Whether it was ever connected (asks for an account code when it ends). */
  answered: boolean;
  /** A transfer the agent started on it. */
  transfer?: { readonly kind: TransferKind; readonly target: string; cancelling: boolean };
  /** The consultation leg's uniqueid, once UCS dialled it. */
  leg?: string;
  /** The consultation leg's last Call object. */
  legObject?: UcsCallObject;
}

/** What survives a worker restart (kept in the adapter's store). */
export interface SavedCalls {
  readonly calls: readonly (readonly [string, TrackedCall])[];
  readonly legs: readonly (readonly [string, string])[];
}

/** One call UCS may act on: a bar call, or the consultation leg of one (`legOf`). */
interface CallSlot {
  readonly id: string;
  readonly legOf?: string;
  readonly object: UcsCallObject;
}

/** Whether `type` is a command whose UCS method acts on a call UCS chooses itself. */
export const isTargetedCommand = (type: string): type is TargetedCommand => Object.hasOwn(TARGET_WORDS, type);

/** Commands whose UCS method acts on a call UCS chooses itself. */
export type TargetedCommand =
  | 'hangup'
  | 'reject'
  | 'hold'
  | 'resume'
  | 'mute'
  | 'unmute'
  | 'answer'
  | 'blindTransfer'
  | 'attendedTransfer';

/** What a command does to the consultation leg instead. */
const ACTS_ON_LEG: Record<TargetedCommand, string> = {
  hangup: 'Hanging up now would end',
  reject: 'Declining now would end',
  hold: 'Hold now would hold',
  resume: 'Resume now would act on',
  mute: 'Mute now would mute',
  unmute: 'Unmute now would act on',
  answer: 'Answering now would act on',
  blindTransfer: 'A transfer now would transfer',
  attendedTransfer: 'A transfer now would transfer',
};

/** Why UCS would act on another call than the agent chose. */
const TARGET_WORDS: Record<TargetedCommand, string> = {
  hangup:
    'UCS hangs up the call in progress first, not this one: hang that one up first, or resume this call.',
  reject:
    'UCS cannot decline this call while you are on another one: it would hang up the call you are talking on. Let it ring, or answer it (that holds the other call).',
  hold: 'UCS holds the call you are talking on, and this is not it.',
  resume: 'UCS resumes the call held longest, not this one: resume that one first.',
  mute: 'UCS mutes the call you are talking on, and this is not it.',
  unmute: 'UCS unmutes the call you are talking on, and this is not it.',
  answer: 'UCS answers the call that rings, and this is not it.',
  blindTransfer: 'UCS transfers the call you are talking on, and this is not it.',
  attendedTransfer: 'UCS transfers the call you are talking on, and this is not it.',
};

/** An ended call that may want its account code. */
export interface EndedCall {
  /** Its uniqueid. */
  readonly id: string;
  /** The far party. */
  readonly remoteNumber: string;
  readonly remoteName?: string;
  /** Whether the agent talked on it. */
  readonly answered: boolean;
}

const CALL_CALLBACKS = new Set([
  'onCallNew',
  'onCallRinging',
  'onCallConnect',
  'onCallHold',
  'onCallResume',
  'onCallHangup',
  'onCallMute',
  'onCallUnmute',
]);

/** Whether `name` is a callback about a call. */
export const isCallCallback = (name: string): boolean => CALL_CALLBACKS.has(name);

export class UcsTracker {
  private readonly calls = new Map<string, TrackedCall>();
  /** Consultation leg uniqueid → the call being transferred. */
  private readonly legs = new Map<string, string>();
  /** Calls that ended since the last `takeEnded`. */
  private ended: EndedCall[] = [];

  constructor(saved?: SavedCalls) {
    for (const [id, call] of saved?.calls ?? []) this.calls.set(id, { ...call });
    for (const [leg, primary] of saved?.legs ?? []) this.legs.set(leg, primary);
  }

  /** What to save. */
  save(): SavedCalls {
    return { calls: [...this.calls.entries()], legs: [...this.legs.entries()] };
  }

  /** Whether the bar has call `id`. */
  readonly isLive: IsLiveCall = (id) => this.calls.has(id);

  /** Whether the agent's microphone is off on call `id`. */
  muted(id: string): boolean {
    return this.calls.get(id)?.muted ?? false;
  }

  /** The consultation leg of call `id`, if up. */
  consultLeg(id: string): string | undefined {
    return this.calls.get(id)?.leg;
  }

  /** The bar's live call ids. */
  liveIds(): string[] {
    return [...this.calls.keys()];
  }

  /**
   * Why `command` on call `id` would act on another call, or undefined. UCS's call methods take no call:
   * `hangup` ends the connected call, else one being dialled, else a ringing one, else a held one;
   * `tribute` and `transfer` act on the connected call; `mute` and `blindTransfer` on the connected,
   * else the held one; `unhold` on a held one; `answer` on the ringing one (the simulator's reading of
   * the document). So a command is sent only when that call is `id`.
   */
  targetProblem(command: TargetedCommand, id: string): string | undefined {
    const target = this.targetOf(command);
    if (!target || target.id === id) return undefined;
    const call = this.calls.get(id);
    if (target.legOf === id && call?.transfer)
      return `${ACTS_ON_LEG[command]} the consultation with ${call.transfer.target}, not the caller: complete or cancel the transfer first.`;
    return TARGET_WORDS[command];
  }

  /** The call a command's method acts on now, with the call it is the consultation of. */
  private targetOf(command: TargetedCommand): CallSlot | undefined {
    const slots: CallSlot[] = [];
    for (const [id, call] of this.calls) {
      slots.push({ id, object: call.object });
      if (call.leg && call.legObject) slots.push({ id: call.leg, legOf: id, object: call.legObject });
    }
    const first = (state: string, outgoing?: boolean) =>
      slots.find(
        (slot) =>
          liveState(slot.object.state) === state &&
          (outgoing === undefined || (slot.object.direction === 'OUTGOING') === outgoing),
      );
    const connected = first('connected');
    const held = first('held');
    switch (command) {
      // "Hang up an ongoing call": the connected one, else one being dialled, else a ringing one, else a held one.
      case 'hangup':
      case 'reject':
        return connected ?? first('dialing', true) ?? first('ringing', true) ?? first('ringing') ?? held;
      case 'hold':
      case 'attendedTransfer':
        return connected;
      case 'mute':
      case 'unmute':
      case 'blindTransfer':
        return connected ?? held;
      case 'resume':
        return held;
      case 'answer':
        return first('ringing', false);
    }
  }

  /** The agent started a transfer of call `id`: the next new outgoing call is its consultation leg. */
  startTransfer(id: string, kind: TransferKind, target: string): void {
    const call = this.calls.get(id);
    if (call) call.transfer = { kind, target, cancelling: false };
  }

  /** The agent cancels the consultation: its leg ending is a cancellation, not a failure. */
  cancelling(id: string): void {
    const transfer = this.calls.get(id)?.transfer;
    if (transfer) transfer.cancelling = true;
  }

  /** The transfer of call `id` was refused before it started. */
  dropTransfer(id: string): void {
    const call = this.calls.get(id);
    if (call) call.transfer = undefined;
  }

  /** Calls that ended since the last call, oldest first. */
  takeEnded(): EndedCall[] {
    const ended = this.ended;
    this.ended = [];
    return ended;
  }

  /** The events of one call callback. */
  callback(name: string, args: readonly unknown[], at: number): VendorEvent[] {
    const object = asCallObject(args[0]);
    if (!object) return callbackEvents(name, args, at, this.isLive);
    const id = callIdOf(object);
    const primary = this.legs.get(id);
    if (primary !== undefined) return this.legCallback(name, id, primary, object, at);
    const adopting = this.transferAwaitingLeg(object, id, name);
    if (adopting) {
      adopting.leg = id;
      adopting.legObject = object;
      this.legs.set(id, callIdOf(adopting.object));
      return [];
    }
    const events = callbackEvents(name, args, at, this.isLive);
    this.follow(name, id, object, events);
    return events;
  }

  /**
   * The whole picture from a state object (onReady, `state()`): its `call` plus a held call UCS does not
   * list beside it. `call` may be a consultation leg: then the call being transferred is what the bar shows.
   */
  snapshot(
    state: Readonly<Record<string, unknown>>,
    agent: { readonly state?: AgentStateKind; readonly reason?: string },
    at: number,
  ): VendorEvent {
    const current = asCallObject(state.call);
    const live = current && !(Number(current.cause) >= 0) ? current : null;
    const keep = new Set<string>();
    const infos: VendorCallInfo[] = [];
    if (live) {
      const id = callIdOf(live);
      const primary = this.legs.get(id);
      if (primary !== undefined && this.calls.has(primary)) {
        keep.add(primary);
        infos.push(callInfo(this.calls.get(primary)!.object, 'held'));
      } else {
        keep.add(id);
        const known = this.calls.get(id);
        const info = callInfo(live, 'connected');
        if (known) {
          known.object = live;
          known.muted = info.muted ?? known.muted;
        } else
          this.calls.set(id, {
            object: live,
            muted: info.muted ?? false,
            answered: liveState(live.state) === 'connected',
          });
        infos.push(info);
        for (const [otherId, other] of this.calls) {
          if (otherId !== id && liveState(other.object.state) === 'held') {
            keep.add(otherId);
            infos.push(callInfo(other.object, 'held'));
          }
        }
      }
    }
    for (const id of [...this.calls.keys()]) if (!keep.has(id)) this.forget(id);
    for (const [leg, primary] of [...this.legs]) if (!keep.has(primary)) this.legs.delete(leg);
    return {
      type: 'snapshot',
      ...(agent.state ? { agentState: agent.state, ...(agent.reason ? { reason: agent.reason } : {}) } : {}),
      calls: infos,
      at,
      raw: state,
    };
  }

  private transferAwaitingLeg(object: UcsCallObject, id: string, name: string): TrackedCall | undefined {
    if (this.calls.has(id) || object.direction !== 'OUTGOING') return undefined;
    if (name !== 'onCallNew' && name !== 'onCallRinging') return undefined;
    for (const call of this.calls.values()) {
      if (call.transfer?.kind === 'attended' && call.leg === undefined) return call;
    }
    return undefined;
  }

  private legCallback(
    name: string,
    leg: string,
    primary: string,
    object: UcsCallObject,
    at: number,
  ): VendorEvent[] {
    const call = this.calls.get(primary);
    if (name !== 'onCallHangup') {
      if (call?.leg === leg) call.legObject = object;
      return [];
    }
    this.legs.delete(leg);
    if (!call || call.leg !== leg) return [];
    call.leg = undefined;
    call.legObject = undefined;
    const transfer = call.transfer;
    // Finished: the transferred call's own hang-up (cause 8) ends it in the bar.
    if (!transfer || object.cause === UCS_HANGUP_CAUSE.transfer) return [];
    call.transfer = undefined;
    const raw = { callback: name, args: [object] };
    if (transfer.cancelling) return [{ type: 'transferCancelled', vendorCallId: primary, at, raw }];
    const answered = typeof object.connected === 'number' && object.connected > 0;
    return [
      {
        type: 'transferFailed',
        vendorCallId: primary,
        message: answered
          ? `${transfer.target} hung up before the transfer was completed; the caller is on hold.`
          : `${transfer.target} did not take the consultation call; the caller is on hold.`,
        at,
        raw,
      },
    ];
  }

  /** Keeps the memory in step with what a call callback did. */
  private follow(name: string, id: string, object: UcsCallObject, events: readonly VendorEvent[]): void {
    if (events.some((event) => event.type === 'callOffered')) {
      this.calls.set(id, { object, muted: false, answered: false });
    }
    const call = this.calls.get(id);
    if (!call) return;
    call.object = object;
    if (name === 'onCallConnect') call.answered = true;
    if (name === 'onCallMute') call.muted = true;
    if (name === 'onCallUnmute') call.muted = false;
    if (name === 'onCallHangup') {
      const info = callInfo(object, 'connected');
      this.ended.push({
        id,
        remoteNumber: info.remoteNumber,
        ...(info.remoteName ? { remoteName: info.remoteName } : {}),
        answered: call.answered || (typeof object.connected === 'number' && object.connected > 0),
      });
      this.forget(id);
    }
  }

  private forget(id: string): void {
    const leg = this.calls.get(id)?.leg;
    if (leg !== undefined) this.legs.delete(leg);
    this.calls.delete(id);
  }
}

/** The account-code request for an ended call, when the server has codes and the agent talked. */
export function accountCodeRequest(
  call: EndedCall,
  reasons: readonly StateReason[],
  at: number,
): VendorEvent | undefined {
  if (!call.answered || reasons.length === 0) return undefined;
  return {
    type: 'accountCodeAsked',
    request: {
      id: call.id,
      remoteNumber: call.remoteNumber,
      ...(call.remoteName ? { remoteName: call.remoteName } : {}),
      endedAt: at,
      reasons,
    },
    at,
  };
}
