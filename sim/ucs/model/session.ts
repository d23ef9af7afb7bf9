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
import type { SessionLink, UcsCenter } from './center';
import { deviceObject } from './directory';
import * as phone from './phone';
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
        return this.onAgent((agent) => phone.answer(this.center, agent));
      case 'dial':
        return this.onAgent((agent) =>
          this.center.dialOut(agent, str(args[0], 'number'), args[1], record(args[3]), line(args[2])),
        );
      case 'hangup':
        return this.onAgent((agent) => phone.hangup(this.center, agent));
      case 'tribute':
      case 'hold':
        return this.onAgent((agent) => phone.hold(this.center, agent));
      case 'unhold':
        return this.onAgent((agent) => phone.unhold(this.center, agent));
      case 'mute':
        return this.onAgent((agent) => phone.mute(this.center, agent));
      case 'transfer':
        // ASSUMPTION: a number of undefined or null counts as "not passed" (transfer mode only).
        return this.onAgent((agent) =>
          phone.transfer(
            this.center,
            agent,
            args[0] === undefined || args[0] === null ? undefined : str(args[0], 'number'),
          ),
        );
      case 'finishTransfer':
        return this.onAgent((agent) => phone.finishTransfer(this.center, agent));
      case 'blindTransfer':
        return this.onAgent((agent) => phone.blindTransfer(this.center, agent, str(args[0], 'number')));
      case 'notify':
        return this.notify(args[0]);
      case 'state':
        return this.agent ? this.center.readyState(this.agent) : null;
      case 'selectRingingSound':
        return this.selectRingingSound(args[0]);
      case 'setAccountCode':
        return this.setAccountCode(args);
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
    if (agent.calls.length > 0) throw badRequest('cannot change the phone during a call');
    agent.device = null;
    this.phase = 'IDENTIFY';
    this.askForIdentifier();
    return true;
  }

  private logout(): unknown {
    const agent = this.must();
    if (agent.calls.length > 0) throw badRequest('cannot log out during a call');
    // ASSUMPTION: logging out takes the agent OFFLINE and unpairs the phone.
    this.center.setStatus(agent, 'OFFLINE', '');
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
    this.center.setStatus(this.must(), status as AgentStatus, status === 'AUX' ? (reason ?? '') : '');
    return true;
  }

  private setAccountCode(args: readonly unknown[]): unknown {
    const [uniqueid, accountCode, sub, override] = args;
    // ASSUMPTION: a missing, null or empty subAccountCode means none; override must be a boolean if given.
    if (sub !== undefined && sub !== null && typeof sub !== 'string')
      throw badRequest('subAccountCode must be a string or null');
    if (override !== undefined && override !== null && typeof override !== 'boolean')
      throw badRequest('override must be true or false');
    phone.setAccountCode(
      this.must(),
      str(uniqueid, 'uniqueid'),
      str(accountCode, 'accountCode'),
      typeof sub === 'string' && sub !== '' ? sub : null,
      override === true,
    );
    return true;
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

  private must(): Agent {
    if (!this.agent) throw new Refusal(ERROR_CODES.wrongState, 'not logged in');
    return this.agent;
  }
}

function str(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`${name} must be a non-empty string`);
  return value;
}

/** dial's `line` argument: a line ID, or undefined for the paired phone's own line. */
function line(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw badRequest('line must be a line ID (a whole number)');
  return value;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
