// Where the scanner's time goes: V8 CPU profiles (CDP Profiler) of one page load, from navigation to the
// scanner's first idle (its setup), and of one burst and the half second after it, summarised by function. Content scripts run in the page's
// isolate, so the profile sees them; frames from chrome-extension:// URLs, and whatever they call
// (DOM methods, layout), are ours. The profile's total for our frames also checks the slices: work of
// ours outside any `softbar-scan-slice` (a MutationObserver callback, say) shows up here and not there.
import { writeFileSync } from 'node:fs';

/** In the page: our slices (lookups) from `from` until now (their sum, and the longest ones). */
function slicesSince(from) {
  const to = performance.now();
  const slices = performance
    .getEntriesByName('softbar-scan-slice')
    .filter((s) => s.startTime >= from && s.startTime <= to);
  return {
    sliceMs: slices.reduce((total, s) => total + s.duration, 0),
    slices: slices.length,
    longest: slices
      .map((s) => ({ start: s.startTime, end: s.startTime + s.duration }))
      .sort((a, b) => b.end - b.start - (a.end - a.start))
      .slice(0, 3),
  };
}

/**
 * In the page: 15 ms in a function the profile can find by name, to line the profile's clock up with
 * `performance.now()`. Returns when it started, page time.
 */
function clockSync() {
  const t0 = performance.now();
  (function __softbarBenchClockSync() {
    while (performance.now() - t0 < 15) {
      // busy on purpose
    }
  })();
  return t0;
}

/** Profiles from Profiler.start to `until()`, then lines it up with page time. */
async function profiled(cdp, page, until) {
  await cdp.send('Profiler.start');
  await until();
  const syncAt = await page.evaluate(clockSync);
  const { profile } = await cdp.send('Profiler.stop');
  return { profile, syncAt };
}

/**
 * @param {import('@playwright/test').BrowserContext} context with the extension
 * @param {{ url: string, timeoutMs: number, out: string }} options `out` gets `-initial`/`-burst` suffixes
 */
export async function profileScan(context, { url, timeoutMs, out }) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });

    const initial = await profiled(cdp, page, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page
        .waitForFunction(() => performance.getEntriesByName('softbar-scan-idle').length > 0, null, {
          timeout: timeoutMs,
          polling: 100,
        })
        .catch(() => undefined);
    });
    const scanStart = await page.evaluate(
      () => performance.getEntriesByName('softbar-scan-start')[0]?.startTime ?? 0,
    );
    const initialSlices = await page.evaluate(slicesSince, scanStart);

    await page.waitForTimeout(300);
    const before = await page.evaluate(() => performance.getEntriesByName('crm-burst').length);
    const burst = await profiled(cdp, page, async () => {
      await page.click('#crm-burst');
      await page
        .waitForFunction((n) => performance.getEntriesByName('crm-burst').length > n, before, {
          timeout: timeoutMs,
          polling: 50,
        })
        .catch(() => undefined);
      // Nothing of ours follows a burst unless the pointer moves: give it half a second to show otherwise.
      await page.waitForTimeout(500);
    });
    const burstStart = await page.evaluate(
      (n) => performance.getEntriesByName('crm-burst')[n]?.startTime ?? 0,
      before,
    );
    const burstSlices = await page.evaluate(slicesSince, burstStart);

    writeFileSync(out.replace(/\.cpuprofile$/, '-initial.cpuprofile'), JSON.stringify(initial.profile));
    writeFileSync(out.replace(/\.cpuprofile$/, '-burst.cpuprofile'), JSON.stringify(burst.profile));
    const summary = ({ profile, syncAt }, slices) => ({
      ...summarise(profile),
      sliceMs: slices.sliceMs,
      slices: slices.slices,
      longestSlices: insideSlices(profile, syncAt, slices.longest),
    });
    return { initial: summary(initial, initialSlices), burst: summary(burst, burstSlices) };
  } finally {
    await page.close();
  }
}

