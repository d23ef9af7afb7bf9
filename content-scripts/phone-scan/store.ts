import type { DomPoint, Segment } from './segment';
import { SegmentedMap } from './segmented-map';

/** A number found in page text, located by DOM positions (not a live Range: see `NumberStore`). */
export interface FoundNumber {
  readonly start: DomPoint;
  readonly end: DomPoint;
  /** As the page shows it, whitespace collapsed. */
  readonly raw: string;
  readonly e164: string;
}

/** What one block held when it was last read. */
export interface BlockEntry {
  readonly segment: Segment;
  readonly numbers: readonly FoundNumber[];
}

/**
 * The numbers on the page, by block element. Positions are kept as plain (node, offset) pairs rather
 * than live Ranges: the browser updates every live Range on every DOM change, so 50k of them would tax
 * each of the page's own mutations. A Range is made only for the number under the pointer.
 * Only blocks with at least one number are kept.
 */
export class NumberStore {
  private readonly blocks = new SegmentedMap<Element, BlockEntry>();
  private numbers = 0;

  get(block: Element): BlockEntry | undefined {
    return this.blocks.get(block);
  }

  has(block: Element): boolean {
    return this.blocks.has(block);
  }

  /** Records what `block` holds now; no entry (or no numbers) forgets it. */
  set(block: Element, entry: BlockEntry | undefined): void {
    this.delete(block);
    if (!entry || entry.numbers.length === 0) return;
    this.blocks.set(block, entry);
    this.numbers += entry.numbers.length;
  }

  delete(block: Element): void {
    const old = this.blocks.get(block);
    if (!old) return;
    this.blocks.delete(block);
    this.numbers -= old.numbers.length;
  }

  /** Blocks holding numbers. */
  get blockCount(): number {
    return this.blocks.size;
  }

  get numberCount(): number {
    return this.numbers;
  }

  entries(): IterableIterator<[Element, BlockEntry]> {
    return this.blocks.entries();
  }

  clear(): void {
    this.blocks.clear();
    this.numbers = 0;
  }
}
