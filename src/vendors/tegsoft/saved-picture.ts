import type { AdapterContext } from '../contract';
import { isObject } from './payload';
import type { TrackerMemory } from './tracker';

const MEMORY_KEY = 'tegsoft.tracker';

/** The tracker's picture in the adapter's store, so the calls survive a worker restart. */
export class SavedPicture {
  private saving: Promise<void> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly store: AdapterContext['store'],
    private readonly log: AdapterContext['log'],
  ) {}

  /** The picture saved last; undefined when there is none, or it cannot be read (logged). */
  async load(): Promise<TrackerMemory | undefined> {
    const memory = await this.store.get<unknown>(MEMORY_KEY);
    if (memory === undefined) return undefined;
    if (isObject(memory) && Array.isArray(memory.calls) && Array.isArray(memory.ended))
      return memory as unknown as TrackerMemory;
    this.log('warn', 'Tegsoft: the saved call picture is unreadable; starting afresh', memory);
    return undefined;
  }

  /** Saves `picture()`; writes are serialized and coalesced, so the last one always lands. */
  save(picture: () => TrackerMemory): void {
    if (this.queued) return;
    this.queued = true;
    this.saving = this.saving.then(async () => {
      this.queued = false;
      try {
        await this.store.set(MEMORY_KEY, picture());
      } catch (error) {
        this.log('warn', 'Tegsoft: could not save the call picture', error);
      }
    });
  }

  /** Resolves once the writes asked for so far have landed. */
  flushed(): Promise<void> {
    return this.saving;
  }
}
