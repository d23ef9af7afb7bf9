import { SimControlError } from '../../shared/control-error';
import {
  type AgentStatus,
  allowedIn,
  ERROR_CODES,
  METHOD_STATES,
  type MethodName,
  type Phase,
  RINGING_SOUNDS,
  UCS_VERSION,
  wrongStateMessage,
} from '../protocol';
import { verifySsoToken } from '../sso';
import type { Agent } from './agent';
import { CALL_STATE, HANGUP_CAUSE } from './call';
import type { SessionLink, UcsCenter } from './center';
import { deviceObject } from './directory';
import { badRequest, Refusal } from './refusal';

/** The bundle's startup options the server's flow depends on (sent in `hello`). */
export interface StartupOptions {
  /** Send the phone list with onIdentify. */
  readonly listDevices: boolean;
  /** Wait for `provision` after pairing instead of going READY at once. */
  readonly confirmDevice: boolean;
  /** Do not pair a phone after login. */
  readonly withoutDevice: boolean;
}

const STATUSES: readonly AgentStatus[] = ['OFFLINE', 'READY', 'ACW', 'AUX'];

/** One WebSocket's component: its state machine over the documented methods. */
export class UcsSession implements SessionLink {
  /** The component's state. */
  phase: Phase = 'CREDENTIALS';
  /** The agent logged in, or null. */
  agent: Agent | null = null;
  /** The provider named in `sso`, if any. */
  provider: string | null = null;
  private options: StartupOptions = { listDevices: false, confirmDevice: false, withoutDevice: false };
  private greeted = false;

  /** `send` delivers one push `{ phase, callback, args, state }` to the bundle. */
  constructor(
    private readonly center: UcsCenter,
    private readonly send: (push: unknown) => void,
  ) {}

  /** Pushes one callback with the current phase and state. */
  push(callback: string, args: readonly unknown[]): void {
    const state = this.phase === 'READY' && this.agent ? this.center.readyState(this.agent) : null;
    this.send({ phase: this.phase, callback, args, state });
  }

  /** Runs one request; returns its result or throws a Refusal. */
  handle(method: string, args: readonly unknown[]): unknown {
    if (method === 'hello') return this.hello(args[0]);
    if (!Object.hasOwn(METHOD_STATES, method))
      throw new Refusal(ERROR_CODES.unknownMethod, `unknown method ${method}`);
    const name = method as MethodName;
    if (!allowedIn(name, this.phase))
      throw new Refusal(ERROR_CODES.wrongState, wrongStateMessage(name, this.phase));
    try {
      return this.run(name, args);
    } catch (error) {
      // The center's refusals are written for the control API; to the bundle they are bad requests.
      if (error instanceof SimControlError) throw badRequest(error.message);
      throw error;
    }
  }

  private hello(raw: unknown): unknown {
    if (this.greeted) throw badRequest('hello was already sent');
    const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    this.options = {
      listDevices: given.listDevices === true,
      confirmDevice: given.confirmDevice === true,
      withoutDevice: given.withoutDevice === true,
    };
    this.greeted = true;
    this.push('onConnect', [UCS_VERSION]);
    this.push('onCredentials', []);
    return { version: UCS_VERSION };
  }

  private run(method: MethodName, args: readonly unknown[]): unknown {
    switch (method) {
      case 'login':
        return this.login(str(args[0], 'username'), str(args[1], 'password'));
      case 'sso':
        return this.sso(str(args[0], 'username'), str(args[1], 'token'), args[2]);
      case 'logout':
        return this.logout();
      case 'selectIdentifier':
      case 'identifier':
        return this.pair(str(args[0], 'identifier'));
      case 'provision':
        return this.provision();
      case 'identify':
        return this.identify();
      case 'changeStatus':
        return this.changeStatus(args[0], args[1]);
      case 'suspend':
      case 'resume':
        return this.suspendOrResume(method, args[0]);
      case 'answer':
        return this.onCall((agent) => {
          if (agent.call?.direction !== 'INCOMING') throw badRequest('no incoming call to answer');
          this.center.connect(agent);
        });
      case 'dial':
        return this.onAgent((agent) =>
          this.center.dialOut(agent, str(args[0], 'number'), args[1], record(args[3])),
        );
      case 'hangup':
        return this.onCall((agent) =>
          this.center.hangup(
            agent,
            agent.call?.direction === 'INCOMING' ? HANGUP_CAUSE.calledHungUp : HANGUP_CAUSE.callerHungUp,
          ),
        );
      case 'tribute':
      case 'hold':
        return this.hold();
      case 'unhold':
        return this.unhold();
      case 'mute':
        return this.mute();
      case 'blindTransfer':
        str(args[0], 'number');
        return this.onCall((agent) => this.center.hangup(agent, HANGUP_CAUSE.transfer));
      case 'transfer':
      case 'finishTransfer':
        // Consultation transfer needs a second call leg: left for a later slice.
        throw badRequest(`${method} is not simulated yet`);
      case 'notify':
        return this.notify(args[0]);
      case 'state':
        return this.agent ? this.center.readyState(this.agent) : null;
      case 'selectRingingSound':
        return this.selectRingingSound(args[0]);
      case 'setAccountCode':
        str(args[0], 'uniqueid');
        str(args[1], 'accountCode');
        return true;
      case 'testRingingSound':
      case 'stopRingingSoundTest':
        return true;
    }
  }

  private login(username: string, password: string): unknown {
    const agent = this.center.agent(username);
    if (!agent || agent.spec.password !== password) return this.loginFailed('Invalid username or password');
    return this.loggedIn(agent);
  }

