// `npm run bench`: the phone-scan benchmark (issue 3, item 5). Builds the extension, generates CRM pages
// of 1k/10k/50k rows, and measures in real Chromium, in one run: our scanner, the floor, the naive way.
// Writes bench/results/scan.json and prints the table. Missed targets print MISSED; the exit code is 0.
//
//   node bench/run.mjs [--no-build] [--dist DIR] [--sizes 1000,10000,50000] [--reps 3] [--bursts 3]
//                      [--seed N] [--region US] [--timeout S] [--profile] [--out FILE]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from '../scripts/chromium.mjs';
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { DIST, launchWithExtension } from '../scripts/launch.mjs';
import { writeCrmPages } from './crm-page.mjs';
import { measureOurs, observeLongTasks } from './measure-ours.mjs';
import { measurePlain } from './measure-plain.mjs';
import { profileScan } from './profile.mjs';
import { report, TARGETS } from './report.mjs';
import { contentScriptSize } from './size.mjs';
import { round } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');

function parseArgs(argv) {
  const options = {
    build: true,
    dist: null,
    sizes: [1000, 10000, 50000],
    reps: 3,
    bursts: 3,
    burstRows: 1000,
    seed: 20240315,
    region: 'US',
    profile: false,
    out: join(ROOT, 'bench', 'results', 'scan.json'),
    naiveBudgetMs: 8000,
    /** How long to wait for the scanner's first mark, and for a burst to run, before giving up. */
    timeoutMs: 90_000,
    /** Per page size, for our repetitions: past it, no new repetition starts. */
    budgetMs: 45_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--no-build') options.build = false;
    else if (arg === '--dist') options.dist = resolve(value());
    else if (arg === '--sizes') options.sizes = value().split(',').map(Number);
    else if (arg === '--reps') options.reps = Number(value());
    else if (arg === '--bursts') options.bursts = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--region') options.region = value();
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--timeout') options.timeoutMs = Number(value()) * 1000;
    else if (arg === '--out') options.out = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(
        'node bench/run.mjs [--no-build] [--dist DIR] [--sizes 1000,10000,50000] [--reps 3] [--bursts 3] ' +
          '[--seed N] [--region US] [--timeout S] [--profile] [--out FILE]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: positive integers');
  return options;
}

const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(os.tmpdir(), 'softbar-bench-'));
  const loadBefore = os.loadavg();
  /** Seconds each phase took, for whoever wonders why the run was long. */
  const phases = {};
  let phaseStart = Date.now();
  const phaseDone = (name) => {
    phases[name] = round((Date.now() - phaseStart) / 1000, 1);
    phaseStart = Date.now();
  };
  try {
    // Our own build folder, so a benchmark never swaps dist/ under tests running next to it.
    let dist = options.dist ?? DIST;
    if (options.build && !options.dist) {
      dist = join(work, 'dist');
      log(`building the extension into ${dist}`);
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
    }
    const size = contentScriptSize(dist);
    phaseDone('build');

    const pagesDir = join(work, 'pages');
    mkdirSync(pagesDir);
    const pages = writeCrmPages(pagesDir, options.sizes, options.seed, options.burstRows);
    log(`pages: ${pages.map((p) => `${p.file} (${(p.bytes / 1e6).toFixed(1)} MB)`).join(', ')}`);
    const server = await startFixtureServer({ root: pagesDir });
    const executablePath = ensureChromium();

    // 1. The references, in a browser without the extension.
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
      ],
    });
    const chromiumVersion = browser.version();
    const plain = [];
    try {
      for (const page of pages) {
        log(`${page.rows} rows, without the extension`);
        plain.push(
          await measurePlain(browser, {
            url: server.url + page.path,
            reps: options.reps,
            bursts: options.bursts,
            burstRows: options.burstRows,
            region: options.region,
            naiveBudgetMs: options.naiveBudgetMs,
            log: (line) => log(`  ${line}`),
          }),
        );
      }
    } finally {
      await browser.close();
    }
    phaseDone('withoutExtension');

    // 2. Ours, in a browser with the extension (detection is on everywhere in the default configuration).
    const launched = await launchWithExtension({ dist });
    const ours = [];
    let profile = null;
    try {
      await launched.context.addInitScript(observeLongTasks);
      // Warm-up load: the first page after launch also pays for the extension's own start.
      log('warm-up load');
      await measureOurs(launched.context, {
        url: server.url + pages[0].path,
        reps: 1,
        bursts: 0,
        timeoutMs: options.timeoutMs,
        budgetMs: options.budgetMs,
        log: () => undefined,
      });
      for (const page of pages) {
        log(`${page.rows} rows, with the extension`);
        ours.push(
          await measureOurs(launched.context, {
            url: server.url + page.path,
            reps: options.reps,
            bursts: options.bursts,
            timeoutMs: options.timeoutMs,
            budgetMs: options.budgetMs,
            log: (line) => log(`  ${line}`),
          }),
        );
      }
      phaseDone('withExtension');
      if (options.profile) {
        const biggest = pages.at(-1);
        const out = join(dirname(options.out), `scan-${biggest.rows}.cpuprofile`);
        mkdirSync(dirname(out), { recursive: true });
        const files = ['initial', 'burst'].map((phase) =>
          relative(ROOT, out.replace(/\.cpuprofile$/, `-${phase}.cpuprofile`)),
        );
        log(`CPU profiles of the ${biggest.rows}-row page → ${files.join(', ')}`);
        profile = {
          page: biggest.rows,
          files,
          ...(await profileScan(launched.context, {
            url: server.url + biggest.path,
            timeoutMs: options.timeoutMs,
            out,
          })),
        };
        phaseDone('profile');
      }
    } finally {
      await launched.close();
      await server.close();
    }

    const result = {
      benchmark: 'phone-scan',
      date: new Date().toISOString(),
      chromium: chromiumVersion,
      playwright: (await import('@playwright/test/package.json', { with: { type: 'json' } })).default.version,
      node: process.version,
      machine: {
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        memoryGiB: round(os.totalmem() / 2 ** 30, 1),
        loadAverageBefore: loadBefore.map((v) => round(v)),
        loadAverageAfter: os.loadavg().map((v) => round(v)),
      },
      options: {
        sizes: options.sizes,
        reps: options.reps,
        bursts: options.bursts,
        burstRows: options.burstRows,
        seed: options.seed,
        region: options.region,
        dist: options.build && !options.dist ? 'fresh build' : relative(ROOT, dist) || dist,
      },
      targets: TARGETS,
      size,
      pages: pages.map((page, i) => ({
        rows: page.rows,
        htmlBytes: page.bytes,
        plain: plain[i],
        ours: ours[i],
      })),
      profile,
      durationS: round((Date.now() - started) / 1000, 1),
      phasesS: phases,
    };
    const printed = report(result);
    result.verdict = printed.targets;
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(roundDeep(result), null, 2)}\n`);

    console.log(
      `\nPhone-scan benchmark · Chromium ${chromiumVersion} · ${result.machine.cpus} × ${result.machine.cpuModel}`,
    );
    // The run itself keeps about one core busy: more than that, before or after, is someone else's.
    const { cpus, loadAverageBefore, loadAverageAfter } = result.machine;
    const busy = loadAverageBefore[0] > cpus * 0.75 || loadAverageAfter[0] > cpus + 1;
    console.log(
      `Load average (1 min) ${loadAverageBefore[0]} before, ${loadAverageAfter[0]} after` +
        (busy
          ? ': WARNING, the machine was busy with something else; slices and tasks are timed by the clock, ' +
            'so the OS pausing our thread makes them look longer. Rerun on an idle machine before trusting max slice and longest task.'
          : ''),
    );
    console.log(printed.text);
    if (profile) printProfile(profile);
    console.log(`\nWrote ${relative(ROOT, options.out)} in ${result.durationS} s.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printProfile(profile) {
  for (const [phase, summary] of [
    ['setup', profile.initial],
    ['one burst', profile.burst],
  ]) {
    console.log(
      `\nWhere our time goes, ${phase} on the ${profile.page}-row page (CPU profile: ${summary.oursMs} ms ` +
        `under our frames, of ${summary.sampledMs} ms sampled; our slices add up to ${Math.round(summary.sliceMs)} ms):`,
    );
    for (const entry of summary.top.slice(0, 10)) {
      console.log(
        `  ${entry.ms.toFixed(1).padStart(8)} ms ${entry.share.toFixed(1).padStart(5)}%  ${entry.name}`,
      );
    }
    console.log('  Inside our longest slices (profile samples in the slice, by function):');
    for (const slice of summary.longestSlices) {
      console.log(`  ${slice.ms.toFixed(1).padStart(8)} ms slice: ${slice.top.join(', ')}`);
    }
    console.log('  Stretches of main-thread work (between idle samples) with the most of ours in them:');
    for (const stretch of summary.longestStretches.slice(0, 3)) {
      console.log(
        `  ${stretch.ms.toFixed(1).padStart(8)} ms: ours ${stretch.oursMs} ms, GC ${stretch.gcMs} ms; ${stretch.top.join(', ')}`,
      );
    }
  }
}

/** Every number in the JSON to 0.01: the raw runs stay in, without 15 digits of noise. */
function roundDeep(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : round(value);
  if (Array.isArray(value)) return value.map(roundDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)]));
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
