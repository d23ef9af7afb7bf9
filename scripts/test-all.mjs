// `npm test`: typecheck, lint, unit + conformance, build, end-to-end in Chromium; then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
// Not test-results/: Playwright empties that folder when it starts.
const reports = resolve(root, 'test-reports');
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2);

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const steps = [
  ['typecheck', () => run('typecheck (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])],
  ['lint', () => run('lint + format check (biome)', 'npx', ['biome', 'check', '.'])],
  [
    'unit',
    () =>
      run('unit + conformance (vitest)', 'npx', [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${resolve(reports, 'vitest.json')}`,
      ]),
  ],
  ['build', () => run('build (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn'])],
  [
    'e2e',
    () => {
      ensureChromium();
      return run(
        'end to end (playwright, Chromium with the extension)',
        'npx',
        ['playwright', 'test', '--reporter=list,json'],
        {
          PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(reports, 'playwright.json'),
        },
      );
    },
  ],
];

const failedSteps = [];
for (const [name, step] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (!step()) failedSteps.push(name);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = readJson(resolve(reports, 'vitest.json'));
if (vitest && (!only.length || only.includes('unit'))) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
const pw = existsSync(resolve(reports, 'playwright.json'))
  ? readJson(resolve(reports, 'playwright.json'))
  : undefined;
if (pw?.stats && (!only.length || only.includes('e2e'))) {
  passed += pw.stats.expected ?? 0;
  failed += (pw.stats.unexpected ?? 0) + (pw.stats.flaky ?? 0);
  skipped += pw.stats.skipped ?? 0;
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
if (failedSteps.length && failed === 0) failed = failedSteps.length;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length ? 1 : 0);
