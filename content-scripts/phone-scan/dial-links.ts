import { normalizeDialString, type Region, toE164 } from '../../src/core/phone/number';
import type { DialRequest } from './contract';
import { isDialLink } from './dom-rules';

/**
 * tel:, callto:, sip: and sips: links. Their number comes from the href (RFC 3966 for tel:, the user
 * part for SIP); a trusted plain click on one dials through us instead of the operating system's
 * handler. Links are not collected ahead of time: the click finds its link, so links the page adds
 * later work with no scanning at all.
 */

const SCHEME = /^\s*(tel|callto|sips?):(.*)$/is;
const MAX_RAW = 80;

/** The number a dial link points at, or undefined when it is not a number (`sip:alice@example.com`). */
export function numberFromHref(href: string, defaultRegion: string): string | undefined {
  const parts = SCHEME.exec(href);
  if (!parts) return undefined;
  const scheme = parts[1]!.toLowerCase();
  let rest = parts[2]!;
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // A stray % in a hand-written href: read it as it is.
  }
  let extension: string | undefined;
  if (scheme === 'tel') {
    // tel:+1-201-555-0123;ext=1234;phone-context=...
    const [number = '', ...params] = rest.split(';');
    extension = params.find((param) => /^ext=/i.test(param))?.slice(4);
    rest = number;
  } else if (scheme === 'callto') {
    // callto:+44..., callto://+44... (Skype's form); callto://name is a Skype name, not a number.
    rest = rest.replace(/^\/\//, '').split(/[?;]/)[0] ?? '';
  } else {
    // sip:+14155550132@pbx.example.com;user=phone, sip:2001@pbx (an internal extension).
    rest = (rest.split('@')[0] ?? '').split(';')[0] ?? '';
  }
  rest = rest.trim();
  const e164 = toE164(rest, defaultRegion as Region);
  const ext = extension && /^[0-9]+$/.test(extension) ? `;ext=${extension}` : '';
  if (e164) return e164 + ext;
  const cleaned = normalizeDialString(rest);
  return cleaned ? cleaned + ext : undefined;
}

/** What the link says, for the confirmation prompt: its text when it shows a number, else the number. */
function rawOf(link: Element, number: string): string {
  const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
  return /[0-9]/.test(text) && text.length <= MAX_RAW ? text : number;
}

export function dialRequestFor(link: Element, defaultRegion: string): DialRequest | undefined {
  const number = numberFromHref(link.getAttribute('href') ?? '', defaultRegion);
  return number ? { number, raw: rawOf(link, number), source: 'link' } : undefined;
}

export function listenForDialLinks(
  doc: Document,
  signal: AbortSignal,
  options: {
    readonly defaultRegion: string;
    /** Links inside editors or excluded areas are left to the page. */
    readonly skipped: (link: Element) => boolean;
    readonly onDial: (request: DialRequest) => void;
  },
): void {
  doc.addEventListener(
    'click',
    (event) => {
      // A page's synthetic click (`link.click()`, dispatchEvent) is the page talking, not the agent.
      if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return;
      // Modified clicks stay the browser's: the agent asked for something else than a plain click.
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      // composedPath() reaches links inside the page's open shadow roots (web-component CRMs).
      const link = event
        .composedPath()
        .find(
          (target): target is Element =>
            (target as Node).nodeType === Node.ELEMENT_NODE && isDialLink(target as Element),
        );
      if (!link || options.skipped(link)) return;
      const request = dialRequestFor(link, options.defaultRegion);
      if (!request) return;
      // The OS handler (a desktop softphone, FaceTime, Skype) must not open as well.
      event.preventDefault();
      options.onDial(request);
    },
    { capture: true, signal },
  );
}
