// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BREAK, readSegment } from '../../../content-scripts/phone-scan/segment';

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
  it('reads a plain cell as it is, without copying', () => {
    const cell = block('+44 20 7946 0958');
    const segment = readSegment(cell);
    expect(segment.text).toBe('+44 20 7946 0958');
    expect(segment.pointAt(4)).toEqual({ node: cell.firstChild, offset: 4 });
    expect(segment.sameAs(readSegment(cell))).toBe(true);
    (cell.firstChild as Text).data = '+44 20 7946 0959';
    expect(segment.sameAs(readSegment(cell))).toBe(false);
  });

  it('joins text across inline elements and maps offsets back to each node', () => {
    const cell = block('<span>+39</span> <span>02 1234 5678</span>');
    const segment = readSegment(cell);
    expect(segment.text).toBe('+39 02 1234 5678');
    const first = cell.querySelector('span')!.firstChild as Text;
    const second = cell.querySelectorAll('span')[1]!.firstChild as Text;
    expect(segment.nodesBetween(first, second)).toEqual([first, cell.childNodes[1], second]);
    expect(segment.sameAs(readSegment(cell))).toBe(true);
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
    const segment = readSegment(cell, () => false, new Set([b]));
    expect(segment.text).toBe(`2024${BREAK}555 1234${BREAK}`);
    expect(segment.pointAt(5)).toEqual({ node: b.firstChild, offset: 0 });
  });
});
