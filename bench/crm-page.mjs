// Generated CRM pages for the scan benchmark: a contacts table of N rows full of numbers, only some of
// them phone numbers. Deterministic: the same seed gives the same page, byte for byte.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * HTML of `count` table rows, numbered from `first`. Self-contained (no outside references) because the
 * page gets its source too, to build the rows of a burst the same way.
 * @param {number} seed
 * @param {number} first
 * @param {number} count
 * @returns {string}
 */
export function rowsHtml(seed, first, count) {
  let state = (seed ^ Math.imul(first + 1, 0x9e3779b1)) >>> 0;
  // mulberry32
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const digits = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rand() * 10);
    return s;
  };
  const from = (chars) => chars[Math.floor(rand() * chars.length)];
  const pad = (n, w) => String(n).padStart(w, '0');
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

  const firstNames = [
    'Olivia',
    'Marcus',
    'Giulia',
    'Lukas',
    'Camille',
    'Jack',
    'Lucía',
    'Haruto',
    'Amara',
    'Noah',
    'Priya',
    'Mateo',
    'Sofia',
    'Chen',
    'Fatima',
    'Liam',
    'Ingrid',
    'Kwame',
    'Yuki',
    'Zoë',
  ];
  const lastNames = [
    'Bennett',
    'Reed',
    'Romano',
    'Schneider',
    'Laurent',
    'Thompson',
    'Fernández',
    'Sato',
    'Okafor',
    'Patel',
    'García',
    'Nguyen',
    'Kowalski',
    'Haddad',
    'Silva',
    'Johansson',
    'Müller',
    'Kim',
  ];
  const companies = [
    'Bennett & Co',
    'Reed Logistics',
    'Romano SpA',
    'Schneider GmbH',
    'Laurent SARL',
    'Thompson Pty',
    'Sato KK',
    'Acme Corp',
    'Globex',
    'Initech',
    'Umbrella Ltd',
    'Stark Industries',
  ];
  const owners = ['Sam', 'Ana', 'Lee', 'Ravi', 'Mia'];
  const statuses = ['New', 'Qualified', 'Won', 'Lost', 'On hold', 'Callback'];
  const cities = () =>
    pick([
      () => `Beverly Hills, CA ${pick(['90210', '90211'])}-${digits(4)}`,
      () => `Springfield, IL 627${digits(2)}`,
      () => `${pick(['75008', '69002', '13001'])} ${pick(['Paris', 'Lyon', 'Marseille'])}`,
      () => `London SW1A ${digits(1)}AA`,
      () => `${pick(['10115', '80331', '20095'])} ${pick(['Berlin', 'München', 'Hamburg'])}`,
      () => `${pick(['20121', '00184'])} ${pick(['Milano', 'Roma'])}`,
      () => `〒100-${digits(4)} 東京都千代田区`,
    ])();

  const us = () => {
    const area = pick(['212', '213', '312', '305', '404', '415', '503', '617', '646', '702', '713', '917']);
    const exchange = `${from('23456789')}${from('0123456789')}${from('23456789')}`;
    const line = digits(4);
    return pick([
      () => `(${area}) ${exchange}-${line}`,
      () => `${area}-${exchange}-${line}`,
      () => `${area}.${exchange}.${line}`,
      () => `+1 ${area} ${exchange} ${line}`,
      () => `1-${area}-${exchange}-${line}`,
      () => `+1 (${area}) ${exchange}-${line}`,
      () => `${area} ${exchange} ${line}`,
    ])();
  };
  const world = () =>
    pick([
      () => `+44 20 79${digits(2)} ${digits(4)}`,
      () => `+44 7911 ${digits(6)}`,
      () => `+49 30 ${digits(8)}`,
      () => `+49 151 ${digits(4)} ${digits(4)}`,
      () => `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
      () => `+33 1 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
      () => `+39 02 ${digits(4)} ${digits(4)}`,
      () => `+39 347 ${digits(3)} ${digits(4)}`,
      () => `+81 3-${digits(4)}-${digits(4)}`,
      () => `+81 90-${digits(4)}-${digits(4)}`,
      () => `+55 11 9${from('6789')}${digits(3)}-${digits(4)}`,
      () => `+91 98${digits(3)} ${digits(5)}`,
      () => `+61 4${digits(2)} ${digits(3)} ${digits(3)}`,
      () => `+34 6${digits(2)} ${digits(3)} ${digits(3)}`,
      () => `+52 55 ${digits(4)} ${digits(4)}`,
      () => `+31 6 ${digits(8)}`,
    ])();

  /** The phone cell: plain text mostly, sometimes a tel: link, split over spans, or with an extension. */
  const phoneCell = () => {
    const number = rand() < 0.6 ? us() : world();
    const roll = rand();
    if (roll < 0.08) return `<a href="tel:${number.replace(/[^\d+]/g, '')}">${number}</a>`;
    if (roll < 0.13 && number.startsWith('+')) {
      const space = number.indexOf(' ');
      return `<span class="cc">${number.slice(0, space)}</span> <span>${number.slice(space + 1)}</span>`;
    }
    if (roll < 0.18) return `${number} ${pick(['ext. ', 'x', '#'])}${digits(pick([2, 3, 4]))}`;
    return number;
  };
  const date = () => {
    const y = 2020 + Math.floor(rand() * 6);
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    return pick([
      () => `${y}-${pad(m, 2)}-${pad(d, 2)}`,
      () => `${pad(m, 2)}/${pad(d, 2)}/${y}`,
      () => `${pad(d, 2)}.${pad(m, 2)}.${y}`,
      () => `${y}-${pad(m, 2)}-${pad(d, 2)} ${pad(Math.floor(rand() * 24), 2)}:${from('012345')}${digits(1)}`,
      () =>
        `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}, ${y}`,
    ])();
  };
  const amount = () => {
    const whole = Math.floor(rand() * 2_000_000);
    const cents = digits(2);
    return pick([
      () => `$${whole.toLocaleString('en-US')}.${cents}`,
      () => `${whole.toLocaleString('de-DE')},${cents} €`,
      () => `£${whole.toLocaleString('en-GB')}.${cents}`,
      () => `USD ${whole}${cents}`,
      () => `¥${whole.toLocaleString('ja-JP')}`,
    ])();
  };
  const orderId = () =>
    pick([
      () => `ORD-2024-${digits(6)}`,
      () => `#${digits(8)}`,
      () => `INV-${digits(4)}-${digits(6)}`,
      () => `${digits(10)}`,
      () => `SO${digits(7)}`,
    ])();
  const note = () =>
    pick([
      () => '',
      () => '',
      () => `Follow-up ${date()}, ticket ${digits(10)}`,
      () => `Discount ${digits(1)}${digits(1)}.5% until ${date()}`,
      () => `Callback requested, ask for ${pick(firstNames)} on ${us()}`,
      () => `Card ending ${digits(4)} · IP 10.${digits(1)}.${digits(2)}.${digits(3)}`,
      () => `v${digits(1)}.${digits(1)}.${digits(2)} · ISBN 978-3-16-${digits(6)}-${digits(1)}`,
      () => `Shipped ${digits(2)} items, tracking 1Z${digits(16)}`,
    ])();

  let html = '';
  for (let i = first; i < first + count; i++) {
    const fn = pick(firstNames);
    const ln = pick(lastNames);
    const company = pick(companies);
    const mail = `${fn}.${ln}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    html +=
      `<tr><td><input type="checkbox" aria-label="Select"></td><td>${orderId()}</td>` +
      `<td><a href="/contact/${i}">${esc(`${fn} ${ln}`)}</a></td><td>${esc(company)}</td>` +
      `<td>${mail}@${company.toLowerCase().replace(/[^a-z]/g, '')}.example</td>` +
      `<td class="phone">${phoneCell()}</td><td>${esc(cities())}</td><td>${date()}</td>` +
      `<td class="num">${amount()}</td><td><span class="badge">${pick(statuses)}</span></td>` +
      `<td>${esc(note())}</td><td>${pick(owners)}</td></tr>\n`;
  }
  return html;
}

/**
 * The page's own script: `window.crmBench.burst(count)` (or a click on the "Replace rows" button) replaces
 * the first `count` table rows with new ones at once, like a list re-render or a page of results
 * arriving, and leaves a `crm-burst` performance measure of its own DOM work.
 * @param {number} seed
 * @param {number} burstRows
 */
function pageScript(seed, burstRows) {
  return `
const rowsHtml = ${rowsHtml.toString()};
let generation = 0;
window.crmBench = {
  /** Replaces the first \`count\` rows with new ones in one go; returns how many it replaced. */
  burst(count = ${burstRows}) {
    const t0 = performance.now();
    const tbody = document.querySelector('#contacts tbody');
    const rows = tbody.rows;
    const n = Math.min(count, rows.length);
    generation += 1;
    const template = document.createElement('template');
    template.innerHTML = rowsHtml(${seed} + generation * 7919, 0, n);
    const range = document.createRange();
    range.setStartBefore(rows[0]);
    range.setEndAfter(rows[n - 1]);
    range.deleteContents();
    tbody.insertBefore(template.content, tbody.firstChild);
    performance.measure('crm-burst', { start: t0, end: performance.now(), detail: { rows: n } });
    return n;
  },
};
// The same from a real click: the burst then runs in a task of the page's own, like a re-render would.
document.addEventListener('click', (event) => {
  if (event.target.id === 'crm-burst') window.crmBench.burst();
});
`;
}

const CSS = `body{font:13px/1.4 system-ui,sans-serif;margin:0;color:#222}
header{display:flex;gap:24px;align-items:center;padding:8px 16px;background:#1f3a5f;color:#fff}
header a{color:#cfe0ff;margin-right:12px}.layout{display:flex}
aside{width:180px;padding:12px;border-right:1px solid #ddd}aside a{display:block;margin:4px 0}
main{flex:1;padding:12px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;white-space:nowrap}
td.num{text-align:right}.badge{background:#eef;border-radius:8px;padding:0 6px}`;

/**
 * The whole page, as HTML.
 * @param {{ rows: number, seed: number, burstRows: number }} options
 */
export function crmPageHtml({ rows, seed, burstRows }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Contacts (${rows}) · Benchmark CRM</title>
<style>${CSS}</style>
<script>${pageScript(seed, burstRows)}</script>
</head>
<body>
<header><span class="brand">Benchmark CRM</span>
<nav><a href="#">Contacts</a><a href="#">Accounts</a><a href="#">Reports</a></nav>
<input type="search" placeholder="Search 555-0100 or name"></header>
<div class="layout">
<aside><button type="button" id="crm-burst">Replace ${burstRows.toLocaleString('en-US')} rows</button>
<a href="#">All contacts</a><a href="#">My open deals</a><p>Support: +1 (800) 555-0199</p>
<p>Build 2024.03.15 · v4.12.0</p></aside>
<main>
<h1>Contacts</h1>
<p>Showing ${rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} records · updated 03/15/2024 14:30</p>
<table id="contacts">
<thead><tr><th></th><th>Order</th><th>Name</th><th>Company</th><th>Email</th><th>Phone</th><th>City</th>
<th>Created</th><th>Amount</th><th>Status</th><th>Notes</th><th>Owner</th></tr></thead>
<tbody>
${rowsHtml(seed, 0, rows)}</tbody>
</table>
<footer>© 2024 Benchmark CRM · Terms · +44 20 7946 0958</footer>
</main>
</div>
</body>
</html>
`;
}

/**
 * Writes `crm-<rows>.html` for each size into `dir`.
 * @param {string} dir
 * @param {number[]} sizes
 * @param {number} seed
 * @param {number} burstRows
 * @returns {{ rows: number, file: string, path: string, bytes: number }[]}
 */
export function writeCrmPages(dir, sizes, seed, burstRows) {
  return sizes.map((rows) => {
    const file = `crm-${rows}.html`;
    const html = crmPageHtml({ rows, seed, burstRows });
    writeFileSync(join(dir, file), html);
    return { rows, file, path: `/${file}`, bytes: Buffer.byteLength(html) };
  });
}
