// Loads a TypeScript simulator (sim/<vendor>/index.ts) into a plain Node script such as `npm run demo`:
// Node 20 cannot run TypeScript, so the simulator is bundled with rolldown first. The bundle is written
// next to the simulator's server code, because the simulator finds its widget sources relative to
// `import.meta.url`.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const root = resolve(import.meta.dirname, '..');

/**
 * @param {string} vendor simulator folder name under sim/, e.g. "tegsoft"
 * @returns {Promise<Record<string, unknown>>} the simulator module's exports
 */
export async function loadSimulator(vendor) {
  const input = resolve(root, 'sim', vendor, 'index.ts');
  const outDir = resolve(root, 'sim', vendor, 'server');
  mkdirSync(outDir, { recursive: true });
  const file = resolve(outDir, '.demo-bundle.mjs');
  const bundle = await rolldown({
    input,
    platform: 'node',
    logLevel: 'silent',
    external: (id) => id === 'rolldown' || id.startsWith('node:'),
  });
  try {
    await bundle.write({ file, format: 'esm' });
  } finally {
    await bundle.close();
  }
  return import(`${pathToFileURL(file).href}?t=${Date.now()}`);
}
