// Our scanner, in Chromium WITH the extension: read from the performance entries it leaves in the page
// (softbar-scan-start, softbar-scan-idle, softbar-scan-slice) and from a longtask observer of our own.
// The scanner finds numbers on demand: its setup installs listeners (start → first idle mark), and each
// lookup of the block under the pointer is one softbar-scan-slice measure.
import { settle } from './measure-plain.mjs';
import { max, median, sum } from './stats.mjs';

/** How many phone cells a load hovers, one lookup each. */
const HOVERS = 20;
/** How long after a burst we look for work of ours (there should be none: nothing watches the page). */
const AFTER_BURST_MS = 500;

/**
 * Installed before any page script: records every long task from the start of the page. (Long animation
 * frames would say whose script ran, but Chromium leaves content scripts out of their attribution.)
 */
export function observeLongTasks() {
  const bench = { longtasks: [] };
  Object.defineProperty(window, '__softbarBench', { value: bench });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: every entry we need, as plain data. */
function entriesInPage() {
  const plain = (e) => ({ start: e.startTime, duration: e.duration });
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    starts: performance.getEntriesByName('softbar-scan-start').map(plain),
    // The scanner's idle marks carry counters (numbers found, lookups, text nodes read…) in `detail`.
    idles: performance
      .getEntriesByName('softbar-scan-idle')
      .map((e) => ({ ...plain(e), detail: e.detail ?? null })),
    slices: performance.getEntriesByName('softbar-scan-slice').map(plain),
    bursts: performance.getEntriesByName('crm-burst').map(plain),
    longtasks: window.__softbarBench?.longtasks ?? [],
    nav: nav ? { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    now: performance.now(),
  };
}

/**
 * Our work among `slices` in [from, to], and the long tasks with some of it inside. A long task that is
 * the page's own burst (it holds the `crm-burst` measure) counts for us only by the slices of ours inside
 * it: the page's DOM work is not ours.
 */
function windowOf(entries, slices, from, to) {
  const within = (e, t) => e.start >= t.start && e.start <= t.start + t.duration;
  const ours = slices.filter((s) => s.start >= from && s.start <= to);
  const tasks = entries.longtasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  const ourTaskMs = tasks
    .filter((t) => ours.some((s) => within(s, t)))
    .map((t) =>
      entries.bursts.some((b) => within(b, t))
        ? sum(ours.filter((s) => within(s, t)).map((s) => s.duration))
        : t.duration,
    );
  return {
    sliceMs: sum(ours.map((s) => s.duration)),
    slices: ours.length,
    maxSliceMs: max(ours.map((s) => s.duration)) ?? 0,
    longestTaskWithOursMs: max(ourTaskMs) ?? 0,
    longTasksWithOurs: ourTaskMs.length,
  };
}

/** In the page: the text middles of the first `count` phone cells on screen that show a number as text. */
function phoneCellsOnScreen(count) {
  const points = [];
  for (const cell of document.querySelectorAll('#contacts td.phone')) {
    if (points.length >= count) break;
    // tel: links dial on click; their text is the link's, not offered on hover.
    if (cell.querySelector('a[href^="tel:"]')) continue;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const rect = range.getClientRects()[0];
    if (!rect) continue;
    if (rect.top < 0 || rect.bottom > innerHeight) {
      if (rect.top > innerHeight) break;
      continue;
    }
    points.push({ x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 });
  }
  return points;
}

const callShown = () => {
  const button = document.querySelector('softbar-phone-layer')?.shadowRoot?.querySelector('button');
  return !!button && !button.hidden && (button.getAttribute('aria-label') ?? '').startsWith('Call ');
};

/**
 * Hovers phone cells one after another (one `mouse.move` each, so one lookup each), waiting for the
 * lookup each move makes; the lookups' slices are the measure.
 */
async function hoverPhones(page) {
  const points = await page.evaluate(phoneCellsOnScreen, HOVERS);
  const from = await page.evaluate(() => performance.now());
  let offered = 0;
  for (const point of points) {
    const before = await page.evaluate(() => performance.getEntriesByName('softbar-scan-slice').length);
    await page.mouse.move(point.x, point.y);
    await page
      .waitForFunction((n) => performance.getEntriesByName('softbar-scan-slice').length > n, before, {
        timeout: 5000,
        polling: 'raf',
      })
      .catch(() => undefined);
    if (await page.evaluate(callShown)) offered++;
  }
  const entries = await page.evaluate(entriesInPage);
  const slices = entries.slices.filter((s) => s.start >= from);
  return {
    cells: points.length,
    offered,
    lookups: slices.length,
    medianMs: median(slices.map((s) => s.duration)),
    maxMs: max(slices.map((s) => s.duration)) ?? 0,
    ...windowOf(entries, slices, from, entries.now),
    idleDetail: entries.idles.at(-1)?.detail ?? null,
  };
}

/** One page load: the setup, hovering phone cells, then `bursts` bursts with the pointer at rest. */
async function oneLoad(context, { url, bursts, timeoutMs }) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page
      .waitForFunction(() => performance.getEntriesByName('softbar-scan-idle').length > 0, null, {
        timeout: timeoutMs,
        polling: 100,
      })
      .catch(() => undefined);
    let entries = await page.evaluate(entriesInPage);
    const start = entries.starts[0] ?? null;
    if (!start) return { error: 'no softbar-scan-start (is detection on? is the scanner built?)' };
    const firstIdle = entries.idles.find((m) => m.start >= start.start) ?? null;
    if (!firstIdle) return { error: 'no softbar-scan-idle after softbar-scan-start' };
    // Setup is synchronous: start → idle is main-thread time, counted as one slice for long tasks.
    const setupMs = firstIdle.start - start.start;
    const setup = [{ start: start.start, duration: setupMs }];
    const initial = {
      complete: true,
      sliceMs: setupMs,
      ...windowOf(entries, setup, start.start, firstIdle.start),
      startAfterLoadMs: entries.nav ? start.start - entries.nav.load : null,
      startMs: start.start,
      idleDetail: firstIdle.detail,
    };

    await settle(page);
    const hover = await hoverPhones(page);

    const burstRuns = [];
    for (let b = 0; b < bursts; b++) {
      await settle(page);
      await page.waitForTimeout(200);
      // A real click: the page's burst runs in a task of its own, as a re-render would. The click's own
      // pointer moves (onto the button) come before the burst and are not counted.
      const before = await page.evaluate(() => performance.getEntriesByName('crm-burst').length);
      await page.click('#crm-burst');
      await page
        .waitForFunction((n) => performance.getEntriesByName('crm-burst').length > n, before, {
          timeout: timeoutMs,
          polling: 50,
        })
        .catch(() => undefined);
      await page.waitForTimeout(AFTER_BURST_MS);
      entries = await page.evaluate(entriesInPage);
      const burst = entries.bursts[before];
      if (!burst) {
        burstRuns.push({ error: 'the burst did not run' });
        break;
      }
      burstRuns.push({
        complete: true,
        mutationMs: burst.duration,
        ...windowOf(entries, entries.slices, burst.start, entries.now),
      });
    }
    return { initial, hover, bursts: burstRuns };
  } finally {
    await page.close();
  }
}

