// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialRequest, PhoneScan } from '../../../content-scripts/phone-scan';
import { startPhoneScan } from '../../../content-scripts/phone-scan';
import { LAYER_TAG } from '../../../content-scripts/phone-scan/layer';
import {
  type IdleDetail,
  MARK_IDLE,
  MARK_START,
  MEASURE_SLICE,
} from '../../../content-scripts/phone-scan/perf-marks';
import { trusted } from '../ui/dom';
import { fakeRects } from './helpers';

/*
 * The scanner as the content script starts it: listeners only, and a lookup of the block under the
 * pointer (once per animation frame) or in the focused element, with its performance marks.
 */

let scan: PhoneScan | undefined;
let dials: DialRequest[];
let restoreRects: () => void;

function start(excludeSelectors: string[] = []) {
  scan = startPhoneScan(document, { defaultRegion: 'US', excludeSelectors, onDial: (r) => dials.push(r) });
}

/** Lets animation frames and timers run. */
async function settle() {
  await vi.advanceTimersByTimeAsync(100);
}

const idleDetail = () =>
  (performance.getEntriesByName(MARK_IDLE).at(-1) as PerformanceMark | undefined)?.detail as
    | IdleDetail
    | undefined;

const layer = () => document.querySelector(LAYER_TAG) as HTMLElement | null;
const callButton = () => layer()?.shadowRoot?.querySelector('button') ?? null;

/** The agent's pointer over `element` (inside the fake box of every number, 10..130 x 10..26). */
async function hover(element: Element, x = 20, y = 15) {
  element.dispatchEvent(trusted(new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y })));
  await settle();
}

/** Keyboard focus on `element`, as the browser reports it. */
function focus(element: HTMLElement) {
  element.focus();
  element.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
}

beforeEach(() => {
  // Not `performance`: the marks under test live on the real timeline.
  vi.useFakeTimers({
    toFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'requestAnimationFrame',
      'cancelAnimationFrame',
    ],
  });
  performance.clearMarks();
  performance.clearMeasures();
  dials = [];
  restoreRects = fakeRects();
  document.body.innerHTML = `
    <table><tbody>
      <tr tabindex="0"><td>Olivia Bennett</td><td id="uk">+44 20 7946 0958</td><td>2024-03-15</td></tr>
      <tr><td>Marcus Reed</td><td id="us"><b>(415)</b> 555-0132</td><td>$1,234.00</td></tr>
      <tr><td>Link</td><td><a id="tel" href="tel:+390248691234">+39 02 4869 1234</a></td><td></td></tr>
    </tbody></table>
    <input id="field" value="+44 20 7946 0958">
    <div class="private"><p id="excluded">Private line +61 2 9876 5432</p></div>
    <p id="plain">No numbers here.</p>`;
});

