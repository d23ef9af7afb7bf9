// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { e164s, makeLookup, numbersAt } from './helpers';

/* What a lookup reads: the block of the element pointed at or focused, and nothing it must leave alone. */

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('which text a lookup reads', () => {
  it('finds numbers in ordinary text, cells and links to records', () => {
    document.body.innerHTML = `
      <p>Call us on +44 20 7946 0958.</p>
      <table><tr><td>(415) 555-0132</td><td><a href="/record/7">+39 02 4869 1234</a></td></tr></table>`;
    expect(numbersAt('p, td, a')).toEqual([
      { raw: '+44 20 7946 0958', e164: '+442079460958', rangeText: '+44 20 7946 0958' },
      { raw: '(415) 555-0132', e164: '+14155550132', rangeText: '(415) 555-0132' },
      { raw: '+39 02 4869 1234', e164: '+390248691234', rangeText: '+39 02 4869 1234' },
      // The link is inline: pointing at it reads its cell.
      { raw: '+39 02 4869 1234', e164: '+390248691234', rangeText: '+39 02 4869 1234' },
    ]);
  });

  it('skips form fields, editors, code, styles, templates, vector graphics and our own UI', () => {
    document.head.innerHTML = '<title>+44 20 7946 0958</title><style>/* +44 20 7946 0958 */</style>';
    document.body.innerHTML = `
      <input value="+44 20 7946 0958">
      <textarea>+44 20 7946 0958</textarea>
      <select><option>+44 20 7946 0958</option></select>
      <div contenteditable="true"><p>+44 20 7946 0958</p></div>
      <div contenteditable=""><span>+44 20 7946 0958</span></div>
      <div contenteditable="plaintext-only">+44 20 7946 0958</div>
      <script>var tel = "+44 20 7946 0958";</script>
      <noscript>+44 20 7946 0958</noscript>
      <template><p>+44 20 7946 0958</p></template>
      <svg><text>+44 20 7946 0958</text></svg>
      <math><mn>+44 20 7946 0958</mn></math>
      <softbar-agent-bar><span>+44 20 7946 0958</span></softbar-agent-bar>
      <p id="only">Only this one: (415) 555-0132</p>`;
    const everything = [...document.querySelectorAll('*')];
    expect(e164s(numbersAt(everything.filter((element) => element.id !== 'only')))).toEqual([]);
    expect(e164s(numbersAt('#only'))).toEqual(['+14155550132']);
  });

  it('reads contenteditable="false" islands outside editors, and aria-hidden text (it is visible)', () => {
    document.body.innerHTML = `
      <div contenteditable="false">+44 20 7946 0958</div>
      <div aria-hidden="true">(415) 555-0132</div>`;
    expect(e164s(numbersAt('div'))).toEqual(['+442079460958', '+14155550132']);
  });

  it('leaves the text of tel:, callto: and sip: links to the links (their href is the number)', () => {
    document.body.innerHTML = `
      <p><a href="tel:+442079460958">+44 20 7946 0958</a></p>
      <p><a href="callto:+14155550132">(415) 555-0132</a></p>
      <p><a href="sip:+390248691234@pbx.example">+39 02 4869 1234</a></p>`;
    expect(numbersAt('p, a')).toEqual([]);
  });

  it('does not find dates, amounts, ids or short digit runs', () => {
    document.body.innerHTML = `
      <table><tr><td>2024-03-15</td><td>$1,234.56</td><td>42</td><td>INV-2024-000123</td><td>10:30</td></tr></table>`;
    expect(numbersAt('td')).toEqual([]);
  });

  it('skips excluded selectors, inside and around the excluded element', () => {
    document.body.innerHTML = `
      <section class="private"><table><tr><td>+44 20 7946 0958</td></tr></table></section>
      <p>Fax: <span class="fax">+39 02 4869 1234</span> Phone: (415) 555-0132</p>
      <div id="notes"><p>+61 2 9876 5432</p></div>`;
    expect(e164s(numbersAt('td, p, span', { excludeSelector: '.private,.fax,#notes' }))).toEqual([
      '+14155550132',
      '+14155550132',
    ]);
  });

  it('reads the page as it is now: no index to go stale', () => {
    document.body.innerHTML = '<table><tbody><tr><td id="cell">2024-03-15</td></tr></tbody></table>';
    const lookup = makeLookup();
    const cell = document.getElementById('cell')!;
    expect(lookup.numbersOf(cell)).toEqual([]);
    cell.textContent = '+44 20 7946 0958';
    expect(lookup.numbersOf(cell).map((n) => n.e164)).toEqual(['+442079460958']);
    cell.setAttribute('contenteditable', 'true');
    expect(lookup.numbersOf(cell)).toEqual([]);
  });
});

