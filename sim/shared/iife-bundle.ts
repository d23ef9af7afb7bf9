import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

/**
 * A getter for `entry` bundled by rolldown as one classic browser script (an IIFE). The bundle is built
 * once per process, on the first call (every simulator started in it serves the same code), and again
 * only if a build failed.
 */
export function iifeBuilder(entry: string | URL): () => Promise<string> {
  const input = typeof entry === 'string' ? entry : fileURLToPath(entry);
  let built: Promise<string> | undefined;
  return () => {
    built ??= buildIife(input).catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
}

async function buildIife(input: string): Promise<string> {
  const bundle = await rolldown({ input, platform: 'browser', logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'iife' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}