  private sso(username: string, token: string, provider: unknown): unknown {
    const agent = this.center.agent(username);
    const refusal = verifySsoToken(
      this.center.directory.ssoSecret,
      username,
      token,
      Math.floor(this.center.now() / 1000),
    );
    if (!agent || refusal !== null)
      return this.loginFailed(`SSO login refused (${refusal ?? 'unknown user'})`);
    this.provider = typeof provider === 'string' ? provider : null;
    return this.loggedIn(agent);
  }

  private loginFailed(message: string): never {
    this.push('onLoginError', [ERROR_CODES.badCredentials, message]);
    throw new Refusal(ERROR_CODES.badCredentials, message);
  }

  private loggedIn(agent: Agent): unknown {
    this.agent = agent;
    this.phase = 'IDENTIFY';
    this.push('onUser', [this.center.user(agent)]);
    if (this.options.withoutDevice) return this.provision();
    this.askForIdentifier();
    return true;
  }

  private askForIdentifier(): void {
    const identifiers = this.options.listDevices ? this.center.directory.devices.map(deviceObject) : [];
    this.push('onIdentify', [identifiers]);
  }

  private pair(identifier: string): unknown {
    const agent = this.must();
    const device = this.center.device(identifier);
    if (!device) throw badRequest(`Bad identifier: ${identifier}`);
    agent.device = device;
    this.push('onIdentifier', [identifier]);
    this.phase = 'DEVICE';
    this.push('onDevice', [deviceObject(device)]);
    if (!this.options.confirmDevice) this.provision();
    return true;
  }

  private provision(): unknown {
    const agent = this.must();
    this.phase = 'READY';
    this.push('onReady', [this.center.readyState(agent)]);
    return true;
  }

  private identify(): unknown {
    const agent = this.must();
    // ASSUMPTION: the phone cannot be changed (nor the agent log out) during a call.
    if (agent.call) throw badRequest('cannot change the phone during a call');
    agent.device = null;
    this.phase = 'IDENTIFY';
    this.askForIdentifier();
    return true;
  }

  private logout(): unknown {
    const agent = this.must();
    if (agent.call) throw badRequest('cannot log out during a call');
    // ASSUMPTION: logging out takes the agent OFFLINE and unpairs the phone.
    this.setStatus(agent, 'OFFLINE', '');
    agent.device = null;
    this.agent = null;
    this.phase = 'CREDENTIALS';
    this.push('onCredentials', []);
    return true;
  }

  private changeStatus(status: unknown, reason: unknown): unknown {
    if (typeof status !== 'string' || !STATUSES.includes(status as AgentStatus)) {
      throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
    }
    if (reason !== undefined && typeof reason !== 'string') throw badRequest('reason must be a string');
    this.setStatus(this.must(), status as AgentStatus, status === 'AUX' ? (reason ?? '') : '');
    return true;
  }

  private setStatus(agent: Agent, status: AgentStatus, reason: string): void {
    agent.status = status;
    agent.reason = reason;
    this.center.broadcast(agent, 'onStateChange', [{ status, reason }]);
  }

  private suspendOrResume(method: 'suspend' | 'resume', queue: unknown): unknown {
    const agent = this.must();
    if (typeof queue !== 'number' || !agent.spec.queues.includes(queue))
      throw badRequest(`not a member of queue ${String(queue)}`);
    if (method === 'suspend') agent.suspended.add(queue);
    else agent.suspended.delete(queue);
    this.center.broadcast(agent, method === 'suspend' ? 'onAgentSuspend' : 'onAgentResume', [queue]);
    return true;
  }

  private hold(): unknown {
    return this.onCall((agent) => {
      const call = agent.call!;
      if (call.state !== CALL_STATE.connected) throw badRequest('only a connected call can be held');
      call.state = CALL_STATE.held;
      this.center.broadcast(agent, 'onCallHold', [this.center.callOf(agent)]);
    });
  }

  private unhold(): unknown {
    return this.onCall((agent) => {
      const call = agent.call!;
      if (call.state !== CALL_STATE.held) throw badRequest('the call is not on hold');
      call.state = CALL_STATE.connected;
      this.center.broadcast(agent, 'onCallResume', [this.center.callOf(agent)]);
    });
  }

  private mute(): unknown {
    return this.onCall((agent) => {
      const call = agent.call!;
      if (call.state !== CALL_STATE.connected && call.state !== CALL_STATE.held)
        throw badRequest('no connected call');
      call.agentMuted = !call.agentMuted;
      this.center.broadcast(agent, call.agentMuted ? 'onCallMute' : 'onCallUnmute', [
        this.center.callOf(agent),
      ]);
    });
  }

  private notify(raw: unknown): unknown {
    const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    // ASSUMPTION: a notification comes back to the CRM as onMessage (the document's message shape).
    this.push('onMessage', [
      {
        message: String(given.title ?? ''),
        type: given.type ?? 'info',
        group: given.group ?? '',
        data: given.other ?? {},
      },
    ]);
    return true;
  }

  private selectRingingSound(sound: unknown): unknown {
    if (!RINGING_SOUNDS.includes(sound as (typeof RINGING_SOUNDS)[number])) {
      throw badRequest(`ringingSound must be one of ${RINGING_SOUNDS.join(', ')}`);
    }
    this.must().ringingSound = sound as string;
    return true;
  }

  private onAgent(work: (agent: Agent) => void): true {
    work(this.must());
    return true;
  }

  private onCall(work: (agent: Agent) => void): true {
    const agent = this.must();
    if (!agent.call) throw badRequest('there is no call');
    work(agent);
    return true;
  }

  private must(): Agent {
    if (!this.agent) throw new Refusal(ERROR_CODES.wrongState, 'not logged in');
    return this.agent;
  }
}

function str(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`${name} must be a non-empty string`);
  return value;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
