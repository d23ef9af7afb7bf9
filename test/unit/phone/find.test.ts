import {
  type CountryCode,
  findPhoneNumbersInText,
  getCountries,
  getExampleNumber,
  parsePhoneNumberFromString as parseWithMin,
} from 'libphonenumber-js';
import { parsePhoneNumberFromString as parseWithMax } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, type PhoneMatch } from '../../../src/core/phone/find';
import { fold } from '../../../src/core/phone/find/chars';
import { extensionAt } from '../../../src/core/phone/find/extension';
import { type Case, corpus } from './corpus';
import { formatScore, score } from './score';

const find = (text: string, region?: string): PhoneMatch[] =>
  findPhoneNumbers(text, { defaultRegion: region });
const e164s = (text: string, region?: string): string[] => find(text, region).map((m) => m.e164);

/** libphonenumber-js's own finder, reduced to E.164 numbers (`;ext=` appended as ours does). */
const libE164s = (text: string, region: string | undefined): string[] =>
  findPhoneNumbersInText(text, { defaultCountry: region as CountryCode | undefined }).map((m) =>
    m.number.ext ? `${m.number.number};ext=${m.number.ext}` : m.number.number,
  );

/** The matches a case expects: each raw at its first occurrence after the previous one. */
function expectedMatches(c: Case): PhoneMatch[] {
  let cursor = 0;
  return c.expected.map(([raw, e164]) => {
    const start = c.text.indexOf(raw, cursor);
    cursor = start + raw.length;
    return { start, end: cursor, raw, e164 };
  });
}

/** Invariants every result must hold, whatever the text. */
function checkInvariants(text: string, matches: PhoneMatch[]): void {
  let previousEnd = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(previousEnd); // in order, no overlap
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.raw).toBe(text.slice(m.start, m.end));
    expect(m.e164).toMatch(/^\+[1-9]\d{6,14}(;ext=\d{1,7})?$/);
    previousEnd = m.end;
  }
}

