import { describe, expect, it } from 'vitest';
import { createFrameRouter } from '../../../src/background/frames/frame-router';
import { parseHostMessage, parseWorkerMessage } from '../../../src/background/frames/protocol';
import { specProblem } from '../../../src/background/frames/spec-check';
import { judgeMessage } from '../../../src/offscreen/message-filter';
import type { FrameSpec } from '../../../src/vendors/frame-host';
import { FakePlatform, FakePort, memoryLog, spec } from './fakes';

// Frames of our own sandboxed page (src/sandbox, `sandboxed: true`): the page that may load a remote
// vendor script. Its origin is opaque ("null"), so the host page hears it over a MessageChannel made for
// each page load, never through window messages (see frame-set.test.ts for the channel itself).

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const sandbox = (overrides: Partial<FrameSpec> = {}): FrameSpec => ({
  key: 'ucs:p1',
  url: `${EXTENSION}/src/sandbox/index.html`,
  origin: 'null',
  allow: 'microphone; autoplay',
  sandboxed: true,
  ...overrides,
});

describe('specProblem for sandboxed frames', () => {
  it('accepts our own sandbox page with the origin "null"', () => {
    expect(specProblem(sandbox(), EXTENSION)).toBeUndefined();
  });

  it('refuses any other page, another extension, or another origin', () => {
    expect(specProblem(sandbox({ url: 'https://vendor.example/' }), EXTENSION)).toMatch(/own sandbox page/);
    expect(specProblem(sandbox({ url: `${EXTENSION}/src/offscreen/index.html` }), EXTENSION)).toMatch(
      /own sandbox page/,
    );
    expect(
      specProblem(
        sandbox({ url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/src/sandbox/index.html' }),
        EXTENSION,
      ),
    ).toMatch(/own sandbox page/);
    expect(specProblem(sandbox({ origin: EXTENSION }), EXTENSION)).toMatch(/"null"/);
    // Without knowing our extension's origin, nothing is a sandbox page.
    expect(specProblem(sandbox())).toMatch(/own sandbox page/);
  });

  it('keeps refusing "null" origins and extension pages for ordinary vendor frames', () => {
    expect(specProblem(sandbox({ sandboxed: false }), EXTENSION)).toMatch(/http/);
    expect(specProblem(spec({ origin: 'null' }), EXTENSION)).toMatch(/not an origin/);
    expect(specProblem(sandbox({ sandboxed: 'yes' as unknown as boolean }), EXTENSION)).toMatch(/sandbox/);
  });
});

describe('the frames protocol carries sandboxed frames', () => {
  it('accepts the sandbox page and the origin "null" in open and hello', () => {
    const { sandboxed: _, ...wire } = sandbox();
    expect(parseWorkerMessage({ type: 'open', ...wire })).toEqual({ type: 'open', ...wire });
    expect(
      parseHostMessage({ type: 'hello', host: 'offscreen', frames: [{ ...wire, loaded: true }] }),
    ).toBeTruthy();
  });

  it('still refuses other schemes and origins', () => {
    const { sandboxed: _, ...wire } = sandbox();
    expect(parseWorkerMessage({ type: 'open', ...wire, url: 'javascript:alert(1)' })).toBeUndefined();
    expect(parseWorkerMessage({ type: 'open', ...wire, origin: 'Null' })).toBeUndefined();
    expect(parseWorkerMessage({ type: 'open', ...wire, origin: EXTENSION })).toBeUndefined();
  });
});

describe('routing a sandboxed frame', () => {
  it('opens it in the offscreen document with the origin "null" and re-attaches after a restart', async () => {
    const platform = new FakePlatform();
    let router = createFrameRouter({ platform, log: memoryLog(), extensionOrigin: EXTENSION });
    const channel = await router.open(sandbox());
    const port = new FakePort();
    const link = router.connect({ kind: 'offscreen' }, port);
    link.receive({ type: 'hello', host: 'offscreen', frames: [] });
    const { sandboxed: _, ...wire } = sandbox();
    expect(port.of('open')).toEqual([{ type: 'open', ...wire }]);
    const got: unknown[] = [];
    channel.onMessage((data) => got.push(data));
    link.receive({ type: 'message', key: 'ucs:p1', data: { type: 'callback', name: 'onConnect', args: [] } });
    expect(got).toEqual([{ type: 'callback', name: 'onConnect', args: [] }]);

    // A restarted worker finds the frame the offscreen document kept and does not reload it.
    router = createFrameRouter({ platform, log: memoryLog(), extensionOrigin: EXTENSION });
    const again = new FakePort();
    router.connect({ kind: 'offscreen' }, again).receive({
      type: 'hello',
      host: 'offscreen',
      frames: [{ ...wire, loaded: true }],
    });
    await router.open(sandbox());
    expect(again.of('open')).toEqual([]);
  });

  it('refuses a sandboxed frame when the router does not know our extension', async () => {
    const router = createFrameRouter({ platform: new FakePlatform(), log: memoryLog() });
    await expect(router.open(sandbox())).rejects.toThrow(/own sandbox page/);
  });
});

describe('judgeMessage for sandboxed frames', () => {
  const ucsWindow = { name: 'ucs sandbox' };
  const otherSandbox = { name: 'another sandbox' };
  const vendorWindow = { name: 'vendor page' };
  const frames = [
    { key: 'ucs', origin: 'null', window: ucsWindow },
    { key: 'other', origin: 'null', window: otherSandbox },
    { key: 'vendor', origin: 'https://vendor.example', window: vendorWindow },
  ];

  it('accepts no window message from a sandboxed frame: it is heard over its port only', () => {
    // Whatever document is in the iframe now (ours, or a data: page the vendor script navigated it to)
    // says "null" from the same window: the window proves nothing.
    expect(judgeMessage(frames, { origin: 'null', source: ucsWindow })).toEqual({
      accept: false,
      reason: 'sandboxed: port only',
    });
    expect(judgeMessage(frames, { origin: 'null', source: otherSandbox }).accept).toBe(false);
    expect(judgeMessage(frames, { origin: 'https://evil.example', source: ucsWindow }).accept).toBe(false);
    // A frame nested in the sandbox, or anything else, is not a hosted frame at all.
    expect(judgeMessage(frames, { origin: 'null', source: { nested: true } })).toEqual({
      accept: false,
      reason: 'unknown source',
    });
    expect(judgeMessage(frames, { origin: 'null', source: null }).accept).toBe(false);
    // Vendor frames are judged as before, next to sandboxed ones.
    expect(judgeMessage(frames, { origin: 'https://vendor.example', source: vendorWindow })).toEqual({
      accept: true,
      key: 'vendor',
    });
    expect(judgeMessage(frames, { origin: 'null', source: vendorWindow }).accept).toBe(false);
  });
});