/** Sample times (µs, profile clock) and a function to read a node's frame. */
function timeline(profile) {
  const times = new Array(profile.samples.length);
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times[i] = t;
  }
  return times;
}

/** What the profile saw inside each of the given slices (page times), lined up through `clockSync`. */
function insideSlices(profile, syncAt, slices) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = timeline(profile);
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // The marker's samples may land in a callee (performance.now), so look for it up the stack.
  const inSync = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at).callFrame.functionName === '__softbarBenchClockSync') return true;
    }
    return false;
  };
  const syncIndex = profile.samples.findIndex(inSync);
  if (syncIndex < 0) return [];
  // Profile microseconds of page time 0.
  const offset = times[syncIndex] - syncAt * 1000;
  const r = (v) => Math.round(v * 10) / 10;
  return slices.map(({ start, end }) => {
    const from = start * 1000 + offset;
    const to = end * 1000 + offset;
    const leaves = new Map();
    let sampled = 0;
    for (let i = 0; i < times.length; i++) {
      if (times[i] < from || times[i] > to) continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      sampled += ms;
      const name = byId.get(profile.samples[i]).callFrame.functionName || '(anonymous)';
      leaves.set(name, (leaves.get(name) ?? 0) + ms);
    }
    return {
      ms: r(end - start),
      sampledMs: r(sampled),
      top: [...leaves.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([fn, ms]) => `${fn} ${r(ms)} ms`),
    };
  });
}

/** Self time by function, for the samples that have one of our frames on the stack. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const node = byId.get(id);
    const mine = node.callFrame.url.startsWith('chrome-extension://');
    const result = mine || (parent.has(id) ? isOurs(parent.get(id)) : false);
    ours.set(id, result);
    return result;
  };
  const selfMs = new Map();
  const byFile = new Map();
  let totalMs = 0;
  let oursMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    if (!isOurs(id)) return;
    oursMs += ms;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, '').replace(/^.*\//, '');
    const key = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ' (native)'}`;
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
    const fileKey = file || '(native: DOM, layout, regexp…)';
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + ms);
  });
  const ranked = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({
        name,
        ms: Math.round(ms * 10) / 10,
        share: oursMs ? Math.round((ms / oursMs) * 1000) / 10 : 0,
      }));
  return {
    sampledMs: Math.round(totalMs),
    oursMs: Math.round(oursMs),
    top: ranked(selfMs, 15),
    files: ranked(byFile, 8),
    longestStretches: stretches(profile, byId, isOurs),
  };
}

/**
 * The stretches of main-thread work (samples between two idle samples) with the most of ours in them,
 * and what filled them: how a slice became long (a GC pause, one big unit of work, the page's own work).
 * Tasks with no idle between them make one stretch, so `ms` can hold more than one task.
 */
function stretches(profile, byId, isOurs) {
  const found = [];
  let current = null;
  const close = () => {
    if (current && current.oursMs > 0) found.push(current);
    current = null;
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const name = byId.get(id).callFrame.functionName;
    if (name === '(idle)') {
      close();
      return;
    }
    current ??= { ms: 0, oursMs: 0, gcMs: 0, leaves: new Map() };
    current.ms += ms;
    if (name === '(garbage collector)') current.gcMs += ms;
    if (!isOurs(id)) return;
    current.oursMs += ms;
    current.leaves.set(name || '(anonymous)', (current.leaves.get(name || '(anonymous)') ?? 0) + ms);
  });
  close();
  const r = (v) => Math.round(v * 10) / 10;
  return found
    .sort((a, b) => b.oursMs - a.oursMs)
    .slice(0, 5)
    .map((stretch) => ({
      ms: r(stretch.ms),
      oursMs: r(stretch.oursMs),
      gcMs: r(stretch.gcMs),
      top: [...stretch.leaves.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([fn, ms]) => `${fn} ${r(ms)} ms`),
    }));
}
