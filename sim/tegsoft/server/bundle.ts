import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const ENTRY = fileURLToPath(new URL('../widget/browser.ts', import.meta.url));

let built: Promise<string> | undefined;

/**
 * The widget page's script: the shared relay bundled for the browser. Built once per process (every
 * simulator started in it serves the same code) and again only if a build failed.
 */
export function widgetScript(): Promise<string> {
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
