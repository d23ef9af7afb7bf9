import { describe, expect, it } from 'vitest';
import type browser from 'webextension-polyfill';
import { createFrameHost } from '../../../src/background/frames/frame-host';
import { hostPageOf, screenPath } from '../../../src/background/frames/host-pages';
import { FRAMES_PORT, type WorkerMessage } from '../../../src/background/frames/protocol';
import { FakePlatform, memoryLog, spec } from './fakes';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGE = `chrome-extension://${ID}`;

/** A runtime port as the polyfill hands it to onConnect, with its listeners reachable. */
function runtimePort(name: string, sender: browser.Runtime.MessageSender) {
  const onMessage = new Set<(message: unknown) => void>();
  const onDisconnect = new Set<() => void>();
  const sent: WorkerMessage[] = [];
  const port = {
    name,
    sender,
    postMessage: (message: WorkerMessage) => void sent.push(message),
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.add(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.add(listener) },
  } as unknown as browser.Runtime.Port;
  return {
    port,
    sent,
    say: (message: unknown) => {
      for (const listener of onMessage) listener(message);
    },
    drop: () => {
      for (const listener of onDisconnect) listener();
    },
  };
}

describe('acceptPort', () => {
  const host = () => createFrameHost({ log: memoryLog(), platform: new FakePlatform(), extensionId: ID });

  it('takes the ports of our offscreen and vendor-screen pages', () => {
    const frames = host();
    expect(
      frames.acceptPort(runtimePort(FRAMES_PORT, { id: ID, url: `${PAGE}/src/offscreen/index.html` }).port),
    ).toBe(true);
    expect(
      frames.acceptPort(runtimePort(FRAMES_PORT, { id: ID, url: `${PAGE}/${screenPath('k:1')}` }).port),
    ).toBe(true);
  });

  it.each([
    ['another port name', 'softbar/live', { id: ID, url: `${PAGE}/src/offscreen/index.html` }],
    [
      'another extension',
      FRAMES_PORT,
      { id: 'x'.repeat(32), url: `chrome-extension://${'x'.repeat(32)}/src/offscreen/index.html` },
    ],
    [
      'our id claimed from another extension page',
      FRAMES_PORT,
      { id: ID, url: `chrome-extension://${'x'.repeat(32)}/src/offscreen/index.html` },
    ],
    [
      'a content script',
      FRAMES_PORT,
      { id: ID, url: 'https://crm.example/src/offscreen/index.html', tab: { id: 1 } },
    ],
    ['our popup', FRAMES_PORT, { id: ID, url: `${PAGE}/popup/index.html` }],
    [
      'a vendor-screen page without key',
      FRAMES_PORT,
      { id: ID, url: `${PAGE}/src/vendor-screen/index.html` },
    ],
    ['no sender url', FRAMES_PORT, { id: ID }],
  ])('refuses %s', (_, name, sender) => {
    expect(host().acceptPort(runtimePort(name, sender as browser.Runtime.MessageSender).port)).toBe(false);
  });

  it('routes an accepted port to the frames and back', async () => {
    const platform = new FakePlatform();
    const frames = createFrameHost({ log: memoryLog(), platform, extensionId: ID });
    const channel = await frames.open(spec());
    const got: unknown[] = [];
    channel.onMessage((data) => got.push(data));
    const offscreen = runtimePort(FRAMES_PORT, { id: ID, url: `${PAGE}/src/offscreen/index.html` });
    frames.acceptPort(offscreen.port);
    offscreen.say({ type: 'hello', host: 'offscreen', frames: [] });
    expect(offscreen.sent.map((m) => m.type)).toEqual(['open']);
    offscreen.say({ type: 'message', key: spec().key, data: 'ok' });
    expect(got).toEqual(['ok']);
    await channel.showScreen();
    const screen = runtimePort(FRAMES_PORT, {
      id: ID,
      url: `${PAGE}/${screenPath(spec().key)}`,
      tab: { windowId: 100 } as never,
    });
    frames.acceptPort(screen.port);
    screen.say({ type: 'hello', host: 'screen', frames: [] });
    expect(screen.sent.map((m) => m.type)).toEqual(['open']);
    // The window closing (seen first through the windows API) brings the frame back once.
    platform.removeWindow(100);
    screen.drop();
    expect(platform.ensured).toBe(2);
  });
});

describe('hostPageOf', () => {
  it('reads the frame key of a vendor-screen page', () => {
    expect(hostPageOf({ id: ID, url: `${PAGE}/${screenPath('tegsoft:a&b')}` }, ID)).toEqual({
      kind: 'screen',
      key: 'tegsoft:a&b',
    });
  });
});
