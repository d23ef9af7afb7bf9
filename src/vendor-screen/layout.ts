import type { ScreenLayout } from '../vendors/frame-host';

// Plain CSS lengths only (`600px`, `90%`, `100vh`; up to four for padding and radius): the values come
// from settings, and anything else (`calc`, `url`, `;`) is not a size.
const ONE = '(0|\\d+(\\.\\d+)?(px|%|vh|vw|em|rem))';
const LENGTH = new RegExp(`^${ONE}$`);
const LENGTHS = new RegExp(`^${ONE}( ${ONE}){0,3}$`);

const valid = (pattern: RegExp, value: string | undefined): string | undefined => {
  const text = value?.trim().replace(/\s+/g, ' ');
  return text && pattern.test(text) ? text : undefined;
};

/** Applies the vendor's layout settings to the frame's container and the page's title. */
export function applyLayout(
  container: HTMLElement,
  title: HTMLElement,
  layout: ScreenLayout | undefined,
): void {
  const name = layout?.title?.trim() || 'Vendor screen';
  document.title = name;
  title.textContent = name;
  const style = container.style;
  const width = valid(LENGTH, layout?.width);
  const height = valid(LENGTH, layout?.height);
  const padding = valid(LENGTHS, layout?.padding);
  const radius = valid(LENGTHS, layout?.borderRadius);
  if (width) style.width = width;
  if (height) style.height = height;
  if (padding) style.padding = padding;
  if (radius) style.borderRadius = radius;
}
