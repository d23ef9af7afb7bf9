import { iifeBuilder } from '../../shared/iife-bundle';

/** Softbar's sandbox page script: the real one, not a copy. */
const build = iifeBuilder(new URL('../../../src/sandbox/main.ts', import.meta.url));

/**
 * `src/sandbox/main.ts` as one classic script (the page loads it as a module; it imports only
 * `./protocol`, so an IIFE behaves the same). Built once per process, again after a failure.
 */
export function sandboxScript(): Promise<string> {
  return build();
}
