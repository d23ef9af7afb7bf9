// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderTitleBar } from '../../../src/vendor-screen/title-bar';
import type { ScreenLayout } from '../../../src/vendors/frame-host';
import { settle } from '../frames/fakes';
import { FakeWindow } from './fake-window';

let win: FakeWindow;
let failures: unknown[];
let bar: HTMLElement;

beforeEach(() => {
  win = new FakeWindow();
  failures = [];
  bar = document.createElement('div');
});

const render = (layout: ScreenLayout | undefined) =>
  renderTitleBar(bar, layout, win, (error) => failures.push(error));

/** The buttons' accessible names, in order. */
const names = () => [...bar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));

/** Clicks the button named `name` and lets its handler finish. */
const click = async (name: string) => {
  const found = [...bar.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no button "${name}"; buttons: ${JSON.stringify(names())}`);
  found.click();
  await settle();
};

describe('the title bar', () => {
  it('offers nothing and no starting side when the layout asks for nothing', () => {
    expect(render(undefined)).toBeUndefined();
    expect(render({ title: 'Vendor', movable: false })).toBeUndefined();
    expect(names()).toEqual([]);
  });

  it('offers every button the layout asks for, in a stable order', () => {
    render({
      title: 'Vendor',
      minimize: true,
      hideToSide: true,
      hideInIcon: true,
      movable: { position: 'right' },
    });
    expect(names()).toEqual(['Minimize', 'Hide to the side', 'Move to the left', 'Hide']);
    for (const b of bar.querySelectorAll('button')) expect(b.type).toBe('button');
  });

  it('minimizes the window (minimize)', async () => {
    render({ title: 'Vendor', minimize: true });
    await click('Minimize');
    expect(win.calls).toEqual(['minimize']);
  });

  it('closes the window, leaving the vendor page running hidden (hideInIcon)', async () => {
    render({ title: 'Vendor', hideInIcon: true });
    await click('Hide');
    expect(win.calls).toEqual(['close']);
  });

  it('hides the window to the right and shows it again (hideToSide)', async () => {
    render({ title: 'Vendor', hideToSide: true });
    await click('Hide to the side');
    expect(win.calls).toEqual(['toSide right']);
    expect(names()).toEqual(['Show']);
    await click('Show');
    expect(win.calls).toEqual(['toSide right', 'restore']);
    expect(names()).toEqual(['Hide to the side']);
  });

  it("follows the window's state: after a ringing call maximized it, the toggle hides again", async () => {
    render({ title: 'Vendor', hideToSide: true });
    await click('Hide to the side');
    await win.maximize();
    await click('Show');
    expect(win.calls).toEqual(['toSide right', 'maximize', 'toSide right']);
  });

  it('starts on the side `position` names and moves between the sides (movable)', async () => {
    expect(render({ title: 'Vendor', movable: { position: 'left' } })).toBe('left');
    expect(names()).toEqual(['Move to the right']);
    await click('Move to the right');
    expect(win.calls).toEqual(['moveTo right']);
    expect(names()).toEqual(['Move to the left']);
    await click('Move to the left');
    expect(win.calls).toEqual(['moveTo right', 'moveTo left']);
  });

  it('starts on the right when `position` says so', () => {
    expect(render({ title: 'Vendor', movable: { position: 'right' } })).toBe('right');
    expect(names()).toEqual(['Move to the left']);
  });

  it('hides to the side the window was moved to, and moves a hidden window as a strip', async () => {
    render({ title: 'Vendor', hideToSide: true, movable: { position: 'left' } });
    await click('Hide to the side');
    await click('Move to the right');
    expect(win.calls).toEqual(['toSide left', 'toSide right']);
    await click('Show');
    await click('Move to the left');
    expect(win.calls).toEqual(['toSide left', 'toSide right', 'restore', 'moveTo left']);
  });

  it('reports a move the browser refused', async () => {
    render({ title: 'Vendor', minimize: true });
    win.fail = new Error('no window');
    await click('Minimize');
    expect(failures).toEqual([win.fail]);
  });
});
