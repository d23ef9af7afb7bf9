import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

/** Softbar's sandbox page script: the real one, not a copy. */
const ENTRY = fileURLToPath(new URL('../../../src/sandbox/main.ts', import.meta.url));

let built: Promise<string> | undefined;

/**
 * `src/sandbox/main.ts` as one classic script (the page loads it as a module; it imports only
 * `./protocol`, so an IIFE behaves the same). Built once per process, again after a failure.
 */
export function sandboxScript(): Promise<string> {
  built ??= build().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

async function build(): Promise<string> {
  const bundle = await rolldown({ input: ENTRY, platform: 'browser', logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'iife' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}