describe('numbers split over inline elements', () => {
  it('finds "+39" and "02 1234 5678" in separate spans as one number, with a range over both', () => {
    document.body.innerHTML = '<p>Tel: <span>+39</span> <span>02 4869 1234</span> (office)</p>';
    expect(numbersAt('span:last-child')).toEqual([
      { raw: '+39 02 4869 1234', e164: '+390248691234', rangeText: '+39 02 4869 1234' },
    ]);
  });

  it('finds a bold area code followed by plain text, across source line breaks', () => {
    document.body.innerHTML = '<div>\n  <b>(415)</b>\n  555-0132\n</div>';
    expect(numbersAt('b')).toEqual([
      { raw: '(415) 555-0132', e164: '+14155550132', rangeText: '(415)\n  555-0132' },
    ]);
  });

  it('does not join text across cells, blocks or line breaks', () => {
    document.body.innerHTML = `
      <table><tr><td>+44 20</td><td>7946 0958</td></tr></table>
      <div><div>(415)</div><div>555-0132</div></div>
      <p>+39 02<br>4869 1234</p>`;
    expect(numbersAt('td, div, p')).toEqual([]);
  });

  it('reads several numbers in one block, in order', () => {
    document.body.innerHTML = '<p>Main <b>+44 20 7946 0958</b>, mobile <i>(415)</i> 555-0132.</p>';
    expect(e164s(numbersAt('p'))).toEqual(['+442079460958', '+14155550132']);
  });
});

describe('split numbers the page does not render on one line', () => {
  it('reads spans styled as blocks apart, so neighbouring cells do not make a number', () => {
    document.body.innerHTML = '<div class="row"><span>+39</span><span>02 4869 1234</span></div>';
    expect(e164s(numbersAt('.row'))).toEqual(['+390248691234']);
    document.body.innerHTML =
      '<div class="row"><span style="display:block">+39</span><span style="display:block">02 4869 1234</span></div>';
    expect(numbersAt('.row')).toEqual([]);
  });

  it('still finds a number inside one such span', () => {
    document.body.innerHTML =
      '<div><span style="display:block">2024</span><span style="display:block">+39 02 4869 1234</span></div>';
    expect(e164s(numbersAt('div'))).toEqual(['+390248691234']);
  });
});

describe('cells whose text sits inside inline wrappers', () => {
  it('reads a number inside a link and a span as the cell text, with the range on the text node', () => {
    document.body.innerHTML =
      '<table><tr><td><a href="/contacts/7"><span>+44 20 7946 0958</span></a></td></tr></table>';
    expect(numbersAt('span')).toEqual([
      { raw: '+44 20 7946 0958', e164: '+442079460958', rangeText: '+44 20 7946 0958' },
    ]);
  });

  it('does not read through an editable or excluded wrapper', () => {
    document.body.innerHTML = `
      <table><tr><td><span contenteditable="true">+44 20 7946 0958</span></td></tr></table>
      <table><tr><td><span class="secret">(415) 555-0132</span></td></tr></table>`;
    expect(numbersAt('td, span', { excludeSelector: '.secret' })).toEqual([]);
  });
});
