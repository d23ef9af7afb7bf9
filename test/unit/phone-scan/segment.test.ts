// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BREAK, READ_LIMIT, readSegment } from '../../../content-scripts/phone-scan/segment';

function block(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

/** The DOM text between two segment offsets, read back through the offset map. */
function domText(segment: ReturnType<typeof readSegment>, start: number, end: number): string {
  const range = document.createRange();
  const from = segment.pointAt(start);
  const to = segment.pointAfter(end);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.toString();
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readSegment', () => {
  it('reads a plain cell as it is', () => {
    const cell = block('+44 20 7946 0958');
    const segment = readSegment(cell);
    expect(segment.text).toBe('+44 20 7946 0958');
    expect(segment.pointAt(4)).toEqual({ node: cell.firstChild, offset: 4 });
    expect([segment.cutStart, segment.cutEnd, segment.textNodes]).toEqual([false, false, 1]);
  });

  it('joins text across inline elements and maps offsets back to each node', () => {
    const cell = block('<span>+39</span> <span>02 1234 5678</span>');
    const segment = readSegment(cell);
    expect(segment.text).toBe('+39 02 1234 5678');
    const first = cell.querySelector('span')!.firstChild as Text;
    const second = cell.querySelectorAll('span')[1]!.firstChild as Text;
    expect(segment.nodesBetween(first, second)).toEqual([first, cell.childNodes[1], second]);
    expect(segment.pointAt(4)).toEqual({ node: second, offset: 0 });
    expect(segment.pointAfter(16)).toEqual({ node: second, offset: 12 });
    expect(domText(segment, 0, 16)).toBe('+39 02 1234 5678');
  });

  it('collapses source indentation the way HTML renders it, keeping the map exact', () => {
    const cell = block('\n      <b>(415)</b>\n      555-0132\n    ');
    const segment = readSegment(cell);
    expect(segment.text).toBe('(415) 555-0132 ');
    const start = segment.text.indexOf('(');
    expect(domText(segment, start, start + 14).replace(/\s+/g, ' ')).toBe('(415) 555-0132');
    expect(segment.pointAt(start)).toEqual({ node: cell.querySelector('b')!.firstChild, offset: 0 });
  });

  it('turns tabs and newlines inside a number into spaces', () => {
    expect(readSegment(block('555\t0132')).text).toBe('555 0132');
  });

  it('breaks the line at child blocks, <br> and skipped inline elements', () => {
    expect(readSegment(block('555<div>x</div>0132')).text).toBe(`555${BREAK}0132`);
    expect(readSegment(block('555<br>0132')).text).toBe(`555${BREAK}0132`);
    expect(readSegment(block('555<span contenteditable="">12</span>0132')).text).toBe(`555${BREAK}0132`);
    expect(readSegment(block('call <a href="tel:+15550132">555 0132</a> now')).text).toBe(`call ${BREAK}now`);
    expect(readSegment(block('555<my-cell>1</my-cell>0132')).text).toBe(`555${BREAK}0132`);
  });

  it('reads through <wbr> and formatting elements without a break', () => {
    expect(readSegment(block('+1 415<wbr>555<em>0132</em>')).text).toBe('+1 4155550132');
  });

  it('skips the elements the caller says to skip', () => {
    const cell = block('<span class="a">2024</span><span class="b">555 1234</span>');
    const b = cell.querySelector('.b')!;
    expect(readSegment(cell, (el) => el === b).text).toBe(`2024${BREAK}`);
  });

  it('reads elements that do not render inline apart from their neighbours', () => {
    const cell = block('<span class="a">2024</span><span class="b">555 1234</span>');
    const b = cell.querySelector('.b')!;
    const segment = readSegment(cell, () => false, undefined, new Set([b]));
    expect(segment.text).toBe(`2024${BREAK}555 1234`);
    expect(segment.pointAt(5)).toEqual({ node: b.firstChild, offset: 0 });
  });

  it('reads the same around an anchor as from the start, when the block is small', () => {
    const cell = block('Tel: <span>+39</span> <span>02 4869 1234</span><div>x</div> (office)');
    const anchor = { node: cell.querySelectorAll('span')[1]!.firstChild! };
    expect(readSegment(cell, undefined, anchor).text).toBe(readSegment(cell).text);
    expect(readSegment(cell, undefined, anchor).text).toBe(`Tel: +39 02 4869 1234${BREAK}(office)`);
  });
});

describe('reading a big block', () => {
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `<span>note ${i % 10} lorem ipsum</span> `).join('');

  it('reads a window around the anchor, never more than the limit', () => {
    const para = block(`${filler(2000)}<b id="at">+44 20 7946 0958</b> ${filler(2000)}`);
    const anchor = { node: para.querySelector('#at')!.firstChild! };
    const segment = readSegment(para, undefined, anchor);
    expect(segment.text.length).toBeLessThanOrEqual(READ_LIMIT.chars);
    expect(segment.text).toContain('+44 20 7946 0958');
    expect([segment.cutStart, segment.cutEnd]).toEqual([true, true]);
    expect(segment.textNodes).toBeLessThan(500);
  });

  it('without an anchor, reads from the start up to the limit', () => {
    const para = block(filler(4000));
    const segment = readSegment(para);
    expect(segment.text.length).toBeLessThanOrEqual(READ_LIMIT.chars);
    expect([segment.cutStart, segment.cutEnd]).toEqual([false, true]);
  });

  it('bounds the nodes stepped over, not only the text (a table body of many rows)', () => {
    const rows = block(Array.from({ length: 5000 }, () => '<div></div>').join(''));
    const segment = readSegment(rows);
    expect(segment.cutEnd).toBe(true);
    expect(segment.text).toBe(BREAK);
  });

  it('reads a window of one huge text node around the offset', () => {
    const text = `${'lorem ipsum '.repeat(2000)}+44 20 7946 0958 ${'lorem ipsum '.repeat(2000)}`;
    const pre = block(text);
    const offset = text.indexOf('+44');
    const segment = readSegment(pre, undefined, { node: pre.firstChild!, offset });
    expect(segment.text.length).toBe(READ_LIMIT.chars);
    expect(segment.text).toContain('+44 20 7946 0958');
    expect(segment.pointAt(segment.text.indexOf('+44'))).toEqual({ node: pre.firstChild, offset });
  });

  it('reads a tel: link under the pointer as the break it stands for', () => {
    const cell = block('555 0199 <a href="tel:+15550132"><span>555 0132</span></a> 555 0100');
    const anchor = { node: cell.querySelector('span')!.firstChild! };
    expect(readSegment(cell, undefined, anchor).text).toBe(`555 0199 ${BREAK}555 0100`);
  });
});
