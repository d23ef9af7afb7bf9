import hostReset from '../host-reset.css?inline';
import { containKeyEvents, dropUntrustedEvents } from '../untrusted-events';
import layerCss from './layer.css?inline';

/** Our one element on the page for phone numbers; everything it shows lives in its shadow root. */
export const LAYER_TAG = 'softbar-phone-layer';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PHONE_PATH =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z';
const GAP_PX = 4;

export interface LayerEvents {
  /** A trusted click (mouse, or Enter/Space on the focused button). */
  readonly onCall: () => void;
  /** A trusted key press on the button (Escape, Tab: give focus back to the page). */
  readonly onKey: (event: KeyboardEvent) => void;
}

/**
 * Draws, over the page and without touching its DOM, the highlight of one number and a "Call" button
 * next to it. Positions are viewport coordinates from the number's client rects.
 */
export class PhoneLayer {
  readonly host: HTMLElement;
  readonly button: HTMLButtonElement;
  private readonly marks: HTMLElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly doc: Document,
    events: LayerEvents,
  ) {
    this.host = doc.createElement(LAYER_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    // The shared reset first: the layer's own :host rules override parts of it.
    style.textContent = `${hostReset}\n${layerCss}`;
    this.marks = doc.createElement('div');
    this.button = this.makeButton();
    this.status = doc.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    shadow.append(style, this.marks, this.button, this.status);

    dropUntrustedEvents(shadow);
    containKeyEvents(this.host);
    this.button.addEventListener('click', (event) => {
      if (!event.isTrusted) return;
      event.preventDefault();
      event.stopPropagation();
      events.onCall();
    });
    this.button.addEventListener('keydown', (event) => {
      if (event.isTrusted) events.onKey(event);
    });
    // A click on the button must not take focus or selection from the page (an inline editor would commit).
    this.button.addEventListener('mousedown', (event) => {
      if (event.isTrusted) event.preventDefault();
    });
  }

  /** Shows the highlight over `rects` and the button, named "Call <raw>", beside the last one. */
  show(raw: string, rects: readonly DOMRect[]): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    const label = `Call ${raw}`;
    if (this.button.getAttribute('aria-label') !== label) this.button.setAttribute('aria-label', label);
    this.button.hidden = false;
    this.marks.replaceChildren(
      ...rects.map((rect) => {
        const mark = this.doc.createElement('div');
        mark.className = 'mark';
        Object.assign(
          mark.style,
          px({ left: rect.left, top: rect.top, width: rect.width, height: rect.height }),
        );
        return mark;
      }),
    );
    const view = this.doc.defaultView;
    const width = this.button.offsetWidth;
    const height = this.button.offsetHeight;
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    let left = last.right + GAP_PX;
    if (view && left + width > view.innerWidth) left = Math.max(0, first.left - GAP_PX - width);
    const bottom = view ? view.innerHeight - height : Number.POSITIVE_INFINITY;
    const top = Math.max(0, Math.min(bottom, last.top + (last.height - height) / 2));
    Object.assign(this.button.style, px({ left, top }));
  }

  hide(): void {
    this.button.hidden = true;
    this.marks.replaceChildren();
    this.status.textContent = '';
  }

  get shown(): boolean {
    return !this.button.hidden;
  }

  /** Whether the keyboard is on our button. */
  get focused(): boolean {
    return this.host.shadowRoot?.activeElement === this.button;
  }

  /** Tells screen-reader users something they cannot see (how to reach the button). */
  announce(text: string): void {
    this.status.textContent = text;
  }

  remove(): void {
    this.host.remove();
  }

  private makeButton(): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'call';
    button.hidden = true;
    const icon = this.doc.createElementNS(SVG_NS, 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    const path = this.doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', PHONE_PATH);
    icon.append(path);
    button.append(icon, this.doc.createTextNode('Call'));
    return button;
  }
}

const px = (values: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, `${Math.round(value)}px`]));
