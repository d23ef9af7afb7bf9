import type { StateReason } from '../../core/agent-state';
import { backoffDelay } from '../../core/backoff';
import type { Capabilities } from '../../core/capabilities';
import { COMMAND_LABELS, type VendorCommand } from '../../core/commands';
import type { PhoneChoice, QueueMembership } from '../../core/desk';
import type { VendorEvent } from '../../core/vendor-events';
import { type AdapterContext, NO_SSO_TOKEN_FROM_PAGE, type VendorAdapter } from '../contract';
import type { FrameChannel } from '../frame-host';
import { EventWait } from '../shared/event-wait';
import { isObject } from '../shared/is-object';
import { agentStateOf } from './agent-status';
import { bundleConfig, settingsTag } from './bundle-config';
import { callbackEvents } from './callbacks';
import { ucsCapabilities } from './capabilities';
import { type MethodStep, planFor } from './command-plan';
import { Confirmations } from './confirmations';
import { phoneOf, phonesOf, queuesOf, reasonsOf } from './desk-info';
import {
  CHOOSE_PHONE,
  CLOSED,
  CONFIRM_PHONE,
  GIVEN_UP,
  LOADING,
  loggingIn,
  loginRefused,
  lost,
  NOT_CONNECTED,
  notLoaded,
  notReady,
  RELOADED,
  SCREEN_DURING_CALL,
  TEST_AUTOLOGOUT,
  TEST_LEFT_TO_CRM,
  unconfirmed,
  WAITING_FOR_CRM,
} from './messages';
import { allowedIn, type UcsPhase, wrongPhaseMessage } from './methods';
import { createSandboxClient, type SandboxClient } from './sandbox-client';
import { bundleUrl, loginOf, type UcsSettings } from './settings';
import { makeSsoToken, ssoTimestamp } from './sso';
import {
  accountCodeRequest,
  isCallCallback,
  isTargetedCommand,
  type SavedCalls,
  UcsTracker,
} from './tracker';

const FRAME_KEY = 'ucs';
const STORE_KEY = 'calls';
const PHONE_KEY = 'phone';

/** The phone the agent paired (and confirmed), so a re-login pairs it again without asking. */
interface SavedPhone {
  /** The settings it was paired under (another user or identifier pairs afresh). */
  readonly tag?: string;
  readonly identifier?: string;
  readonly confirmed?: string;
}

/** How long a token a CRM page handed over is used (UCS tokens carry their time). */
const CRM_TOKEN_TTL_MS = 60_000;

/** Refused logins in a row after which Softbar stops logging in by itself. */
const MAX_REFUSED_LOGINS = 3;

/** Methods a bundle may name differently: the English document's name, then the other one. */
const ALTERNATIVES: Partial<Record<MethodStep['method'], MethodStep['method']>> = {
  // The Czech original calls hold `hold`.
  tribute: 'hold',
  // The document's state list calls pairing `identifier`.
  selectIdentifier: 'identifier',
};

/** How long things may take; tests shorten them. */
export interface UcsTiming {
  /** From loading the bundle to READY, not counting the agent choosing a phone (ms). */
  readonly readyMs: number;
  /** For the callback that confirms a method (ms). */
  readonly confirmMs: number;
  /** For a refusal of a method UCS confirms with no callback (ms). */
  readonly graceMs: number;
  /** First wait before the adapter checks on a bundle that lost its server (doubles up to `recoverMaxMs`). */
  readonly recoverBaseMs: number;
  readonly recoverMaxMs: number;
}

