/**
 * What a lookup reads and what it leaves alone, decided from tag names and attributes only (computed
 * style is asked only in `inline-check.ts`, for the rare number spread over several elements).
 */

/**
 * Elements that flow inside a line of text. A number split over them (`<b>(415)</b> 555-0132`) is still
 * one number. Anything else (including unknown and custom elements, which a grid may style as cells)
 * is a boundary: joining text across a boundary could invent a number out of two neighbouring cells,
 * and a missed split number is a smaller harm than a false one.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * Subtrees whose text is not page text a person reads as a number to call: code, styles, form fields
 * (the agent is typing there; an overlay would fight the caret), vector graphics, embedded content.
 * `aria-hidden` is deliberately not here: it hides text from screen readers, not from sighted agents.
 */
const SKIP_TAGS = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
]);

/** Our own elements (`<softbar-agent-bar>`, `<softbar-phone-layer>`, ...). */
export const OWN_TAG_PREFIX = 'softbar-';

/** Links whose href is a number to call: their number comes from the href, not from their text. */
export const DIAL_HREF = /^\s*(?:tel|callto|sips?):/i;

export const isInline = (element: Element): boolean => INLINE_TAGS.has(element.localName);

/** A link or image-map area whose href is tel:, callto:, sip: or sips:. */
export function isDialLink(element: Element): boolean {
  const name = element.localName;
  if (name !== 'a' && name !== 'area') return false;
  const href = element.getAttribute('href');
  return href !== null && DIAL_HREF.test(href);
}

/** True when the element itself (not counting its ancestors) keeps its text from being read. */
export function skipsOwnText(element: Element): boolean {
  const name = element.localName;
  if (SKIP_TAGS.has(name) || name.startsWith(OWN_TAG_PREFIX)) return true;
  // `contenteditable=""`, "true" and "plaintext-only" all make an editor; only "false" does not.
  // (hasAttribute first: it returns no string, and almost no element has the attribute.)
  if (
    element.hasAttribute('contenteditable') &&
    element.getAttribute('contenteditable')!.toLowerCase() !== 'false'
  ) {
    return true;
  }
  return isDialLink(element);
}

/**
 * One selector matching everything `skipsOwnText` matches (dial links aside): one `closest()` on the
 * block a lookup is about to read settles whether it, or anything around it, is off limits.
 */
export const SKIP_SELECTOR = [
  ...SKIP_TAGS,
  '[contenteditable]:not([contenteditable="false" i])',
  `${OWN_TAG_PREFIX}agent-bar`,
  `${OWN_TAG_PREFIX}phone-layer`,
].join(',');

/** The nearest ancestor-or-self that is not inline: the block whose text a number lives in. */
export function blockOf(node: Node): Element | null {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && isInline(element) && element.parentElement) element = element.parentElement;
  return element;
}

/**
 * Joins the admin's excluded selectors into one, dropping (with a warning) any the browser cannot parse:
 * one bad selector must not turn off every exclusion, nor throw on every lookup.
 */
export function joinSelectors(doc: Document, selectors: readonly string[]): string {
  const probe = doc.createDocumentFragment();
  const valid = selectors.filter((selector) => {
    if (!selector.trim()) return false;
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      console.warn(`Softbar: ignoring excluded selector that does not parse: ${selector}`);
      return false;
    }
  });
  return valid.join(',');
}
