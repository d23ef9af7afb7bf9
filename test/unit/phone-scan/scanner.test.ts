// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { found, makeScanner, scanPage } from './helpers';

const PHONES = [
  '+44 20 7946 0958',
  '(415) 555-0132',
  '+39 02 4869 1234',
  '+49 30 12345678',
  '+33 1 70 36 39 50',
];

function row(i: number): string {
  return `<tr><td>Contact ${i}</td><td>${PHONES[i % PHONES.length]}</td><td>2024-03-${String((i % 28) + 1).padStart(2, '0')}</td><td>$${i}.00</td></tr>`;
}

/** A <tr> parsed in table context (happy-dom parses a lone "<tr>" as text). */
function tr(html: string): HTMLTableRowElement {
  const holder = document.createElement('table');
  holder.innerHTML = `<tbody>${html}</tbody>`;
  return holder.querySelector('tr')!;
}

function table(rows: number): HTMLTableSectionElement {
  document.body.innerHTML = `<table><tbody>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</tbody></table>`;
  return document.querySelector('tbody')!;
}

/** A scanner watching the document, whose mutations the test hands over explicitly. */
function watched(options: { excludeSelector?: string } = {}) {
  const parts = makeScanner(options);
  const observer = new MutationObserver(() => {});
  observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  const flush = () => {
    const records = observer.takeRecords();
    if (records.length > 0) parts.scanner.takeMutations(records);
  };
  const finish = () => {
    flush();
    parts.scanner.run(() => false);
  };
  return { ...parts, flush, finish, disconnect: () => observer.disconnect() };
}

/** An `outOfTime` that says yes after `checks` questions: a slice of a known size. */
function sliceOf(checks: number): () => boolean {
  let left = checks;
  return () => --left < 0;
}

let disconnect: (() => void) | undefined;
beforeEach(() => {
  disconnect = undefined;
});
afterEach(() => {
  disconnect?.();
  document.body.innerHTML = '';
});

describe('the scan in slices', () => {
  it('stops when out of time and goes on from where it stopped', () => {
    table(600);
    const { store, scanner } = makeScanner();
    scanner.scanTree(document.documentElement);
    let slices = 1;
    while (!scanner.run(sliceOf(3))) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(store.numberCount).toBe(600);
    expect(found(store)).toEqual(scanPage());
  });

  it('goes on correctly when the page removed the rows around where it stopped', () => {
    const tbody = table(400);
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    expect(w.scanner.run(sliceOf(2))).toBe(false);
    expect(w.store.numberCount).toBeGreaterThan(0);
    expect(w.store.numberCount).toBeLessThan(400);
    // Drop every row read so far and a few after: the node the walk stopped at is gone.
    const readRows = w.store.numberCount;
    for (let i = 0; i < readRows + 5; i++) tbody.firstElementChild!.remove();
    w.flush();
    while (!w.scanner.run(sliceOf(2))) {}
    expect(w.store.numberCount).toBe(400 - readRows - 5);
    expect(found(w.store)).toEqual(scanPage());
  });

  it('finds rows added while the first scan is still under way', () => {
    const tbody = table(300);
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.scanner.run(sliceOf(2));
    tbody.prepend(tr('<tr><td>New</td><td>+61 2 9876 5432</td></tr>'));
    tbody.append(tr('<tr><td>Newer</td><td>+81 3-1234-5678</td></tr>'));
    w.finish();
    expect(w.store.numberCount).toBe(302);
    expect(found(w.store)).toEqual(scanPage());
  });
});

