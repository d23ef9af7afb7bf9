// Compares Softbar's phone finder with libphonenumber-js's own findPhoneNumbersInText: scores on
// the test corpus, bundle sizes (min vs max metadata), and throughput over a synthetic CRM page.
// Informational only. Run: node bench/phone-corpus.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const root = resolve(import.meta.dirname, '..');
const src = (p) => JSON.stringify(join(root, p));

async function bundle(code, minify) {
  const build = await rolldown({
    input: 'entry',
    cwd: root,
    logLevel: 'silent',
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : null),
        load: (id) => (id === 'entry' ? code : null),
      },
    ],
  });
  const { output } = await build.generate({ format: 'esm', minify });
  await build.close();
  return output[0].code;
}

const size = (code) =>
  `${(code.length / 1024).toFixed(1)} kB raw, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} kB gzip`;

// ── Bundle sizes: what each choice adds to the content script ──────────────────────────────────
const sizes = {
  'ours, min metadata (shipped)': `export { findPhoneNumbers } from ${src('src/core/phone/find.ts')};`,
  'ours, max metadata': `import m from 'libphonenumber-js/max/metadata'; import { createPhoneFinder } from ${src(
    'src/core/phone/find/engine.ts',
  )}; export const find = createPhoneFinder(m);`,
  'libphonenumber findPhoneNumbersInText, min': `export { findPhoneNumbersInText } from 'libphonenumber-js/min';`,
  'libphonenumber findPhoneNumbersInText, max': `export { findPhoneNumbersInText } from 'libphonenumber-js/max';`,
};
console.log('Bundle size (minified):');
for (const [name, code] of Object.entries(sizes))
  console.log(`  ${name.padEnd(44)} ${size(await bundle(code, true))}`);

// ── Scores on the corpus ───────────────────────────────────────────────────────────────────────
const dir = mkdtempSync(join(tmpdir(), 'phone-bench-'));
const file = join(dir, 'bench.mjs');
writeFileSync(
  file,
  await bundle(
    `export { findPhoneNumbers } from ${src('src/core/phone/find.ts')};
     export { createPhoneFinder } from ${src('src/core/phone/find/engine.ts')};
     export { corpus } from ${src('test/unit/phone/corpus.ts')};
     export { score, formatScore } from ${src('test/unit/phone/score.ts')};
     export { findPhoneNumbersInText as libMin } from 'libphonenumber-js/min';
     export { findPhoneNumbersInText as libMax } from 'libphonenumber-js/max';
     export { default as maxMetadata } from 'libphonenumber-js/max/metadata';`,
    false,
  ),
);
const m = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const oursMax = m.createPhoneFinder(m.maxMetadata);
const e164 = (n) => (n.number.ext ? `${n.number.number};ext=${n.number.ext}` : n.number.number);
const finders = {
  'ours (min metadata)': (t, r) => m.findPhoneNumbers(t, { defaultRegion: r }).map((x) => x.e164),
  'ours (max metadata)': (t, r) => oursMax(t, { defaultRegion: r }).map((x) => x.e164),
  'libphonenumber (min metadata)': (t, r) => m.libMin(t, { defaultCountry: r }).map(e164),
  'libphonenumber (max metadata)': (t, r) => m.libMax(t, { defaultCountry: r }).map(e164),
};
console.log(`\nCorpus (${m.corpus.length} cases):`);
for (const [name, find] of Object.entries(finders))
  console.log(`  ${m.formatScore(name, m.score(m.corpus, find))}`);

// ── Throughput over a synthetic CRM page: 50k rows of 8 cells, one text node each ──────────────
const cells = [
  (i) => `Customer ${i}`,
  (i) => `2024-03-${String((i % 28) + 1).padStart(2, '0')} 14:${String(i % 60).padStart(2, '0')}`,
  (i) => `(${200 + (i % 700)}) 555-${String(i % 10000).padStart(4, '0')}`,
  (i) => `$${(i * 37) % 100000},${String(i % 1000).padStart(3, '0')}.${String(i % 100).padStart(2, '0')}`,
  (i) => `Order #${10000000 + i}`,
  (i) => `INV-2024-${String(i).padStart(6, '0')}`,
  () => `Open`,
  (i) => `Call back at +44 20 7946 ${String(i % 10000).padStart(4, '0')} after the meeting`,
];
const rows = 50000;
const texts = [];
for (let i = 0; i < rows; i++) for (const cell of cells) texts.push(cell(i));
const chars = texts.reduce((n, t) => n + t.length, 0);
console.log(`\nThroughput on ${texts.length} text nodes (${(chars / 1e6).toFixed(1)} M chars), region US:`);
for (const [name, find] of Object.entries(finders)) {
  for (let i = 0; i < 2000; i++) find(texts[i], 'US'); // warm-up
  let ms = Number.POSITIVE_INFINITY;
  let found = 0;
  for (let round = 0; round < 3; round++) {
    // best of three: the machine may be shared
    const t0 = performance.now();
    found = 0;
    for (const t of texts) found += find(t, 'US').length;
    ms = Math.min(ms, performance.now() - t0);
  }
  console.log(
    `  ${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${((texts.length / ms) * 1000).toFixed(0).padStart(8)} nodes/s  ${(
      chars / 1e3 / ms
    ).toFixed(1)} MB/s  (${found} numbers)`,
  );
}
