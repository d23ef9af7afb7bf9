/**
 * Tag names say `<span>` is inline, but a grid may render spans as flex cells side by side, and
 * "2024" + "555 1234" from two such cells is not a number. Computed style is too costly for every cell,
 * so it is asked only for the rare match that spans several text nodes, and only about the elements
 * between those nodes and their block.
 */

// '' is what a DOM without layout (unit tests) answers; such a DOM cannot tell us otherwise.
const FLOWS_INLINE = new Set(['inline', 'contents', '']);

/** The inline-by-tag elements between `nodes` and `block` that do not actually render inline. */
export function notRenderedInline(nodes: readonly Text[], block: Element): Set<Element> {
  const checked = new Set<Element>();
  const failing = new Set<Element>();
  const view = block.ownerDocument.defaultView;
  if (!view) return failing;
  for (const node of nodes) {
    for (let element = node.parentElement; element && element !== block; element = element.parentElement) {
      if (checked.has(element)) break;
      checked.add(element);
      if (!FLOWS_INLINE.has(view.getComputedStyle(element).display)) failing.add(element);
    }
  }
  return failing;
}