describe('mutations', () => {
  it('takes a burst of many records a slice at a time', () => {
    const tbody = table(0);
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    for (let i = 0; i < 500; i++) tbody.append(tr(row(i)));
    w.flush();
    let slices = 1;
    while (!w.scanner.run(sliceOf(1))) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(w.store.numberCount).toBe(500);
  });

  it('re-reads only what changed when rows are replaced', () => {
    const tbody = table(2000);
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    expect(w.store.numberCount).toBe(2000);
    const before = { ...w.scanner.stats };

    // Replace 100 rows, the way a paginated grid or a list refresh does.
    const rows = Array.from(tbody.children).slice(500, 600);
    for (const [i, old] of rows.entries()) {
      old.replaceWith(tr(row(10_000 + i)));
    }
    w.finish();

    expect(w.store.numberCount).toBe(2000);
    const walked = w.scanner.stats.textNodes - before.textNodes;
    const read = w.scanner.stats.blocksRead - before.blocksRead;
    // 100 rows of 4 cells, all with digits: what changed, not the 2000 rows of the page.
    expect(walked).toBeLessThanOrEqual(100 * 4);
    expect(read).toBeLessThanOrEqual(100 * 4);
    expect(found(w.store)).toEqual(scanPage());
  });

  it('forgets the numbers of removed rows', () => {
    const tbody = table(50);
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    for (const old of Array.from(tbody.children).slice(0, 20)) old.remove();
    w.finish();
    expect(w.store.numberCount).toBe(30);
    expect(w.store.blockCount).toBe(30);
    tbody.replaceChildren();
    w.finish();
    expect(w.store.numberCount).toBe(0);
  });

  it('re-reads a block whose text changed in place', () => {
    document.body.innerHTML = '<p id="p">Phone: <b>+44 20 7946 0958</b></p>';
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    const text = document.querySelector('b')!.firstChild as Text;
    text.data = 'unknown';
    w.finish();
    expect(found(w.store)).toEqual([]);
    text.data = '(415) 555-0132';
    w.finish();
    expect(found(w.store).map((n) => n.e164)).toEqual(['+14155550132']);
  });

  it('notices a number completed by inline content added next to it', () => {
    document.body.innerHTML = '<p id="p"><span>+39</span> </p>';
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    expect(found(w.store)).toEqual([]);
    const more = document.createElement('span');
    more.textContent = '02 4869 1234';
    document.getElementById('p')!.append(more);
    w.finish();
    expect(found(w.store)).toEqual([
      { raw: '+39 02 4869 1234', e164: '+390248691234', rangeText: '+39 02 4869 1234' },
    ]);
    more.remove();
    w.finish();
    expect(found(w.store)).toEqual([]);
  });

  it('keeps the numbers of rows that were only moved, without building them again', () => {
    const tbody = table(200);
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    const entries = new Map([...w.store.entries()]);
    const rows = Array.from(tbody.children);
    rows.reverse();
    tbody.append(...rows);
    w.finish();
    expect(w.store.numberCount).toBe(200);
    for (const [block, entry] of w.store.entries()) expect(entries.get(block)).toBe(entry);
    expect(found(w.store)).toEqual(scanPage());
  });

  it('keeps excluding excluded areas for content added later', () => {
    document.body.innerHTML = '<div class="private"></div><div class="public"></div>';
    const w = watched({ excludeSelector: '.private' });
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    document.querySelector('.private')!.innerHTML = '<p>+44 20 7946 0958</p>';
    document.querySelector('.public')!.innerHTML = '<p>(415) 555-0132</p>';
    (document.querySelector('.private p')!.firstChild as Text).data = '+39 02 4869 1234';
    w.finish();
    expect(found(w.store).map((n) => n.e164)).toEqual(['+14155550132']);
  });

  it('ignores our own elements being added', () => {
    document.body.innerHTML = '<p>nothing</p>';
    const w = watched();
    disconnect = w.disconnect;
    w.scanner.scanTree(document.documentElement);
    w.finish();
    const ours = document.createElement('softbar-phone-layer');
    ours.textContent = '+44 20 7946 0958';
    document.documentElement.append(ours);
    w.finish();
    ours.remove();
    expect(w.store.numberCount).toBe(0);
  });
});