/** A small deterministic PRNG (mulberry32), so fuzz failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('phone corpus', () => {
  it('is broad: 300+ cases, 25+ regions, positives and negatives', () => {
    const regions = new Set(corpus.map((c) => c.region));
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(regions.size).toBeGreaterThanOrEqual(25);
    expect(corpus.filter((c) => c.expected.length > 0).length).toBeGreaterThanOrEqual(150);
    expect(corpus.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(150);
  });

  it('expects only real numbers (valid with the full "max" metadata), written as they appear', () => {
    for (const c of corpus) {
      for (const [raw, e164] of c.expected) {
        expect(c.text, raw).toContain(raw);
        expect(parseWithMax(e164.split(';')[0]!)?.isValid(), `${e164} in ${c.text}`).toBe(true);
      }
      for (const m of expectedMatches(c)) expect(m.start, m.raw).toBeGreaterThanOrEqual(0);
    }
  });

  it.each(corpus.map((c, i) => [i, c.region ?? 'no region', c.text, c] as const))(
    '#%i %s: %s',
    (_i, _region, _text, c) => {
      expect(find(c.text, c.region)).toEqual(expectedMatches(c));
    },
  );
});

describe('findPhoneNumbers properties', () => {
  it('keeps raw === text.slice(start, end), order and no overlap on every corpus text and region', () => {
    const regions = ['US', 'GB', 'IT', 'DE', 'FR', 'JP', 'BR', 'IN', undefined];
    for (const c of corpus)
      for (const region of [c.region, ...regions]) checkInvariants(c.text, find(c.text, region));
  });

  it('keeps the invariants on random text (fuzz), deterministically', () => {
    const alphabet = [
      ...'0123456789012345678901234567890123456789',
      ...'  -- .. // () + x # : , ; % € $',
      ...'abcTelOrdr#ext',
      ...'電話まで注文',
      '０',
      '５',
      '＋',
      '\u00a0',
      '–',
      '\n',
    ];
    const next = rng(42);
    const regions = ['US', 'GB', 'IT', 'DE', 'FR', 'ES', 'JP', 'CN', 'BR', 'IN', 'RU', 'DK', undefined];
    for (let i = 0; i < 3000; i++) {
      const length = 5 + Math.floor(next() * 60);
      let text = '';
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      const region = regions[i % regions.length];
      const first = find(text, region);
      checkInvariants(text, first);
      expect(find(text, region)).toEqual(first); // the validation cache changes nothing
    }
  });

  it('finds the same numbers, at the same offsets, in fullwidth digits and plus signs', () => {
    const widen = (s: string) =>
      s.replace(/[0-9+]/g, (ch) => String.fromCharCode(ch === '+' ? 0xff0b : 0xff10 + ch.charCodeAt(0) - 48));
    for (const c of corpus) {
      const wide = widen(c.text);
      const got = find(wide, c.region).map(({ start, end, e164 }) => ({ start, end, e164 }));
      expect(got, c.text).toEqual(
        find(c.text, c.region).map(({ start, end, e164 }) => ({ start, end, e164 })),
      );
    }
  });

  it('finds the same numbers when the text is padded or glued to CJK text', () => {
    for (const c of corpus) {
      const plain = e164s(c.text, c.region);
      expect(e164s(`  ${c.text}  `, c.region), c.text).toEqual(plain);
      if (c.expected.length === 1 && c.text === c.expected[0]![0]) {
        expect(e164s(`連絡先${c.text}まで`, c.region), c.text).toEqual(plain);
      }
    }
  });

  it('finds the example number of every region, national and international, after a label', () => {
    const missed: string[] = [];
    let tried = 0;
    for (const region of getCountries()) {
      const example = getExampleNumber(region, examples);
      if (!example || !parseWithMin(example.number)?.isValid()) continue;
      const forms: [string, string | undefined][] = [
        [`Tel: ${example.formatNational()}`, region],
        [`Tel: ${example.formatInternational()}`, region],
        [`Mobile ${example.formatInternational()}, thanks`, undefined],
        [`${example.number}`, 'US'],
      ];
      for (const [text, defaultRegion] of forms) {
        tried++;
        const got = e164s(text, defaultRegion);
        if (got.length !== 1 || got[0] !== example.number)
          missed.push(`${region} ${text} -> ${got.join(' ')}`);
      }
    }
    if (missed.length) console.log(`missed ${missed.length}/${tried}:\n  ${missed.join('\n  ')}`);
    expect(tried).toBeGreaterThan(800);
    expect(missed).toEqual([]);
  });

  it('finds nothing in generated dates, times, IPs, amounts, cards, ISBNs and ids, in any region', () => {
    const next = rng(7);
    const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    const makers: (() => string)[] = [
      () => `${int(1990, 2035)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
      () => `${pad(int(1, 28), 2)}.${pad(int(1, 12), 2)}.${int(1990, 2035)}`,
      () => `${pad(int(1, 12), 2)}/${pad(int(1, 28), 2)}/${int(1990, 2035)}`,
      () => `${int(1990, 2035)}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`,
      () =>
        `${int(1990, 2035)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)} ${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}`,
      () => `${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}`,
      () => `${int(1, 255)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
      () => `$${group(int(1000000, 999999999), ',')}.${pad(int(0, 99), 2)}`,
      () => `${group(int(1000000, 999999999), '.')},${pad(int(0, 99), 2)} €`,
      () => `${group(int(1000000, 999999999), ' ')},${pad(int(0, 99), 2)} €`,
      () => `USD ${int(1000000, 999999999)}`,
      () => `${int(1000000, 99999999)} EUR`,
      () => `${int(10, 99)}.${int(1000, 9999)}%`,
      () => `Order #${int(1000000, 99999999)}`,
      () => `INV-${int(2000, 2035)}-${pad(int(1, 999999), 6)}`,
      () => `Ticket ${int(1000000000, 9999999999)}`,
      () => `Invoice ${int(1000000, 9999999999)}`,
      () => `${pad(int(10000, 99999), 5)}-${pad(int(0, 9999), 4)}`,
      () => `978-${int(0, 9)}-${int(10, 99)}-${int(100000, 999999)}-${int(0, 9)}`,
      () => `${int(4000, 4999)} ${int(1000, 9999)} ${int(1000, 9999)} ${int(1000, 9999)}`,
      () => `v${int(1, 20)}.${int(0, 20)}.${int(0, 20)}.${int(0, 9999)}`,
      () => `${int(-89, 89)}.${int(100000, 999999)}, ${int(-179, 179)}.${int(100000, 999999)}`,
      () =>
        `DE${int(10, 99)} ${int(1000, 9999)} ${int(1000, 9999)} ${int(1000, 9999)} ${int(1000, 9999)} ${int(10, 99)}`,
      () => `1Z${int(100, 999)}AA${int(10000000, 99999999)}${int(10, 99)}`,
    ];
    const regions = [
      'US',
      'GB',
      'IT',
      'DE',
      'FR',
      'ES',
      'NL',
      'BR',
      'IN',
      'JP',
      'CN',
      'DK',
      'PL',
      'RU',
      'MX',
      'AU',
    ];
    const found: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const text = makers[i % makers.length]!();
      const region = regions[Math.floor(i / makers.length) % regions.length]!;
      for (const m of find(text, region)) found.push(`${region} ${text} -> ${m.raw}`);
    }
    expect(found).toEqual([]);
  });

  it('reads the region case-insensitively and ignores an unknown one (international numbers only)', () => {
    expect(e164s('Tel 02 1234 5678', 'it')).toEqual(['+390212345678']);
    expect(e164s('Tel 02 1234 5678 or +44 20 7946 0958', 'XX')).toEqual(['+442079460958']);
    expect(e164s('Tel 02 1234 5678', undefined)).toEqual([]);
    expect(find('')).toEqual([]);
    expect(find('no digits here at all')).toEqual([]);
  });
});

describe('finder parts', () => {
  it('folds fullwidth and other digit forms without changing offsets', () => {
    const text = '＋３９（０２）１２３４−５６７８ ٠٥٠ ۱۲۳ ०१२ 03ー1234　ｅｘｔ';
    const folded = fold(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toBe('+39(02)1234-5678 050 123 012 03-1234 ext');
    expect(fold('カーテン')).toBe('カーテン'); // the prolonged sound mark stays a letter between letters
  });

  it('reads extensions only when they are extensions', () => {
    const at = (s: string) => extensionAt(s, 0);
    expect(at(' ext. 12')).toEqual({ end: 8, digits: '12' });
    expect(at(' x12')).toEqual({ end: 4, digits: '12' });
    expect(at('#99')).toEqual({ end: 3, digits: '99' });
    expect(at(';ext=123')).toEqual({ end: 8, digits: '123' });
    expect(at(' (ext 7)')).toEqual({ end: 8, digits: '7' });
    expect(at(' int. 12')).toEqual({ end: 8, digits: '12' });
    expect(at(' доб. 123')).toEqual({ end: 9, digits: '123' });
    expect(at(' x2b')).toBeUndefined();
    expect(at(' xerox 12')).toBeUndefined();
    expect(at(', Durchwahl 069 123456')).toBeUndefined();
    expect(at(' (ext 7')).toBeUndefined();
    expect(at(' ext 12345678')).toBeUndefined();
  });
});

describe('compared with libphonenumber-js findPhoneNumbersInText', () => {
  it('is at least as precise and finds at least as much on the corpus', () => {
    const ours = score(corpus, (text, region) => e164s(text, region));
    const lib = score(corpus, libE164s);
    console.log(
      `Phone corpus, ${corpus.length} cases:\n  ${formatScore('ours (findPhoneNumbers)', ours)}\n  ${formatScore(
        'libphonenumber findPhoneNumbersInText',
        lib,
      )}`,
    );
    expect(ours.precision).toBeGreaterThanOrEqual(lib.precision);
    expect(ours.recall).toBeGreaterThanOrEqual(lib.recall);
    expect(ours.exactCases).toBeGreaterThan(lib.exactCases);
  });

  it('reports throughput on the corpus texts (informational, not asserted)', () => {
    const texts = corpus.map((c) => [c.text, c.region] as const);
    const time = (fn: (text: string, region: string | undefined) => unknown) => {
      const rounds = 20;
      const t0 = performance.now();
      for (let r = 0; r < rounds; r++) for (const [text, region] of texts) fn(text, region);
      return (texts.length * rounds) / ((performance.now() - t0) / 1000);
    };
    time(e164s); // warm-up
    time(libE164s);
    const ours = time(e164s);
    const lib = time(libE164s);
    console.log(
      `Throughput on corpus texts: ours ${ours.toFixed(0)} texts/s, libphonenumber ${lib.toFixed(0)} texts/s (x${(
        ours / lib
      ).toFixed(1)})`,
    );
    expect(ours).toBeGreaterThan(0);
  });
});
