// The printed table and the verdict on each target. Targets never fail the run: they print MISSED.
import { ratio } from './stats.mjs';

const ms = (v, digits = 1) => (v === null || v === undefined ? '—' : `${v.toFixed(digits)}`);
const times = (v) => (v === null || v === undefined ? '—' : `${v < 10 ? v.toFixed(2) : v.toFixed(1)}x`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const label = (rows) => (rows >= 1000 && rows % 1000 === 0 ? `${rows / 1000}k` : String(rows));

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Target limits, also written to the JSON so a reader knows what OK meant. */
export const TARGETS = {
  oursOverFloor: 3,
  longestTaskMs: 50,
  /** Burst cost on the biggest page over the smallest: "roughly constant". */
  burstGrowth: 2,
  /** Burst cost below which growth is noise. */
  burstNoiseMs: 1,
};

function initialTable(pages) {
  return table(
    [
      'page',
      'text nodes',
      'floor',
      'reader',
      'ours',
      'ours/floor',
      'ours/reader',
      'naive',
      'naive/ours',
      'longest task*',
    ],
    pages.map(({ rows, plain, ours }) => {
      const i = ours.initial;
      return [
        label(rows),
        plain.floor.textNodes,
        ms(plain.floor.medianMs, 2),
        ms(plain.reader?.medianMs, 2),
        ms(i?.sliceMs, 2),
        times(ratio(i?.sliceMs, plain.floor.medianMs)),
        times(ratio(i?.sliceMs, plain.reader?.medianMs)),
        ms(plain.naive.medianMs),
        times(ratio(plain.naive.medianMs, i?.sliceMs)),
        ms(i?.longestTaskWithOursMs),
      ];
    }),
  );
}

function hoverTable(pages) {
  return table(
    [
      'page',
      'cells hovered',
      'Call offered',
      'lookups',
      'median',
      'max',
      'text nodes/lookup',
      'floor',
      'longest task*',
    ],
    pages.map(({ rows, plain, ours }) => {
      const h = ours.hover;
      return [
        label(rows),
        h?.cells ?? '—',
        h?.offered ?? '—',
        h?.lookups ?? '—',
        ms(h?.medianMs, 2),
        ms(h?.maxMs, 2),
        ms(h?.textNodesPerLookup, 1),
        ms(plain.floor.medianMs, 2),
        ms(h?.longestTaskWithOursMs),
      ];
    }),
  );
}

function burstTable(pages) {
  return table(
    ['page', 'page DOM', 'floor', 'ours', 'ours/floor', 'naive rerun', 'max slice', 'longest task*'],
    pages.map(({ rows, plain, ours }) => {
      const b = ours.burst;
      return [
        label(rows),
        ms(b?.mutationMs ?? plain.burst.mutationMs),
        ms(plain.burst.floorMs, 2),
        ms(b?.sliceMs, 2),
        times(ratio(b?.sliceMs, plain.burst.floorMs)),
        ms(plain.burst.naiveMs),
        ms(b?.maxSliceMs, 2),
        ms(b?.longestTaskWithOursMs),
      ];
    }),
  );
}

/** OK / MISSED / null (not measured), knowing that an incomplete measure is a lower bound. */
function verdict(value, limit, complete, inclusive = false) {
  if (value === null || value === undefined) return null;
  const over = inclusive ? value > limit : value >= limit;
  if (over) return false;
  return complete ? true : null;
}

function targetsOf(pages) {
  const targets = [];
  for (const p of pages) {
    const i = p.ours.initial;
    const r = ratio(i?.sliceMs, p.plain.floor.medianMs);
    targets.push({
      name: `initial scan (setup) within ${TARGETS.oursOverFloor}x the floor (${label(p.rows)} page)`,
      ok: verdict(r, TARGETS.oursOverFloor, i?.complete, true),
      detail:
        r === null
          ? 'not measured'
          : `${times(r)} (${ms(i.sliceMs, 2)} ms vs ${ms(p.plain.floor.medianMs, 2)} ms)`,
    });
  }
  const biggest = pages.at(-1);
  if (biggest) {
    const { initial, hover, burst } = biggest.ours;
    const parts = [
      ['setup', initial?.sliceMs],
      ['setup long task with ours', initial?.longestTaskWithOursMs],
      ['hover max lookup', hover?.maxMs],
      ['hover long task with ours', hover?.longestTaskWithOursMs],
      ['burst max slice', burst?.maxSliceMs],
      ['burst long task with ours', burst?.longestTaskWithOursMs],
    ].filter(([, v]) => v !== null && v !== undefined);
    const worst = parts.length ? Math.max(...parts.map(([, v]) => v)) : null;
    targets.push({
      name: `no task of ours over ${TARGETS.longestTaskMs} ms on the ${label(biggest.rows)} page`,
      ok: verdict(worst, TARGETS.longestTaskMs, true),
      detail: worst === null ? 'not measured' : parts.map(([n, v]) => `${n} ${ms(v, 2)} ms`).join(', '),
    });
  }
  const smallest = pages[0];
  if (smallest && biggest && smallest !== biggest) {
    const big = biggest.ours.burst?.sliceMs;
    const small = smallest.ours.burst?.sliceMs;
    // Under a millisecond is noise (and 0 / 0 no ratio): flat.
    const limit = Math.max(TARGETS.burstGrowth * (small ?? 0), TARGETS.burstNoiseMs);
    targets.push({
      name: `burst cost flat as the page grows (${label(biggest.rows)} ≤ ${TARGETS.burstGrowth}x ${label(smallest.rows)}, or under ${TARGETS.burstNoiseMs} ms)`,
      ok: big === null || big === undefined ? null : big <= limit,
      detail:
        big === null || big === undefined
          ? 'not measured'
          : pages.map((p) => `${label(p.rows)}: ${ms(p.ours.burst?.sliceMs, 2)} ms`).join(', '),
    });
  }
  return targets;
}

/**
 * @param {{ pages: any[], size: any }} result
 * @returns {{ text: string, targets: { name: string, ok: boolean | null, detail: string }[] }}
 */
export function report(result) {
  const { pages, size } = result;
  const out = [];
  out.push('Initial scan: our setup, start to idle mark (median of repetitions; ms of main-thread time)');
  out.push(initialTable(pages));
  out.push('* longest browser long task (≥ 50 ms) that contains work of ours; 0 = none');
  out.push('');
  out.push(
    'Hover lookup: one mouse move onto each of the first phone cells on screen (ms per lookup; median of the loads, max of all)',
  );
  out.push(hoverTable(pages));
  out.push('');
  out.push(
    `Burst: the page replaces ${pages[0]?.plain.burst.rows ?? '?'} rows at once, pointer at rest; our work in the burst and the 0.5 s after (median of all bursts)`,
  );
  out.push(burstTable(pages));
  if (size) {
    out.push('');
    out.push(
      `Content script: ${kb(size.totals.eager.bytes)} (${kb(size.totals.eager.gzip)} gzip) on every page, in ` +
        `${size.totals.eager.files} files; scanner loaded lazily: ${kb(size.totals.lazy.bytes)} ` +
        `(${kb(size.totals.lazy.gzip)} gzip) in ${size.totals.lazy.files} files`,
    );
  }
  const targets = targetsOf(pages);
  out.push('');
  out.push('Targets');
  for (const t of targets) {
    const word = t.ok === null ? 'NOT MEASURED' : t.ok ? 'OK' : 'MISSED';
    out.push(`  ${word.padEnd(12)} ${t.name}: ${t.detail}`);
  }
  return { text: out.join('\n'), targets };
}