export const DEFAULT_UCS_TIMING: UcsTiming = {
  readyMs: 30_000,
  confirmMs: 8_000,
  graceMs: 700,
  recoverBaseMs: 5_000,
  recoverMaxMs: 60_000,
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Drives the UCS agent bar bundle headless. The bundle is remote code, so it runs in Softbar's sandboxed
 * page inside the offscreen document (see src/sandbox); the adapter talks to it through the sandbox
 * client: it answers onCredentials with `sso` or `login`, pairs the phone (from the settings or the
 * agent's choice in the bar), and turns the documented callbacks into the bar's events.
 */
export class UcsAdapter implements VendorAdapter {
  readonly id = 'ucs' as const;
  capabilities: Capabilities;
  private readonly listeners = new Set<(event: VendorEvent) => void>();
  private readonly timing: UcsTiming;
  private readonly confirmations: Confirmations;
  private tracker: UcsTracker | undefined;
  private channel: FrameChannel | undefined;
  private client: SandboxClient | undefined;
  private opening: Promise<void> | undefined;
  private unsubscribe: (() => void)[] = [];
  private phase: UcsPhase = 'UNKNOWN';
  private status: 'new' | 'connecting' | 'connected' | 'reconnecting' = 'new';
  private disposed = false;
  // The connect waiting for READY, if one is.
  private readyWait: EventWait | undefined;
  private recoverTimer: ReturnType<typeof setTimeout> | undefined;
  private recoverAttempt = 0;
  // The bundle spoke since it was loaded (a silent one is loaded again on the next connect).
  private heard = false;
  private loginFailed = false;
  // The agent asked for another phone, or the configured identifier was refused: the bar asks.
  private choosingPhone = false;
  private identifierRefused = false;
  private probing = false;
  private ringingSoundSet = false;
  private auxReasons: StateReason[] = [];
  private callReasons: StateReason[] = [];
  private queues: QueueMembership[] = [];
  // The phones UCS offered last (the bar asks again with them after a refused choice).
  private phones: PhoneChoice[] = [];
  // Errors already shown since the last READY: a bundle retrying every few seconds says the same again.
  private readonly shownErrors = new Set<string>();
  private holdMethod: 'tribute' | 'hold' = 'tribute';
  private phone: SavedPhone = {};
  private readonly tag: string;
  private readonly test: boolean;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private recovering = false;
  // A login call is out and UCS has not answered it yet (onUser / onLoginError): no second one.
  private loginInFlight = false;
  private loginTimer: ReturnType<typeof setTimeout> | undefined;
  // UCS refused the login this many times in a row; past MAX_REFUSED_LOGINS Softbar stops asking.
  private refusedLogins = 0;
  private refusedForGood = false;
  private crmTokenAt = 0;
  // A token a CRM page handed over, until the next login uses it; and whether the last login used one.
  private crmToken: string | undefined;
  private loggedInByCrm = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: UcsSettings,
    private readonly ctx: AdapterContext,
    timing: Partial<UcsTiming> = {},
  ) {
    this.timing = { ...DEFAULT_UCS_TIMING, ...timing };
    this.test = ctx.purpose === 'test';
    this.tag = settingsTag(settings, this.test);
    this.capabilities = ucsCapabilities(settings);
    this.confirmations = new Confirmations(this.timing, (step) =>
      unconfirmed(step.method, Math.round(this.timing.confirmMs / 1000)),
    );
  }

  async connect(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.disposed) throw new Error(CLOSED);
    if (this.status === 'new') this.connection('connecting', LOADING);
    if (!this.tracker) {
      this.tracker = new UcsTracker(await this.ctx.store.get<SavedCalls>(STORE_KEY));
      const saved = await this.ctx.store.get<SavedPhone>(PHONE_KEY);
      this.phone = saved?.tag === this.tag ? saved : {};
    }
    signal.throwIfAborted();
    if (this.phase === 'READY') return;
    if (this.refusedForGood) {
      // The hub retries a failed connect: the session stays failed instead of locking the account.
      this.emit({ type: 'connection', status: 'failed', message: `${GIVEN_UP}`, at: this.ctx.now() });
      return new Promise<void>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new Error(CLOSED)), { once: true }),
      );
    }
    const ready = this.waitForReady(signal);
    try {
      // A page that never spoke since it was loaded (its server was down) is loaded afresh.
      if (this.channel && !this.heard) await this.closeFrame();
      await this.open();
      if (this.phase === 'CREDENTIALS' && this.loginFailed) void this.login();
    } catch (error) {
      this.failReady(error instanceof Error ? error : new Error(String(error)));
    }
    await ready;
  }

  async execute(command: VendorCommand): Promise<void> {
    if (this.disposed || !this.client) throw new Error(NOT_CONNECTED);
    const tracker = this.tracker;
    if (!tracker) throw new Error(NOT_CONNECTED);
    if ('vendorCallId' in command && !tracker.isLive(command.vendorCallId))
      throw new Error('That call has already ended.');
    const steps = planFor(command, {
      settings: this.settings,
      auxReasons: this.auxReasons,
      muted: (id) => tracker.muted(id),
      consultLeg: (id) => tracker.consultLeg(id),
      holdMethod: this.holdMethod,
    });
    const what = COMMAND_LABELS[command.type];
    if (isTargetedCommand(command.type) && 'vendorCallId' in command) {
      const problem = tracker.targetProblem(command.type, command.vendorCallId);
      if (problem) throw new Error(problem);
    }
    for (const step of steps) {
      if (!allowedIn(step.method, this.phase))
        throw new Error(wrongPhaseMessage(what, step.method, this.phase));
    }
    if (command.type === 'changePhone') this.choosingPhone = true;
    if (command.type === 'blindTransfer' || command.type === 'attendedTransfer') {
      const kind = command.type === 'blindTransfer' ? 'blind' : 'attended';
      tracker.startTransfer(command.vendorCallId, kind, command.target);
      this.emit({
        type: 'transferStarted',
        vendorCallId: command.vendorCallId,
        kind,
        target: command.target,
        at: this.ctx.now(),
      });
    }
    if (command.type === 'cancelTransfer') tracker.cancelling(command.vendorCallId);
    // The agent answered the pairing: the wait for READY runs again from here.
    if (command.type === 'pairPhone' || command.type === 'confirmPhone') {
      this.phoneAnswered();
    }
    try {
      for (const step of steps) await this.run(step);
    } catch (error) {
      if (command.type === 'changePhone') this.choosingPhone = false;
      if (command.type === 'blindTransfer' || command.type === 'attendedTransfer') {
        tracker.dropTransfer(command.vendorCallId);
        this.emit({
          type: 'transferFailed',
          vendorCallId: command.vendorCallId,
          message: messageOf(error),
          at: this.ctx.now(),
        });
      }
      if (command.type === 'pairPhone') this.askForPhone(this.phones, messageOf(error));
      throw error;
    }
    if (command.type === 'setAccountCode')
      this.emit({ type: 'accountCodeSettled', id: command.requestId, at: this.ctx.now() });
    this.save();
  }

  acceptSsoToken(given: { readonly username: string; readonly token: string }, origin: string): void {
    const allowed = this.settings.crmOrigins ?? [];
    if (!allowed.includes(origin)) throw new Error(NO_SSO_TOKEN_FROM_PAGE);
    if (given.username !== this.settings.username)
      throw new Error(
        `The token is for ${given.username}, but this UCS profile logs in ${this.settings.username}.`,
      );
    this.crmToken = given.token;
    this.crmTokenAt = this.ctx.now();
    this.ctx.log('info', `UCS: an SSO token was handed over by ${origin}`);
    // A fresh token is worth another try after refusals (the CRM logged the agent in again).
    this.refusedForGood = false;
    if (this.phase === 'CREDENTIALS' && !this.loginInFlight) {
      this.readyWait?.arm();
      void this.login();
    }
  }

  onEvent(listener: (event: VendorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async openScreen(): Promise<void> {
    if ((this.tracker?.liveIds().length ?? 0) > 0) throw new Error(SCREEN_DURING_CALL);
    await this.open();
    await this.channel?.showScreen();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.recoverTimer);
    clearTimeout(this.checkTimer);
    clearTimeout(this.loginTimer);
    this.failReady(new Error(CLOSED));
    this.confirmations.failAll(CLOSED);
    const channel = this.detach();
    this.listeners.clear();
    await this.saving;
    // Kept loaded for a while: the next adapter with the same settings re-attaches to the logged-in bundle.
    channel?.release();
  }

  // ---- the sandboxed page ----

  /** Opens (or re-attaches to) the sandbox frame once; later calls reuse it. */
  private open(): Promise<void> {
    this.opening ??= this.ctx.frames
      .open({
        key: FRAME_KEY,
        url: this.ctx.frames.sandboxPage,
        origin: 'null',
        sandboxed: true,
        allow: 'microphone; autoplay',
        screen: { title: `UCS – ${this.settings.username}` },
      })
      .then(
        (channel) => {
          if (this.disposed) {
            channel.release();
            throw new Error(CLOSED);
          }
          this.channel = channel;
          this.heard = false;
          const client = createSandboxClient(channel, {
            callback: (name, args) => this.callback(name, args),
            loadError: (message) => this.loadFailed(message),
          });
          this.client = client;
          this.unsubscribe = [() => client.dispose(CLOSED), channel.onLoad(() => void this.attach(client))];
        },
        (error: unknown) => {
          this.opening = undefined;
          throw error;
        },
      );
    return this.opening;
  }

  private detach(): FrameChannel | undefined {
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
    const channel = this.channel;
    this.channel = undefined;
    this.client = undefined;
    this.opening = undefined;
    this.phase = 'UNKNOWN';
    return channel;
  }

  private async closeFrame(): Promise<void> {
    this.confirmations.failAll('The UCS agent bar was loaded again.');
    await this.detach()?.close();
  }

  /**
   * The page (re)loaded, or the adapter re-attached to a running one. A page without the bundle gets
   * it. A bundle loaded with other settings (another profile, an edit) is closed, which logs its agent
   * out before this one logs in. One with these settings that is READY goes on as it is (a live call
   * included); one that is not is loaded afresh (no call can be up before READY).
   */
  private async attach(client: SandboxClient): Promise<void> {
    if (this.disposed || client !== this.client) return;
    // Until the page says what it runs, commands wait (a method would reach a page without the bundle).
    this.phase = 'UNKNOWN';
    this.loginAnswered();
    let running: { loaded: boolean; tag?: string };
    try {
      running = await client.describe(5_000);
    } catch (error) {
      if (client !== this.client) return;
      this.ctx.log('warn', 'UCS: the sandbox page does not answer', error);
      if (!this.failReady(new Error(`The UCS page does not answer: ${messageOf(error)}`)))
        this.lostConnection(messageOf(error));
      return;
    }
    if (this.disposed || client !== this.client) return;
    if (!running.loaded) {
      this.phase = 'UNKNOWN';
      this.ringingSoundSet = false;
      // The page was loaded again under a running session (its host was recreated): the bar says so.
      if (this.status === 'connected') this.connection('reconnecting', RELOADED);
      client.load(bundleUrl(this.settings), bundleConfig(this.settings, this.test), this.tag);
      // With no connect waiting (the page was loaded again under a session), recovery keeps watch.
      if (!this.readyWait?.pending) this.scheduleRecovery();
      return;
    }
    const state = running.tag === this.tag ? await this.probe(client) : undefined;
    if (this.disposed || client !== this.client) return;
    if (state) {
      this.heard = true;
      this.ready(state);
      return;
    }
    this.ctx.log('info', 'UCS: the running agent bar has other settings or is not ready; loading it again');
    await this.closeFrame();
    await this.open().catch((error: unknown) => this.failReady(error as Error));
  }

  /** The bundle's state() when it is READY; undefined otherwise (not ready, not answering). */
  private async probe(client: SandboxClient): Promise<Readonly<Record<string, unknown>> | undefined> {
    this.probing = true;
    try {
      const state = await client.call('state', [], 5_000);
      return isObject(state) && typeof state.status === 'string' ? state : undefined;
    } catch {
      return undefined;
    } finally {
      this.probing = false;
    }
  }

  private loadFailed(message: string): void {
    const error = new Error(notLoaded(bundleUrl(this.settings), message));
    this.ctx.log('warn', 'UCS: the bundle did not load', message);
    void this.closeFrame();
    if (!this.failReady(error)) this.lostConnection(error.message);
  }

  /** Calls one method and waits for its outcome. */
  private async run(step: MethodStep): Promise<void> {
    const client = this.client;
    if (!client) throw new Error(NOT_CONNECTED);
    const outcome = this.confirmations.expect(step);
    try {
      await client.call(step.method, step.args);
    } catch (error) {
      this.confirmations.cancel(step);
      // A bundle without the document's name for a method may have the other one.
      const other = ALTERNATIVES[step.method];
      if (other && this.phase !== 'UNKNOWN' && /not available/.test(messageOf(error))) {
        if (other === 'hold') this.holdMethod = 'hold';
        return this.run({ ...step, method: other });
      }
      throw error;
    }
    await outcome;
  }

  // ---- callbacks ----

  private callback(name: string, args: readonly unknown[]): void {
    if (this.disposed) return;
    this.heard = true;
    this.confirmations.callback(name, args);
    const at = this.ctx.now();
    const first = args[0];
    switch (name) {
      case 'onConnect':
        this.ctx.log('info', `UCS: connected, version ${String(first)}`);
        return;
      case 'onCredentials':
        this.phase = 'CREDENTIALS';
        void this.login();
        return;
      case 'onLoginError':
        this.loginError(args, at);
        return;
      case 'onUser':
        this.loginAnswered();
        this.refusedLogins = 0;
        this.phase = 'IDENTIFY';
        return;
      case 'onIdentify':
        this.phase = 'IDENTIFY';
        this.identify(first);
        return;
      case 'onIdentifier':
        this.ctx.log('info', `UCS: paired by identifier ${String(first)}`);
        return;
      case 'onDevice':
        this.phase = 'DEVICE';
        this.device(first);
        return;
      case 'onReady':
        if (isObject(first)) this.ready(first);
        return;
      case 'onAgentSuspend':
      case 'onAgentResume':
        this.queueService(String(first), name === 'onAgentResume', at);
        return;
      case 'onWaitingCallersChange':
        if (typeof first === 'number') this.emit({ type: 'desk', waitingCallers: first, at });
        return;
      case 'onWarning':
      case 'onError':
        this.problem(name, String(first ?? ''), args, at);
        return;
      case 'onInfo':
        if (typeof first === 'string' && first.trim() !== '')
          this.emit({ type: 'notice', level: 'info', text: first, at, raw: { callback: name, args } });
        return;
      case 'onDebug':
        this.ctx.log('debug', `UCS: ${String(first)}`);
        return;
    }
    if (isCallCallback(name) && this.tracker) {
      for (const event of this.tracker.callback(name, args, at)) this.emit(event);
      if (this.settings.autoOpenAccountCode) {
        for (const ended of this.tracker.takeEnded()) {
          const request = accountCodeRequest(ended, this.callReasons, at);
          if (request) this.emit(request);
        }
      } else this.tracker.takeEnded();
      this.save();
      return;
    }
    for (const event of callbackEvents(name, args, at, () => false)) this.emit(event);
  }

  /**
   * onCredentials: a token a CRM page handed over (used once: it carries its time), else the profile's
   * login, made fresh (a token from the secret carries the current time). With only `crmOrigins`, the
   * bar waits for the CRM.
   */
  private async login(): Promise<void> {
    if (this.phase !== 'CREDENTIALS' || this.disposed || this.loginInFlight || this.refusedForGood) return;
    const login = loginOf(this.settings);
    const { username, provider } = this.settings;
    // A token carries its time: one handed over long ago would only be refused.
    const fresh = this.ctx.now() - this.crmTokenAt < CRM_TOKEN_TTL_MS;
    const fromCrm = fresh ? this.crmToken : undefined;
    this.crmToken = undefined;
    this.loggedInByCrm = fromCrm !== undefined;
    // Test connection: the server answered. Logging in is left alone when it is the CRM's to do, or
    // when `autologout` would end the agent's own session.
    const notTried = this.test
      ? login.kind === 'crm'
        ? TEST_LEFT_TO_CRM
        : this.settings.bundleOptions?.autologout
          ? TEST_AUTOLOGOUT
          : undefined
      : undefined;
    if (notTried) {
      this.emit({ type: 'notice', level: 'warning', text: notTried, at: this.ctx.now() });
      this.settleReady();
      return;
    }
    if (!fromCrm && login.kind === 'crm') {
      this.readyWait?.pause();
      this.connection(this.waitingStatus(), WAITING_FOR_CRM);
      return;
    }
    this.connection(this.waitingStatus(), loggingIn(this.settings.username));
    // Until UCS answers (onUser, onLoginError) or the page goes: a token handed over meanwhile waits.
    this.loginInFlight = true;
    clearTimeout(this.loginTimer);
    this.loginTimer = setTimeout(() => {
      this.loginInFlight = false;
    }, this.timing.confirmMs);
    try {
      if (fromCrm) {
        await this.client?.call('sso', [username, fromCrm, provider]);
      } else if (login.kind === 'password') {
        await this.client?.call('login', [username, login.password, false]);
      } else {
        const token =
          login.kind === 'ssoToken'
            ? login.token
            : await makeSsoToken(
                login.kind === 'ssoSecret' ? login.secret : '',
                username,
                ssoTimestamp(this.ctx.now()),
              );
        await this.client?.call('sso', [username, token, provider]);
      }
    } catch (error) {
      this.loginInFlight = false;
      this.ctx.log('warn', 'UCS: the login call failed', error);
    }
  }

  /** UCS answered a login (accepted or refused): another may be sent. */
  private loginAnswered(): void {
    this.loginInFlight = false;
    clearTimeout(this.loginTimer);
  }

  private loginError(args: readonly unknown[], at: number): void {
    this.loginAnswered();
    this.loginFailed = true;
    // Refused credentials retried forever would lock the agent's account: after a few, Softbar stops.
    this.refusedLogins += 1;
    if (this.refusedLogins >= MAX_REFUSED_LOGINS && !this.loggedInByCrm) this.refusedForGood = true;
    this.showOnce('onLoginError', String(args[1] ?? ''), args, at);
    const how = this.loggedInByCrm
      ? 'SSO token the CRM handed over'
      : { ssoToken: 'SSO token', ssoSecret: 'SSO secret', password: 'password', crm: 'CRM' }[
          loginOf(this.settings).kind
        ];
    const reason = typeof args[1] === 'string' && args[1] !== '' ? args[1] : 'the login was refused';
    const refused = loginRefused(this.settings.username, reason, how);
    const error = new Error(this.refusedForGood ? `${refused} ${GIVEN_UP}` : refused);
    if (this.refusedForGood) {
      // No more automatic logins until the settings change (a new adapter): the bar says why.
      this.failReady(error);
      this.emit({ type: 'connection', status: 'failed', message: error.message, at });
      return;
    }
    if (!this.failReady(error)) {
      this.connection('reconnecting', error.message);
      this.scheduleRecovery();
    }
  }

  /** onIdentify: the phone the agent paired before, else the configured one, else the agent's choice. */
  private identify(identifiers: unknown): void {
    this.emit({ type: 'desk', device: null, at: this.ctx.now() });
    const identifier = this.phone.identifier ?? this.settings.identifier;
    if (identifier !== undefined && !this.choosingPhone && !this.identifierRefused) {
      const step: MethodStep = {
        method: 'selectIdentifier',
        args: [identifier],
        confirmedBy: (name) => name === 'onDevice',
      };
      this.run(step).catch((error: unknown) => {
        if (this.disposed || this.phase === 'READY') return;
        const message = messageOf(error);
        // Only UCS saying no makes the bar ask; a page that went away will ask again itself.
        if (!message.startsWith('UCS refused')) return;
        this.identifierRefused = true;
        this.askForPhone(phonesOf(identifiers), `The phone "${identifier}" was refused: ${message}`);
      });
      return;
    }
    this.askForPhone(phonesOf(identifiers));
  }

  private askForPhone(devices: PhoneChoice[], message?: string): void {
    this.phones = devices;
    this.readyWait?.pause();
    this.emit({
      type: 'desk',
      pairing: { kind: 'choose', devices, ...(message ? { message } : {}) },
      at: this.ctx.now(),
    });
    this.connection(this.waitingStatus(), message ? `${message} ${CHOOSE_PHONE}` : CHOOSE_PHONE);
  }

  private device(raw: unknown): void {
    const device = phoneOf(raw);
    const at = this.ctx.now();
    this.emit({ type: 'desk', device: device ?? null, at });
    if (device && device.identifier !== this.phone.identifier)
      this.rememberPhone({ identifier: device.identifier });
    if (!this.settings.confirmDevice || this.test) {
      this.emit({ type: 'desk', pairing: null, at });
      return;
    }
    // Confirmed once already (a re-login after the server came back): confirmed again without asking.
    if (device && this.phone.confirmed === device.identifier) {
      this.emit({ type: 'desk', pairing: null, at });
      this.run({ method: 'provision', args: [], confirmedBy: (name) => name === 'onReady' }).catch(
        (error: unknown) => {
          this.ctx.log('warn', 'UCS: confirming the phone again failed', error);
          if (this.disposed || this.phase !== 'DEVICE') return;
          // The agent confirms it by hand, as the first time.
          this.rememberPhone({ identifier: device.identifier });
          this.askToConfirm(device, this.ctx.now());
        },
      );
      return;
    }
    this.askToConfirm(device, at);
  }

  private askToConfirm(device: PhoneChoice | undefined, at: number): void {
    this.readyWait?.pause();
    this.emit({ type: 'desk', pairing: { kind: 'confirm', devices: [], ...(device ? { device } : {}) }, at });
    this.connection(this.waitingStatus(), CONFIRM_PHONE);
  }

  /** READY (onReady, or `state()` of a running bundle): the whole picture. */
  private ready(state: Readonly<Record<string, unknown>>): void {
    const at = this.ctx.now();
    this.phase = 'READY';
    this.loginFailed = false;
    this.choosingPhone = false;
    this.identifierRefused = false;
    this.shownErrors.clear();
    clearTimeout(this.checkTimer);
    clearTimeout(this.recoverTimer);
    this.recoverAttempt = 0;
    this.auxReasons = reasonsOf(state.auxReasons);
    this.callReasons = reasonsOf(state.callReasons);
    this.queues = queuesOf(state);
    this.capabilities = ucsCapabilities(this.settings, this.auxReasons);
    this.emit({ type: 'capabilities', capabilities: this.capabilities, at });
    const device = phoneOf(state.device);
    if (device && this.settings.confirmDevice && this.phone.confirmed !== device.identifier)
      this.rememberPhone({ identifier: device.identifier, confirmed: device.identifier });
    this.emit({
      type: 'desk',
      queues: this.queues,
      waitingCallers: typeof state.waitingCallers === 'number' ? state.waitingCallers : null,
      device: device ?? null,
      pairing: null,
      at,
    });
    const agent = agentStateOf(state.status, state.reason);
    if (this.tracker)
      this.emit(this.tracker.snapshot(state, agent ? { state: agent.state, reason: agent.reason } : {}, at));
    this.save();
    this.connection('connected');
    this.settleReady();
    if (this.settings.ringingSound && !this.ringingSoundSet) {
      this.ringingSoundSet = true;
      this.client
        ?.call('selectRingingSound', [this.settings.ringingSound])
        .catch((error: unknown) => this.ctx.log('warn', 'UCS: the ringtone was not set', error));
    }
  }

  private queueService(queueId: string, active: boolean, at: number): void {
    this.queues = this.queues.map((queue) => (queue.id === queueId ? { ...queue, active } : queue));
    this.emit({ type: 'desk', queues: this.queues, at });
  }

  /**
   * onWarning / onError: the refusal of a method the adapter is waiting on goes to that command;
   * anything else is shown once. An error while READY means the bundle lost its server (the document's
   * own example): the bar says so and the adapter checks that the bundle comes back.
   */
  private problem(name: 'onWarning' | 'onError', text: string, args: readonly unknown[], at: number): void {
    if (this.probing && text.startsWith('state')) return;
    if (this.confirmations.refusal(text)) return;
    if (name === 'onError') {
      if (this.failReady(new Error(text))) {
        this.showOnce(name, text, args, at);
        return;
      }
      if (this.phase === 'READY') this.checkSoon(text);
    }
    this.showOnce(name, text, args, at);
  }

  private showOnce(name: string, text: string, args: readonly unknown[], at: number): void {
    const key = `${name}:${text}`;
    if (this.shownErrors.has(key)) return;
    this.shownErrors.add(key);
    for (const event of callbackEvents(name, args, at, () => false)) this.emit(event);
  }

  private lostConnection(message: string): void {
    this.phase = 'UNKNOWN';
    this.connection('reconnecting', message);
    this.scheduleRecovery();
  }

  /**
   * The bundle retries its server by itself; if it is still not READY after the backoff, the adapter
   * asks it for its state and, when that does not show READY, loads it again.
   */
  private scheduleRecovery(): void {
    clearTimeout(this.recoverTimer);
    const delay = backoffDelay(this.recoverAttempt++, this.timing.recoverBaseMs, this.timing.recoverMaxMs);
    this.recoverTimer = setTimeout(() => void this.recover(), delay);
  }

  private async recover(): Promise<void> {
    if (this.recovering) return;
    this.recovering = true;
    try {
      await this.recoverOnce();
    } finally {
      this.recovering = false;
    }
    // ready() clears this timer when the bundle gets there.
    if (!this.disposed && this.phase !== 'READY' && !this.refusedForGood) this.scheduleRecovery();
  }

  private async recoverOnce(): Promise<void> {
    // Waiting for the agent (pairing) is not a failure.
    const settled = () =>
      this.disposed || this.phase === 'READY' || this.phase === 'IDENTIFY' || this.phase === 'DEVICE';
    if (settled()) return;
    const client = this.client;
    const state = client && this.phase === 'UNKNOWN' ? await this.probe(client) : undefined;
    // The bundle may have got somewhere, or the page been replaced, while it was asked.
    if (settled() || client !== this.client) return;
    if (state) {
      this.ready(state);
      return;
    }
    if (this.phase === 'CREDENTIALS') {
      await this.login();
    } else {
      this.ctx.log('info', 'UCS: the agent bar did not come back; loading it again');
      await this.closeFrame();
      await this.open().catch((error: unknown) => this.ctx.log('warn', 'UCS: reopening failed', error));
    }
  }

  /**
   * An error while READY may be the server lost (the document's own example) or something the bundle
   * goes on after: a second later the bundle is asked for its state; only when it is not READY does the
   * bar say reconnecting (and commands wait).
   */
  private checkSoon(text: string): void {
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(async () => {
      const client = this.client;
      const state = client ? await this.probe(client) : undefined;
      if (this.disposed || this.phase !== 'READY') return;
      if (state) {
        this.ready(state);
        return;
      }
      this.phase = 'UNKNOWN';
      this.connection('reconnecting', lost(text.replace(/\.$/, '')));
      this.scheduleRecovery();
    }, 1_000);
  }

  /** The agent chose or confirmed a phone: the wait for READY restarts (onDevice remembers the phone). */
  private phoneAnswered(): void {
    this.identifierRefused = false;
    this.readyWait?.arm();
  }

  private rememberPhone(phone: SavedPhone): void {
    this.phone = { ...phone, tag: this.tag };
    this.ctx.store
      .set(PHONE_KEY, this.phone)
      .catch((error: unknown) => this.ctx.log('warn', 'UCS: could not save the phone', error));
  }

  // ---- waiting for READY ----

  /** A new wait for READY (an older one fails), failed after `readyMs` without progress. */
  private waitForReady(signal: AbortSignal): Promise<void> {
    this.failReady(new Error('A newer connection attempt started.'));
    const wait = new EventWait(
      signal,
      this.timing.readyMs,
      () => new Error(notReady(Math.round(this.timing.readyMs / 1000), this.phaseWords())),
    );
    this.readyWait = wait;
    wait.arm();
    return wait.done;
  }

  /** READY was reached: the waiting connect resolves. */
  private settleReady(): void {
    this.readyWait?.resolve();
    this.readyWait = undefined;
  }

  /** Fails the wait for READY; false when no connect was waiting. */
  private failReady(error: Error): boolean {
    const pending = this.readyWait?.pending === true;
    this.readyWait?.reject(error);
    this.readyWait = undefined;
    return pending;
  }

  private phaseWords(): string {
    switch (this.phase) {
      case 'CREDENTIALS':
        return 'logging in';
      case 'IDENTIFY':
        return 'pairing the phone';
      case 'DEVICE':
        return 'confirming the phone';
      case 'READY':
        return 'ready';
      default:
        return this.heard ? 'connecting to its server' : 'loading';
    }
  }

  // ---- events and memory ----

  /** The status while the session waits for a step: reconnecting once it had been up, else connecting. */
  private waitingStatus(): 'connecting' | 'reconnecting' {
    return this.status === 'connected' || this.status === 'reconnecting' ? 'reconnecting' : 'connecting';
  }

  private connection(status: 'connecting' | 'connected' | 'reconnecting', message?: string): void {
    this.status = status;
    this.emit({ type: 'connection', status, ...(message ? { message } : {}), at: this.ctx.now() });
  }

  private emit(event: VendorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private save(): void {
    const tracker = this.tracker;
    if (!tracker) return;
    this.saving = this.saving
      .then(() => this.ctx.store.set(STORE_KEY, tracker.save()))
      .catch((error: unknown) => this.ctx.log('warn', 'UCS: could not save the calls', error));
  }
}