const ms = (v) => (v === null || v === undefined ? '—' : v.toFixed(2));

/**
 * @param {import('@playwright/test').BrowserContext} context with the extension (and observeLongTasks installed)
 * @param {{ url: string, reps: number, bursts: number, timeoutMs: number, budgetMs: number,
 *   log: (line: string) => void }} options
 */
export async function measureOurs(context, options) {
  const loads = [];
  const started = Date.now();
  for (let r = 0; r < options.reps; r++) {
    // Another repetition starts only if, at the pace so far, it ends within the budget.
    const spent = Date.now() - started;
    if (r > 0 && spent + spent / r > options.budgetMs) {
      options.log(`ours: ${r} repetition(s) only (time budget of ${options.budgetMs / 1000} s per page)`);
      break;
    }
    const load = await oneLoad(context, options);
    loads.push(load);
    if (load.error) {
      options.log(`ours: ${load.error}`);
      break;
    }
    const { initial, hover } = load;
    options.log(
      `ours rep ${r + 1}: setup ${ms(initial.sliceMs)} ms; hover ${hover.lookups} lookups over ${hover.cells} ` +
        `phone cells, Call offered on ${hover.offered}, median ${ms(hover.medianMs)} ms, max ${ms(hover.maxMs)} ms` +
        (load.bursts.length
          ? `; bursts ${load.bursts.map((b) => (b.error ? 'ERR' : ms(b.sliceMs))).join('/')} ms of ours`
          : ''),
    );
  }
  const measured = loads.filter((l) => !l.error);
  if (!measured.length) return { error: loads[0]?.error ?? 'no measurement', loads };
  const initial = measured.map((l) => l.initial);
  const hovers = measured.map((l) => l.hover);
  const bursts = measured.flatMap((l) => l.bursts).filter((b) => !b.error);
  return {
    initial: {
      complete: true,
      sliceMs: median(initial.map((i) => i.sliceMs)),
      startAfterLoadMs: median(initial.map((i) => i.startAfterLoadMs)),
      // Worst case over the repetitions: one long task is one too many.
      longestTaskWithOursMs: max(initial.map((i) => i.longestTaskWithOursMs)),
    },
    hover: {
      complete: true,
      cells: hovers[0].cells,
      offered: hovers[0].offered,
      lookups: sum(hovers.map((h) => h.lookups)),
      // Median over every lookup of every repetition would need the raw slices; the median of the
      // per-load medians is as good a centre, and max is the worst seen.
      medianMs: median(hovers.map((h) => h.medianMs)),
      maxMs: max(hovers.map((h) => h.maxMs)),
      longestTaskWithOursMs: max(hovers.map((h) => h.longestTaskWithOursMs)),
      textNodesPerLookup: hovers[0].idleDetail
        ? hovers[0].idleDetail.textNodes / hovers[0].idleDetail.lookups
        : null,
    },
    burst: bursts.length
      ? {
          complete: true,
          sliceMs: median(bursts.map((b) => b.sliceMs)),
          mutationMs: median(bursts.map((b) => b.mutationMs)),
          slices: median(bursts.map((b) => b.slices)),
          maxSliceMs: max(bursts.map((b) => b.maxSliceMs)),
          longestTaskWithOursMs: max(bursts.map((b) => b.longestTaskWithOursMs)),
        }
      : null,
    loads,
  };
}
