import { skipsOwnText } from './dom-rules';

/**
 * Joins the admin's excluded selectors into one, dropping (with a warning) any the browser cannot parse:
 * one bad selector must not turn off every exclusion, nor throw on every scan.
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

/**
 * Decides, for the elements a scan meets, whether their text is skipped: by tag and attribute
 * (`skipsOwnText`), by being inside such an element, or by the admin's excluded selectors.
 *
 * `element.closest(excluded)` per text node would cost a selector match per ancestor per cell; instead,
 * when a subtree scan starts, the excluded elements inside it are listed once (one native query) and
 * its ancestors are checked once. Ancestors' verdicts are remembered along one path, the ancestors of
 * the last element asked about: cells share a row and rows share a table, so walking up from the next
 * cell meets that path within a step or two. (A Map of every element's verdict would do the same, but
 * on a 50k-row page it grows past 300k entries, and a Map that size rehashes in one 40 ms pause.)
 */
export class Classifier {
  /** The last element asked about and its ancestors, up to the root, with their verdicts. */
  private path: Element[] = [];
  private verdicts: boolean[] = [];
  private readonly excluded = new Set<Element>();

  constructor(private readonly excludeSelector: string) {}

  /** Prepares a subtree scan of `root`; false when the whole subtree is excluded. */
  enterSubtree(root: Element): boolean {
    if (root.ownerDocument.designMode === 'on') return false;
    if (!this.excludeSelector) return true;
    if (root.closest(this.excludeSelector)) return false;
    for (const element of root.querySelectorAll(this.excludeSelector)) this.excluded.add(element);
    return true;
  }

  /** Prepares a re-read of one block's own text; false when the block is excluded. */
  enterBlock(block: Element): boolean {
    if (block.ownerDocument.designMode === 'on') return false;
    return !this.excludeSelector || !block.closest(this.excludeSelector);
  }

  /** Whether the text of `element` (a block met in an entered subtree or block) is skipped. */
  skips(element: Element): boolean {
    // The next cell of the same row: no walk, no allocation.
    if (element === this.path[0]) return this.verdicts[0]!;
    if (this.path.length > 1 && element.parentElement === this.path[1]) {
      this.path[0] = element;
      this.verdicts[0] = this.verdicts[1]! || skipsOwnText(element) || this.excluded.has(element);
      return this.verdicts[0];
    }
    const fresh: Element[] = [];
    let known = -1;
    for (let node: Element | null = element; node; node = node.parentElement) {
      known = this.path.indexOf(node);
      if (known >= 0) break;
      fresh.push(node);
    }
    let verdict = known >= 0 ? this.verdicts[known]! : false;
    const freshVerdicts = new Array<boolean>(fresh.length);
    for (let i = fresh.length - 1; i >= 0; i--) {
      const node = fresh[i]!;
      verdict ||= skipsOwnText(node) || this.excluded.has(node);
      freshVerdicts[i] = verdict;
    }
    const keep = known >= 0 ? known : this.path.length;
    this.path.splice(0, keep, ...fresh);
    this.verdicts.splice(0, keep, ...freshVerdicts);
    return this.verdicts[0]!;
  }

  /** For inline elements inside a block being read: skipped themselves, or excluded by the admin. */
  readonly skipsInline = (element: Element): boolean =>
    skipsOwnText(element) || (this.excludeSelector !== '' && element.matches(this.excludeSelector));

  /** Forgets verdicts and exclusions (attributes may have changed since). */
  reset(): void {
    this.path = [];
    this.verdicts = [];
    this.excluded.clear();
  }
}
