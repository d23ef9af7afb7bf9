import type { DialRequest } from './contract';
import { rectsOf } from './hit-test';
import { PhoneLayer } from './layer';
import type { FoundNumber } from './read-block';

/**
 * The "Call" affordance's state: which number it is for, why it is shown (pointer or keyboard focus),
 * when it goes away, where keyboard focus returns, and the dial itself.
 */

// Time to travel from the number to its button without the button vanishing on the way.
const HIDE_DELAY_MS = 400;

export type ShownVia = 'pointer' | 'focus';

interface Current {
  /** The number the button dials. */
  readonly number: FoundNumber;
  /** Why it is shown: the pointer is over the number, or keyboard focus is on it. */
  readonly via: ShownVia;
  /** The page element that had focus, given it back when the agent leaves our button. */
  returnFocus?: HTMLElement | SVGElement;
}

export class Affordance {
  /** The element focus was given back to: not offered again until focus leaves it (Escape means no). */
  dismissed: Element | undefined;
  private current: Current | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private layerInstance: PhoneLayer | undefined;

  constructor(
    private readonly doc: Document,
    private readonly onDial: (request: DialRequest) => void,
  ) {}

  /** The number the button is for, if it is shown. */
  get number(): FoundNumber | undefined {
    return this.current?.number;
  }

  get via(): ShownVia | undefined {
    return this.current?.via;
  }

  /** Whether `target` is our layer (as the page sees it, retargeted) or inside it. */
  isOurs(target: EventTarget | null): boolean {
    const host = this.layerInstance?.host;
    if (!host || !target) return false;
    return target === host || (target as Node).getRootNode?.() === host.shadowRoot;
  }

  show(number: FoundNumber, via: ShownVia, rects: DOMRect[] = rectsOf(this.doc, number)): void {
    this.cancelHide();
    if (rects.length === 0) {
      this.hide();
      return;
    }
    // Every lookup reads the number afresh: the same number in the same place keeps its state.
    if (!this.current || !sameNumber(this.current.number, number) || this.current.via !== via) {
      this.current = { number, via };
    }
    this.layer().show(this.current.number.raw, rects);
  }

  /** Keeps the button where it is (the pointer is on it). */
  keep(): void {
    this.cancelHide();
  }

  /** The pointer left the number: hide soon, unless it reaches the button or the keyboard is on it. */
  hideSoon(): void {
    if (!this.current || this.hideTimer || this.layerInstance?.focused) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      if (!this.layerInstance?.focused) this.hide();
    }, HIDE_DELAY_MS);
  }

  hide(): void {
    this.cancelHide();
    this.current = undefined;
    this.layerInstance?.hide();
  }

  /** Scrolling or resizing moved the number: follow it, or hide when it is off screen. */
  reposition(): void {
    if (!this.current) return;
    const rects = rectsOf(this.doc, this.current.number);
    const view = this.doc.defaultView;
    const onScreen = rects.some(
      (rect) =>
        rect.bottom > 0 &&
        rect.right > 0 &&
        (!view || (rect.top < view.innerHeight && rect.left < view.innerWidth)),
    );
    if (onScreen) this.layer().show(this.current.number.raw, rects);
    else if (!this.layerInstance?.focused) this.hide();
  }

  announce(text: string): void {
    this.layerInstance?.announce(text);
  }

  /** Moves keyboard focus to the shown button, remembering where it came from. */
  focusButton(): boolean {
    if (!this.current || !this.layerInstance?.shown) return false;
    const active = this.doc.activeElement;
    if (active && active !== this.doc.body && 'focus' in active) {
      this.current.returnFocus = active as HTMLElement | SVGElement;
    }
    this.cancelHide();
    this.layerInstance.button.focus();
    return true;
  }

  remove(): void {
    this.hide();
    this.layerInstance?.remove();
  }

  private layer(): PhoneLayer {
    this.layerInstance ??= new PhoneLayer(this.doc, {
      onCall: () => this.call(),
      onKey: (event) => this.onKey(event),
    });
    return this.layerInstance;
  }

  private call(): void {
    const current = this.current;
    if (!current) return;
    this.leaveButton(current);
    this.onDial({ number: current.number.e164, raw: current.number.raw, source: 'text' });
  }

  private onKey(event: KeyboardEvent): void {
    const current = this.current;
    if (!current) return;
    if (event.key === 'Escape' || event.key === 'Tab') {
      // Tab too: our button sits outside the page's tab order, so the page's order resumes from where
      // the agent was, rather than from the end of the document where our layer lives.
      event.preventDefault();
      this.leaveButton(current);
    }
  }

  private leaveButton(current: Current): void {
    const focused = this.layerInstance?.focused;
    this.hide();
    if (focused && current.returnFocus?.isConnected) {
      this.dismissed = current.returnFocus;
      current.returnFocus.focus();
    }
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }
}

const sameNumber = (a: FoundNumber, b: FoundNumber) =>
  a.start.node === b.start.node &&
  a.start.offset === b.start.offset &&
  a.end.node === b.end.node &&
  a.end.offset === b.end.offset &&
  a.raw === b.raw;
