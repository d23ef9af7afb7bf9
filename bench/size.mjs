// What the content script costs to load: bytes and gzip of the JS the page gets from us, split into what
// loads on every page (the loader and the chunks it imports) and what loads only where detection is on.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `chrome.runtime.getURL("assets/x.js")`: crxjs's loader importing the real content script. */
const GET_URL = /chrome\.runtime\.getURL\(\s*["']([^"']+\.js)["']\s*\)/g;
/** `import … from './x.js'`, `import './x.js'`, `export … from './x.js'`. */
const STATIC = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.js)["']/g;
/** `import('./x.js')`, as emitted for a lazy `import('./phone-scan')`, maybe wrapped by vite's preload helper. */
const DYNAMIC = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

function matches(regex, text) {
  return [...text.matchAll(regex)].map((m) => m[1]);
}

/** Path of `spec` (relative to the chunk `from`, or absolute from the extension root) inside dist. */
function resolveSpec(from, spec) {
  if (spec.startsWith('/')) return spec.slice(1);
  if (spec.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), spec));
  return spec;
}

/**
 * @param {string} dist
 * @returns {{ eager: Entry[], lazy: Entry[], totals: { eager: Total, lazy: Total } }}
 * @typedef {{ file: string, bytes: number, gzip: number }} Entry
 * @typedef {{ bytes: number, gzip: number, files: number }} Total
 */
export function contentScriptSize(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const loaders = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  const read = (file) => readFileSync(join(dist, file), 'utf8');

  /** Everything `roots` pull in through static imports (and crxjs's loader indirection). */
  const closure = (roots, exclude = new Set()) => {
    const seen = new Set();
    const dynamic = new Set();
    const queue = [...roots];
    while (queue.length) {
      const file = queue.shift();
      if (seen.has(file) || exclude.has(file) || !existsSync(join(dist, file))) continue;
      seen.add(file);
      const text = read(file);
      // The loader's getURL import always runs: it is eager, however it is written.
      for (const spec of matches(GET_URL, text)) queue.push(resolveSpec('', spec));
      for (const spec of matches(STATIC, text)) queue.push(resolveSpec(file, spec));
      for (const spec of matches(DYNAMIC, text)) dynamic.add(resolveSpec(file, spec));
    }
    return { files: seen, dynamic };
  };

  const eager = closure(loaders);
  const lazyRoots = [...eager.dynamic].filter((file) => !eager.files.has(file));
  const lazy = closure(lazyRoots, eager.files);
  const entry = (file) => {
    const buffer = readFileSync(join(dist, file));
    return { file, bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length };
  };
  const total = (entries) => ({
    bytes: entries.reduce((sum, e) => sum + e.bytes, 0),
    gzip: entries.reduce((sum, e) => sum + e.gzip, 0),
    files: entries.length,
  });
  const eagerEntries = [...eager.files].map(entry);
  const lazyEntries = [...lazy.files].map(entry);
  return {
    eager: eagerEntries,
    lazy: lazyEntries,
    totals: { eager: total(eagerEntries), lazy: total(lazyEntries) },
  };
}
