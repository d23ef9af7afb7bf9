import { Classifier } from './classify';
import { hasDigit } from './digits';
import { blockOf, isInline, OWN_TAG_PREFIX } from './dom-rules';
import type { Finder } from './finder';
import { readBlock } from './read-block';
import type { NumberStore } from './store';

/**
 * The scan as resumable work: the initial walk of the page and everything mutations queue after it,
 * done a little at a time. `run(outOfTime)` does work until `outOfTime()` says stop, and can be called
 * again later to go on from where it stopped, even if the page changed in between.
 *
 * Work items:
 * - `tree`: every block with digits under `root` (the page at start; each added subtree after).
 * - `block`: the block holding `node` only, re-read (text changed, inline content added or removed):
 *   never a subtree walk, so 1k rows added to a tbody do not re-read the 49k rows already there.
 * - `gone`: forget the numbers of a removed subtree.
 *
 * Each mutation batch gets a generation number; a block remembers the generation it was read at, so a
 * block that several items cover (a row added inside a subtree still being walked) is read once per
 * change, not once per item.
 */

type Item =
  | { kind: 'tree'; root: Node; gen: number; walker?: TreeWalker; resume?: Range }
  | { kind: 'block'; node: Node; gen: number }
  | { kind: 'gone'; root: Node; walker?: TreeWalker };

export interface ScanStats {
  /** Text nodes visited by the walker. */
  textNodes: number;
  /** Blocks read (segment built, finder asked). */
  blocksRead: number;
  /** Mutation records received. */
  mutations: number;
}

// Checking the clock costs little but not nothing: look at it every this many text nodes.
const CLOCK_EVERY = 64;
// "Block read at generation" is only there to save re-reading a block several items cover; forgetting it
// costs a re-read, never a miss. Kept small: a Map of every block of a 50k-row page (300k entries)
// rehashes in one 40 ms pause when it grows.
const READ_AT_LIMIT = 1 << 14;

export class Scanner {
  readonly stats: ScanStats = { textNodes: 0, blocksRead: 0, mutations: 0 };
  private readonly queue: Item[] = [];
  private head = 0;
  private readonly pendingTrees = new Map<Node, Item & { kind: 'tree' }>();
  private readonly mutationBatches: MutationRecord[][] = [];
  /** How many records of `mutationBatches[0]` are digested already. */
  private digested = 0;
  private readonly readAt = new Map<Element, number>();
  /** The block read last in the current item: the other text nodes of a block come right after. */
  private lastBlock: Element | undefined;
  private readonly classifier: Classifier;
  private gen = 0;

  constructor(
    private readonly doc: Document,
    private readonly store: NumberStore,
    private readonly finder: Finder,
    excludeSelector: string,
  ) {
    this.classifier = new Classifier(excludeSelector);
  }

  /** Queues a walk of `root` (the whole page at start). */
  scanTree(root: Node): void {
    const pending = this.pendingTrees.get(root);
    if (pending) {
      pending.gen = this.gen;
      return;
    }
    const item: Item & { kind: 'tree' } = { kind: 'tree', root, gen: this.gen };
    this.pendingTrees.set(root, item);
    this.queue.push(item);
  }

  /** Takes a MutationObserver batch; only stores it, the observer callback must stay cheap. */
  takeMutations(records: MutationRecord[]): void {
    this.gen++;
    this.stats.mutations += records.length;
    this.mutationBatches.push(records);
  }

  get idle(): boolean {
    return this.head === this.queue.length && this.mutationBatches.length === 0;
  }

  /** Works until done (returns true) or until `outOfTime()` (returns false). */
  run(outOfTime: () => boolean): boolean {
    while (!this.idle) {
      if (!this.digestMutations(outOfTime)) return false;
      while (this.head < this.queue.length) {
        const item = this.queue[this.head]!;
        if (item.kind === 'tree' && !item.walker) this.pendingTrees.delete(item.root);
        const done = this.work(item, outOfTime);
        if (!done) return false;
        this.queue[this.head++] = undefined as never;
        if (outOfTime()) return this.settle();
      }
    }
    return this.settle();
  }

  /** Drops finished items; when nothing is left, forgets what only this pass needed. */
  private settle(): boolean {
    // A page that mutates faster than the queue drains must not grow it forever at the front.
    if (this.head === this.queue.length || this.head > 1024) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (this.idle) this.readAt.clear();
    return this.idle;
  }

  /** Turns mutation records into work items, within the slice too (a burst can bring 50k records). */
  private digestMutations(outOfTime: () => boolean): boolean {
    while (this.mutationBatches.length > 0) {
      const records = this.mutationBatches[0]!;
      while (this.digested < records.length) {
        this.digest(records[this.digested++]!);
        if (this.digested % CLOCK_EVERY === 0 && outOfTime()) return false;
      }
      this.mutationBatches.shift();
      this.digested = 0;
    }
    return true;
  }

