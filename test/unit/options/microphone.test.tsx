// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MicrophoneApis } from '../../../options/microphone';
import { answer, button, mountPage, press, resetPage, roleTexts, section, viewOf } from './harness';

const send = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ send: (...args: unknown[]) => send(...args) }));
const { MicrophoneSection } = await import('../../../options/MicrophoneSection');
const { OptionsApp } = await import('../../../options/OptionsApp');

/** Chrome's answer to a prompt, or what happens without one. */
type Answer = 'allow' | 'block' | 'dismiss' | 'no device' | 'busy';

/** The microphone permission's live status, as navigator.permissions gives it. */
class FakeStatus extends EventTarget {
  /** Listeners of `change` now. */
  listening = 0;

  constructor(public state: PermissionState) {
    super();
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listening += 1;
    super.addEventListener(...args);
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listening -= 1;
    super.removeEventListener(...args);
  }

  /** The permission changed (a prompt was answered, or the agent changed Chrome's settings). */
  become(state: PermissionState): void {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

/** navigator.permissions and navigator.mediaDevices, playing Chrome's side. */
function fakeBrowser(initial: PermissionState, answerWith: Answer = 'allow') {
  const status = new FakeStatus(initial);
  const stopped: string[] = [];
  let release: () => void = () => {};
  const apis = {
    permissions: { query: vi.fn(async () => status as unknown as PermissionStatus) },
    mediaDevices: {
      getUserMedia: vi.fn(async (constraints?: MediaStreamConstraints) => {
        // Held until the test lets the prompt be answered, when it asks to.
        await new Promise<void>((done) => {
          release = done;
          if (!fake.holdPrompt) done();
        });
        if (status.state === 'granted') return stream(constraints);
        if (fake.answer === 'no device')
          throw new DOMException('Requested device not found', 'NotFoundError');
        if (fake.answer === 'busy')
          throw new DOMException('Could not start audio source', 'NotReadableError');
        if (status.state === 'denied' || fake.answer === 'block') {
          status.become('denied');
          throw new DOMException('Permission denied', 'NotAllowedError');
        }
        if (fake.answer === 'dismiss') throw new DOMException('Permission dismissed', 'NotAllowedError');
        status.become('granted');
        return stream(constraints);
      }),
    },
  };
  const stream = (constraints?: MediaStreamConstraints) => {
    expect(constraints).toEqual({ audio: true });
    const track = { kind: 'audio', stop: () => stopped.push('audio') };
    return { getTracks: () => [track] } as unknown as MediaStream;
  };
  const fake = {
    apis,
    status,
    stopped,
    answer: answerWith,
    holdPrompt: false,
    answerPrompt: () => release(),
  };
  return fake;
}

let page: Awaited<ReturnType<typeof mountPage>>;

const mount = async (apis: MicrophoneApis) => {
  page = await mountPage(<MicrophoneSection apis={apis} />);
  return section(page.root, 'Microphone');
};

/** The state line, once the permission was read. */
const stateShown = async (scope: HTMLElement, label: string) =>
  vi.waitFor(() => expect(roleTexts(scope, 'status')).toEqual([`Microphone access: ${label}`]));

const hasButton = (scope: HTMLElement) =>
  [...scope.querySelectorAll('button')].some((b) => b.textContent === 'Allow microphone');

beforeEach(() => {
  resetPage();
});

afterEach(() => {
  page?.unmount();
  vi.unstubAllGlobals();
});

describe('the Microphone section', () => {
  it('says the microphone is allowed, with nothing to press', async () => {
    const scope = await mount(fakeBrowser('granted').apis);
    await stateShown(scope, 'Allowed');
    expect(hasButton(scope)).toBe(false);
  });

  it('asks for the microphone from this page, stops it at once, and then says Allowed', async () => {
    const browser = fakeBrowser('prompt', 'allow');
    const scope = await mount(browser.apis);
    await stateShown(scope, 'Not allowed yet');
    expect(scope.textContent).toContain('cannot ask for the microphone itself');

    await press(button(scope, 'Allow microphone'));
    await stateShown(scope, 'Allowed');
    expect(browser.apis.mediaDevices.getUserMedia).toHaveBeenCalledTimes(1);
    expect(browser.stopped).toEqual(['audio']);
    expect(hasButton(scope)).toBe(false);
    expect(roleTexts(scope, 'alert')).toEqual([]);
  });

  it('does not let the agent ask twice while Chrome shows its prompt', async () => {
    const browser = fakeBrowser('prompt', 'allow');
    browser.holdPrompt = true;
    const scope = await mount(browser.apis);
    await stateShown(scope, 'Not allowed yet');
    await press(button(scope, 'Allow microphone'));
    expect(button(scope, 'Allow microphone').disabled).toBe(true);
    browser.answerPrompt();
    await stateShown(scope, 'Allowed');
  });

  it('says so when the prompt was closed without allowing, and offers to ask again', async () => {
    const scope = await mount(fakeBrowser('prompt', 'dismiss').apis);
    await stateShown(scope, 'Not allowed yet');
    await press(button(scope, 'Allow microphone'));
    await vi.waitFor(() =>
      expect(roleTexts(scope, 'alert')).toEqual([expect.stringMatching(/did not allow/)]),
    );
    expect(roleTexts(scope, 'status')).toEqual(['Microphone access: Not allowed yet']);
    expect(button(scope, 'Allow microphone').disabled).toBe(false);
  });

  it('shows Blocked, with how to unblock it in Chrome, when the agent blocks it', async () => {
    const scope = await mount(fakeBrowser('prompt', 'block').apis);
    await stateShown(scope, 'Not allowed yet');
    await press(button(scope, 'Allow microphone'));
    await stateShown(scope, 'Blocked');
    expect(scope.textContent).toContain('chrome://settings/content/microphone');
    // The state's text says what to do: no second message.
    expect(roleTexts(scope, 'alert')).toEqual([]);
  });

  it("follows a change made in Chrome's settings while the page is open", async () => {
    const browser = fakeBrowser('denied');
    const scope = await mount(browser.apis);
    await stateShown(scope, 'Blocked');
    browser.status.become('prompt');
    await stateShown(scope, 'Not allowed yet');
    browser.status.become('granted');
    await stateShown(scope, 'Allowed');
  });

  it('stops following the permission once the page is gone', async () => {
    const browser = fakeBrowser('prompt');
    const scope = await mount(browser.apis);
    await stateShown(scope, 'Not allowed yet');
    expect(browser.status.listening).toBe(1);
    page.unmount();
    await vi.waitFor(() => expect(browser.status.listening).toBe(0));
  });

  it('does not start following when the page is gone before the permission was read', async () => {
    const browser = fakeBrowser('prompt');
    let read: () => void = () => {};
    browser.apis.permissions.query.mockImplementation(
      () => new Promise((done) => (read = () => done(browser.status as unknown as PermissionStatus))),
    );
    await mount(browser.apis);
    page.unmount();
    // Preact runs effect cleanups after the unmount, not during it.
    await new Promise((done) => setTimeout(done, 50));
    read();
    await new Promise((done) => setTimeout(done, 0));
    expect(browser.status.listening).toBe(0);
  });

  it('says when no microphone is connected, or it cannot start', async () => {
    const browser = fakeBrowser('prompt', 'no device');
    const scope = await mount(browser.apis);
    await stateShown(scope, 'Not allowed yet');
    await press(button(scope, 'Allow microphone'));
    await vi.waitFor(() =>
      expect(roleTexts(scope, 'alert')).toEqual([expect.stringMatching(/No microphone/)]),
    );
    browser.answer = 'busy';
    await press(button(scope, 'Allow microphone'));
    await vi.waitFor(() =>
      expect(roleTexts(scope, 'alert')).toEqual([expect.stringMatching(/another program may be using it/)]),
    );
  });

  it('checks by opening the microphone where the browser cannot tell the permission', async () => {
    const browser = fakeBrowser('prompt', 'allow');
    browser.apis.permissions.query.mockRejectedValue(
      new TypeError("'microphone' is not a valid PermissionName"),
    );
    const scope = await mount(browser.apis);
    await stateShown(scope, 'Unknown');
    await press(button(scope, 'Allow microphone'));
    await stateShown(scope, 'Allowed');
  });

  it('says the page cannot open the microphone where it has no media devices', async () => {
    const scope = await mount({});
    await stateShown(scope, 'Unknown');
    await press(button(scope, 'Allow microphone'));
    await vi.waitFor(() =>
      expect(roleTexts(scope, 'alert')).toEqual(['This page cannot open the microphone.']),
    );
  });

  it("is part of the options page, reading the page's own navigator", async () => {
    const browser = fakeBrowser('prompt');
    vi.stubGlobal('navigator', { ...browser.apis, userAgent: navigator.userAgent, language: 'en-US' });
    answer(send, { getConfig: () => viewOf({}) });
    page = await mountPage(<OptionsApp />);
    await stateShown(section(page.root, 'Microphone'), 'Not allowed yet');
  });
});
