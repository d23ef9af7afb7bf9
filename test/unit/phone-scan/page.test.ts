// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialRequest, PhoneScan } from '../../../content-scripts/phone-scan';
import { startPhoneScan } from '../../../content-scripts/phone-scan';
import { LAYER_TAG } from '../../../content-scripts/phone-scan/layer';
import { MARK_IDLE, MARK_START, MEASURE_SLICE } from '../../../content-scripts/phone-scan/perf-marks';
import { fakeRects, trusted } from './helpers';

/*
 * The scanner as the content script starts it: idle-time slices (setTimeout here: happy-dom has no
 * requestIdleCallback), the MutationObserver, hover, focus, clicks and the performance marks.
 */

let scan: PhoneScan | undefined;
let dials: DialRequest[];
let restoreRects: () => void;

function start(excludeSelectors: string[] = []) {
  scan = startPhoneScan(document, { defaultRegion: 'US', excludeSelectors, onDial: (r) => dials.push(r) });
}

/** Lets slices, mutation callbacks and animation frames run. */
async function settle() {
  await vi.advanceTimersByTimeAsync(100);
}

const idleDetail = () =>
  (performance.getEntriesByName(MARK_IDLE).at(-1) as PerformanceMark | undefined)?.detail as
    | { numbers: number; blocks: number }
    | undefined;

const layer = () => document.querySelector(LAYER_TAG) as HTMLElement | null;
const callButton = () => layer()?.shadowRoot?.querySelector('button') ?? null;

function hover(element: Element, x = 20, y = 15) {
  element.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
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
  it('scans in idle time and marks start, slices and idle for the benchmark', async () => {
    start();
    expect(performance.getEntriesByName(MARK_START)).toHaveLength(1);
    expect(idleDetail()).toBeUndefined();
    await settle();
    expect(idleDetail()).toMatchObject({ numbers: 2, blocks: 2 });
    expect(performance.getEntriesByName(MEASURE_SLICE).length).toBeGreaterThan(0);
  });

  it('finds numbers in rows the page adds later, and forgets removed ones', async () => {
    start();
    await settle();
    const tbody = document.querySelector('tbody')!;
    const row = document.createElement('tr');
    row.innerHTML = '<td>Giulia</td><td>+39 02 4869 1234</td>';
    tbody.append(row);
    await settle();
    expect(idleDetail()).toMatchObject({ numbers: 3 });
    tbody.firstElementChild!.remove();
    await settle();
    expect(idleDetail()).toMatchObject({ numbers: 2 });
  });

  it('stop() removes our layer and does no more work', async () => {
    start();
    await settle();
    hover(document.getElementById('uk')!);
    await settle();
    expect(layer()).not.toBeNull();
    scan!.stop();
    scan = undefined;
    expect(layer()).toBeNull();
    const marks = performance.getEntries().length;
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await settle();
    expect(performance.getEntries().length).toBe(marks);
  });

  it('adds nothing to the page until there is something to show', async () => {
    start();
    await settle();
    expect(layer()).toBeNull();
  });
});

describe('hover and the Call button', () => {
  it('shows "Call <number>" over a number, and only a trusted click dials', async () => {
    start();
    await settle();
    hover(document.getElementById('uk')!);
    await settle();
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
    await settle();
    hover(document.querySelector('#us b')!);
    await settle();
    expect(callButton()!.getAttribute('aria-label')).toBe('Call (415) 555-0132');
  });

  it('shows nothing where the pointer is not on a number, and hides after leaving', async () => {
    start();
    await settle();
    hover(document.getElementById('plain')!);
    await settle();
    expect(callButton()).toBeNull();
    hover(document.getElementById('uk')!);
    await settle();
    expect(callButton()!.hidden).toBe(false);
    // Off the number's box (the fake box is 10..130 x 10..26).
    hover(document.getElementById('uk')!, 400, 300);
    await vi.advanceTimersByTimeAsync(50);
    expect(callButton()!.hidden).toBe(false);
    await settle();
    await settle();
    await settle();
    await settle();
    await settle();
    expect(callButton()!.hidden).toBe(true);
  });

  it('does not offer a number in a cell that became an editor after the scan', async () => {
    start();
    await settle();
    document.getElementById('uk')!.setAttribute('contenteditable', 'true');
    hover(document.getElementById('uk')!);
    await settle();
    expect(callButton()).toBeNull();
  });

  it('does not offer a number whose text changed before the re-read', async () => {
    start();
    await settle();
    const text = document.getElementById('uk')!.firstChild as Text;
    // Same length, different digits: the stored positions still fit, the text does not.
    text.data = '+44 20 7946 0999';
    hover(document.getElementById('uk')!);
    await vi.advanceTimersByTimeAsync(0);
    expect(callButton()?.hidden ?? true).toBe(true);
  });
});

describe('tel: links', () => {
  it('a trusted click dials through us and keeps the OS handler from opening', async () => {
    start();
    await settle();
    const link = document.getElementById('tel')!;
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(dials).toEqual([{ number: '+390248691234', raw: '+39 02 4869 1234', source: 'link' }]);
  });

  it("a page's synthetic click does not dial", async () => {
    start();
    await settle();
    const link = document.getElementById('tel')!;
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    (link as HTMLAnchorElement).click();
    expect(dials).toEqual([]);
  });

  it('leaves modified clicks and links in excluded areas to the browser', async () => {
    start(['#tel']);
    await settle();
    const link = document.getElementById('tel')!;
    link.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
    scan!.stop();
    start();
    await settle();
    link.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true })));
    expect(dials).toEqual([]);
  });
});

describe('keyboard', () => {
  it('focusing a row shows its number; Alt+Enter reaches the button, Escape goes back', async () => {
    start();
    await settle();
    const row = document.querySelector('tr')!;
    row.focus();
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
    await settle();
    const row = document.querySelector('tr')!;
    row.focus();
    row.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', altKey: true, bubbles: true })));
    callButton()!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(dials).toEqual([{ number: '+442079460958', raw: '+44 20 7946 0958', source: 'text' }]);
    expect(document.activeElement).toBe(row);
  });

  it('shows nothing for focus in a form field', async () => {
    start();
    await settle();
    (document.getElementById('field') as HTMLInputElement).focus();
    expect(callButton()).toBeNull();
  });
});