  private digest(record: MutationRecord): void {
    if (record.type === 'characterData') {
      // Comments change too (frameworks use them as markers); only text matters.
      if (record.target.nodeType === Node.TEXT_NODE) {
        this.queue.push({ kind: 'block', node: record.target, gen: this.gen });
      }
      return;
    }
    for (const added of record.addedNodes) {
      if (!isOurs(added)) this.scanTree(added);
    }
    for (const removed of record.removedNodes) {
      if (removed.nodeType === Node.ELEMENT_NODE) this.queue.push({ kind: 'gone', root: removed });
      // Text leaving a block changes that block's text; worth a re-read only if digits left or the
      // block had numbers (a removed separator can join or split one).
      if (this.touchesText(removed, record.target)) {
        this.queue.push({ kind: 'block', node: record.target, gen: this.gen });
      }
    }
  }

  private touchesText(removed: Node, parent: Node): boolean {
    const isText = removed.nodeType === Node.TEXT_NODE;
    if (!isText && !(removed.nodeType === Node.ELEMENT_NODE && isInline(removed as Element))) return false;
    const block = blockOf(parent);
    return (block !== null && this.store.has(block)) || hasDigit(removed.textContent ?? '');
  }

  private work(item: Item, outOfTime: () => boolean): boolean {
    this.lastBlock = undefined;
    switch (item.kind) {
      case 'tree':
        return this.walkTree(item, outOfTime);
      case 'block':
        this.readBlockOf(item.node, item.gen, true);
        return true;
      case 'gone':
        return this.forget(item, outOfTime);
    }
  }

  private walkTree(item: Item & { kind: 'tree' }, outOfTime: () => boolean): boolean {
    const { root } = item;
    if (!root.isConnected) return true;
    if (root.nodeType === Node.TEXT_NODE) {
      this.readBlockOf(root, item.gen, true);
      return true;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return true;
    let walker = item.walker;
    if (!walker) {
      // Verdicts and exclusions are per subtree: attributes may have changed since the last one.
      this.classifier.reset();
      if (!this.classifier.enterSubtree(root as Element) || this.classifier.skips(root as Element))
        return true;
      walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      item.walker = walker;
    } else {
      this.resume(item, walker);
    }
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      count++;
      if (hasDigit((node as Text).data)) this.readBlockOf(node, item.gen, false);
      if (count % CLOCK_EVERY === 0 && outOfTime()) {
        this.stats.textNodes += count;
        item.resume ??= this.doc.createRange();
        item.resume.setStartAfter(node);
        return false;
      }
    }
    this.stats.textNodes += count;
    item.resume = undefined;
    return true;
  }

  /**
   * Puts the walker back where it stopped. If the page removed the node it stopped at, a live Range
   * (just one, for the item being walked) has followed the removal to the spot where the walk goes on.
   */
  private resume(item: Item & { kind: 'tree' }, walker: TreeWalker): void {
    const current = walker.currentNode;
    if (current.isConnected && item.root.contains(current)) return;
    const range = item.resume;
    if (!range || !item.root.contains(range.startContainer)) {
      walker.currentNode = item.root;
      return;
    }
    walker.currentNode = nodeBefore(range.startContainer, range.startOffset);
  }

  /** Reads the block holding `node` unless it was read since generation `gen`. */
  private readBlockOf(node: Node, gen: number, standalone: boolean): void {
    if (!node.isConnected) return;
    const block = blockOf(node);
    if (!block || block === this.lastBlock) return;
    this.lastBlock = block;
    const readAt = this.readAt.get(block);
    if (readAt !== undefined && readAt >= gen) return;
    // Only items already queued can use this (later ones get a later generation): the first scan of a
    // quiet page records nothing.
    if (this.head + 1 < this.queue.length || this.mutationBatches.length > 0) {
      if (this.readAt.size >= READ_AT_LIMIT) this.readAt.clear();
      this.readAt.set(block, this.gen);
    }
    if ((standalone && !this.classifier.enterBlock(block)) || this.classifier.skips(block)) {
      this.store.delete(block);
      return;
    }
    this.stats.blocksRead++;
    this.store.set(block, readBlock(block, this.finder, this.classifier.skipsInline, this.store.get(block)));
  }

  private forget(item: Item & { kind: 'gone' }, outOfTime: () => boolean): boolean {
    // Moved, not removed: the insertion queued it as a tree already.
    if (item.root.isConnected || this.store.blockCount === 0) return true;
    if (!item.walker) {
      this.store.delete(item.root as Element);
      item.walker = this.doc.createTreeWalker(item.root, NodeFilter.SHOW_ELEMENT);
    }
    let count = 0;
    for (let node = item.walker.nextNode(); node; node = item.walker.nextNode()) {
      this.store.delete(node as Element);
      if (++count % CLOCK_EVERY === 0 && outOfTime()) return false;
    }
    return true;
  }
}

const isOurs = (node: Node) =>
  node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith(OWN_TAG_PREFIX);

/** The last node, in document order, before the boundary point (container, offset). */
function nodeBefore(container: Node, offset: number): Node {
  if (offset === 0 || container.nodeType !== Node.ELEMENT_NODE) return container;
  let node = container.childNodes[offset - 1] ?? container;
  while (node.lastChild) node = node.lastChild;
  return node;
}
