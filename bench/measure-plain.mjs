// The references, measured in a Chromium WITHOUT the extension (so nothing of ours runs alongside): the
// floor (a TreeWalker that visits every text node and does nothing), the reader (the same walk from an
// isolated world, reading each node's text: the least a content script can do) and the naive way
// (libphonenumber-js's findPhoneNumbersInText over document.body.innerText, rerun after every mutation).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { max, median } from './stats.mjs';

const require = createRequire(import.meta.url);
/** libphonenumber-js ships a browser bundle (UMD, `window.libphonenumber`) with the same "min" metadata
 * our finder uses: the naive reference needs no build step. */
export const LIBPHONENUMBER_BUNDLE = join(
  dirname(require.resolve('libphonenumber-js/package.json')),
  'bundle',
  'libphonenumber-min.js',
);

/** Waits until the page has loaded, laid out and painted, so what we time is not the page's own load. */
export async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))),
  );
}

/** In the page: `reps` TreeWalker passes over every text node of body, doing nothing with them. */
function floorInPage(reps) {
  const times = [];
  let nodes = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    while (walker.nextNode()) n++;
    times.push(performance.now() - t0);
    nodes = n;
  }
  // Not timed: how much text there is.
  let chars = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) chars += walker.currentNode.data.length;
  return { times, nodes, chars };
}

/**
 * In an isolated world, like a content script: `reps` TreeWalker passes that read every text node's
 * text and test it for a digit. The least any scanner living in a content script can do; the gap to the
 * floor is the price of the isolated world and of reading the text.
 */
function readerInWorld(reps) {
  const times = [];
  let digits = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let d = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/\d/.test(node.data)) d++;
    times.push(performance.now() - t0);
    digits = d;
  }
  return { times, digits };
}

async function measureReader(context, page, reps) {
  const cdp = await context.newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'softbar-bench-reader',
    });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(${readerInWorld.toString()})(${reps})`,
      contextId: world.executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** In the page: full naive runs, until `reps` are done or `budgetMs` is spent (at least one). */
function naiveInPage({ reps, budgetMs, region }) {
  const runs = [];
  const started = performance.now();
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    // biome-ignore lint/performance/useDomNodeTextContent: the naive way, as the issue describes it, reads innerText.
    const text = document.body.innerText;
    const t1 = performance.now();
    const found = window.libphonenumber.findPhoneNumbersInText(text, { defaultCountry: region });
    const t2 = performance.now();
    runs.push({
      innerTextMs: t1 - t0,
      findMs: t2 - t1,
      totalMs: t2 - t0,
      matches: found.length,
      chars: text.length,
    });
    if (performance.now() - started > budgetMs) break;
  }
  return runs;
}

/** In the page: one burst, then what the floor and the naive way pay for it. */
function burstInPage({ count, region, naive }) {
  const t0 = performance.now();
  const n = window.crmBench.burst(count);
  const t1 = performance.now();
  // Floor for the burst: visit the text nodes of the rows that changed, and nothing else.
  const rows = document.querySelector('#contacts tbody').rows;
  let nodes = 0;
  for (let i = 0; i < n; i++) {
    const walker = document.createTreeWalker(rows[i], NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes++;
  }
  const t2 = performance.now();
  if (!naive) return { rows: n, mutationMs: t1 - t0, floorMs: t2 - t1, floorNodes: nodes, naive: null };
  // Naive: a mutation means reading the whole page again.
  // biome-ignore lint/performance/useDomNodeTextContent: the naive way, as the issue describes it, reads innerText.
  const text = document.body.innerText;
  const t3 = performance.now();
  const found = window.libphonenumber.findPhoneNumbersInText(text, { defaultCountry: region });
  const t4 = performance.now();
  return {
    rows: n,
    mutationMs: t1 - t0,
    floorMs: t2 - t1,
    floorNodes: nodes,
    naive: { innerTextMs: t3 - t2, findMs: t4 - t3, totalMs: t4 - t2, matches: found.length },
  };
}

/**
 * @param {import('@playwright/test').Browser} browser a Chromium without the extension
 * @param {{ url: string, reps: number, bursts: number, burstRows: number, region: string,
 *   naiveBudgetMs: number, log: (line: string) => void }} options
 */
export async function measurePlain(browser, options) {
  const { url, reps, bursts, burstRows, region, naiveBudgetMs, log } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await settle(page);

    // Many passes: each is short, and on a busy machine a single one says little.
    const floor = await page.evaluate(floorInPage, 9);
    const reader = await measureReader(context, page, 5);
    log(
      `floor ${median(floor.times)?.toFixed(2)} ms over ${floor.nodes} text nodes; ` +
        `reader (isolated world, reads text) ${median(reader.times)?.toFixed(2)} ms`,
    );

    await page.addScriptTag({ path: LIBPHONENUMBER_BUNDLE });
    const naiveRuns = await page.evaluate(naiveInPage, { reps, budgetMs: naiveBudgetMs, region });
    log(`naive ${median(naiveRuns.map((r) => r.totalMs))?.toFixed(1)} ms (${naiveRuns.length} runs)`);

    const burstRuns = [];
    for (let b = 0; b < bursts; b++) {
      await settle(page);
      // The naive rerun of a 50k page costs as much as a full run: once is enough to know it.
      const naive = b === 0 || naiveRuns[0].totalMs < naiveBudgetMs / 4;
      burstRuns.push(await page.evaluate(burstInPage, { count: burstRows, region, naive }));
    }
    const naiveBursts = burstRuns.filter((b) => b.naive).map((b) => b.naive);
    return {
      floor: {
        textNodes: floor.nodes,
        chars: floor.chars,
        firstMs: floor.times[0],
        minMs: Math.min(...floor.times),
        medianMs: median(floor.times),
        runsMs: floor.times,
      },
      reader: {
        textNodesWithDigits: reader.digits,
        firstMs: reader.times[0],
        medianMs: median(reader.times),
        runsMs: reader.times,
      },
      naive: {
        runs: naiveRuns,
        medianMs: median(naiveRuns.map((r) => r.totalMs)),
        innerTextMs: median(naiveRuns.map((r) => r.innerTextMs)),
        findMs: median(naiveRuns.map((r) => r.findMs)),
        matches: naiveRuns[0]?.matches ?? null,
        chars: naiveRuns[0]?.chars ?? null,
      },
      burst: {
        rows: burstRuns[0]?.rows ?? null,
        runs: burstRuns,
        mutationMs: median(burstRuns.map((b) => b.mutationMs)),
        floorMs: median(burstRuns.map((b) => b.floorMs)),
        floorNodes: burstRuns[0]?.floorNodes ?? null,
        naiveMs: median(naiveBursts.map((b) => b.totalMs)),
        naiveMaxMs: max(naiveBursts.map((b) => b.totalMs)),
      },
    };
  } finally {
    await context.close();
  }
}