afterEach(() => {
  scan?.stop();
  scan = undefined;
  restoreRects();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('startPhoneScan', () => {
  it('reads nothing at start: it marks start and idle, with every counter at zero', () => {
    start();
    expect(performance.getEntriesByName(MARK_START)).toHaveLength(1);
    expect(idleDetail()).toMatchObject({
      numbers: 0,
      lookups: 0,
      blocksRead: 0,
      textNodes: 0,
      finderCalls: 0,
    });
    expect(performance.getEntriesByName(MEASURE_SLICE)).toHaveLength(0);
  });

  it('wraps each lookup in a slice measure and an idle mark counting distinct numbers found', async () => {
    start();
    await hover(document.getElementById('uk')!);
    await hover(document.querySelector('#us b')!);
    await hover(document.getElementById('uk')!);
    expect(performance.getEntriesByName(MEASURE_SLICE)).toHaveLength(3);
    expect(performance.getEntriesByName(MARK_IDLE)).toHaveLength(4);
    expect(idleDetail()).toMatchObject({ numbers: 2, lookups: 3, blocksRead: 3, slices: 3 });
  });

  it('looks once per animation frame however often the pointer moves', async () => {
    start();
    const cell = document.getElementById('uk')!;
    for (let i = 0; i < 10; i++) {
      cell.dispatchEvent(
        trusted(new PointerEvent('pointermove', { bubbles: true, clientX: 20 + i, clientY: 15 })),
      );
    }
    await settle();
    expect(idleDetail()).toMatchObject({ lookups: 1 });
  });

  it('asks the finder once for a block it read before (the cache)', async () => {
    start();
    await hover(document.getElementById('uk')!);
    await hover(document.getElementById('plain')!);
    await hover(document.getElementById('uk')!);
    expect(idleDetail()).toMatchObject({ lookups: 3, finderCalls: 1, cacheHits: 1 });
  });

  it('finds rows the page adds later, with nothing to keep in sync', async () => {
    start();
    const row = document.createElement('tr');
    row.innerHTML = '<td>Giulia</td><td id="it"><span>+39</span> <span>02 4869 1299</span></td>';
    document.querySelector('tbody')!.append(row);
    await hover(document.querySelector('#it span')!);
    expect(callButton()!.getAttribute('aria-label')).toBe('Call +39 02 4869 1299');
  });

  it('stop() removes our layer and does no more work', async () => {
    start();
    await hover(document.getElementById('uk')!);
    expect(layer()).not.toBeNull();
    scan!.stop();
    scan = undefined;
    expect(layer()).toBeNull();
    const marks = performance.getEntries().length;
    await hover(document.getElementById('uk')!);
    expect(performance.getEntries().length).toBe(marks);
  });

  it('adds nothing to the page until there is something to show', async () => {
    start();
    await hover(document.getElementById('plain')!);
    expect(layer()).toBeNull();
  });
});

describe('hover and the Call button', () => {
  it('shows "Call <number>" over a number, and only a trusted click dials', async () => {
    start();
    await hover(document.getElementById('uk')!);
    const button = callButton()!;
    expect(button.hidden).toBe(false);
    expect(button.getAttribute('aria-label')).toBe('Call +44 20 7946 0958');

    // What a page script can do to our open shadow root: nothing.
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(dials).toEqual([]);

    button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(dials).toEqual([{ number: '+442079460958', raw: '+44 20 7946 0958', source: 'text' }]);
    expect(button.hidden).toBe(true);
  });

  it('offers a number split over elements, named as the page shows it', async () => {
    start();
    await hover(document.querySelector('#us b')!);
    expect(callButton()!.getAttribute('aria-label')).toBe('Call (415) 555-0132');
  });

  it("ignores a page's synthetic pointer events: no lookup, no button", async () => {
    start();
    const cell = document.getElementById('uk')!;
    cell.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 20, clientY: 15 }));
    cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 20, clientY: 15 }));
    await settle();
    expect(idleDetail()).toMatchObject({ lookups: 0 });
    expect(callButton()).toBeNull();
  });

  it('ignores numbers in form fields and excluded areas', async () => {
    start(['.private']);
    await hover(document.getElementById('field')!);
    await hover(document.getElementById('excluded')!);
    expect(callButton()).toBeNull();
    expect(idleDetail()).toMatchObject({ lookups: 2, blocksRead: 0, numbers: 0 });
  });

  it('shows nothing where the pointer is not on a number, and hides after leaving', async () => {
    start();
    await hover(document.getElementById('plain')!);
    expect(callButton()).toBeNull();
    await hover(document.getElementById('uk')!);
    expect(callButton()!.hidden).toBe(false);
    // Off the number's box (the fake box is 10..130 x 10..26).
    document
      .getElementById('uk')!
      .dispatchEvent(trusted(new PointerEvent('pointermove', { bubbles: true, clientX: 400, clientY: 300 })));
    await vi.advanceTimersByTimeAsync(50);
    expect(callButton()!.hidden).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(callButton()!.hidden).toBe(true);
  });

  it('does not offer a number in a cell that has become an editor', async () => {
    start();
    document.getElementById('uk')!.setAttribute('contenteditable', 'true');
    await hover(document.getElementById('uk')!);
    expect(callButton()).toBeNull();
  });

  it('offers the number the cell holds now', async () => {
    start();
    await hover(document.getElementById('uk')!);
    (document.getElementById('uk')!.firstChild as Text).data = '+44 20 7946 0999';
    await hover(document.getElementById('uk')!);
    expect(callButton()!.getAttribute('aria-label')).toBe('Call +44 20 7946 0999');
  });
});

describe('tel: links', () => {
  it('a trusted click dials through us and keeps the OS handler from opening', async () => {
    start();
    const link = document.getElementById('tel')!;
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(dials).toEqual([{ number: '+390248691234', raw: '+39 02 4869 1234', source: 'link' }]);
  });

  it("a page's synthetic click does not dial", async () => {
    start();
    const link = document.getElementById('tel')!;
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    (link as HTMLAnchorElement).click();
    expect(dials).toEqual([]);
  });

  it('leaves modified clicks and links in excluded areas to the browser', async () => {
    start(['#tel']);
    const link = document.getElementById('tel')!;
    link.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    scan!.stop();
    start();
    link.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true })));
    expect(dials).toEqual([]);
  });
});

describe('keyboard', () => {
  it('focusing a row shows its number; Alt+Enter reaches the button, Escape goes back', async () => {
    start();
    const row = document.querySelector('tr')!;
    focus(row);
    expect(callButton()!.hidden).toBe(false);
    expect(callButton()!.getAttribute('aria-label')).toBe('Call +44 20 7946 0958');
    expect(layer()!.shadowRoot!.querySelector('[role=status]')!.textContent).toContain('Alt+Enter');

    // A forged Alt+Enter does not move focus.
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true }));
    expect(layer()!.shadowRoot!.activeElement).toBeNull();

    const altEnter = trusted(
      new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true, cancelable: true }),
    );
    row.dispatchEvent(altEnter);
    expect(altEnter.defaultPrevented).toBe(true);
    expect(layer()!.shadowRoot!.activeElement).toBe(callButton());

    callButton()!.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })),
    );
    expect(callButton()!.hidden).toBe(true);
    expect(document.activeElement).toBe(row);
    expect(dials).toEqual([]);
  });

  it('a trusted activation of the focused button dials', async () => {
    start();
    const row = document.querySelector('tr')!;
    focus(row);
    row.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true })));
    callButton()!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(dials).toEqual([{ number: '+442079460958', raw: '+44 20 7946 0958', source: 'text' }]);
    expect(document.activeElement).toBe(row);
  });

  it('shows nothing for focus in a form field', async () => {
    start();
    focus(document.getElementById('field') as HTMLInputElement);
    expect(callButton()).toBeNull();
  });

  it("ignores a page's synthetic focusin", async () => {
    start();
    const row = document.querySelector('tr')!;
    row.focus();
    row.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(callButton()).toBeNull();
    expect(idleDetail()).toMatchObject({ lookups: 0 });
  });
});
