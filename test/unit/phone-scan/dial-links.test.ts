import { describe, expect, it } from 'vitest';
import { numberFromHref } from '../../../content-scripts/phone-scan/dial-links';
import { DIAL_HREF } from '../../../content-scripts/phone-scan/dom-rules';

describe('numberFromHref', () => {
  it.each([
    ['tel:+442079460958', '+442079460958'],
    ['tel:+44-20-7946-0958', '+442079460958'],
    ['TEL:+1 (415) 555-0132', '+14155550132'],
    ['tel:%2B390248691234', '+390248691234'],
    ['tel:(415) 555-0132', '+14155550132'],
    ['tel:+14155550132;ext=12', '+14155550132;ext=12'],
    ['tel:7042;phone-context=example.com', '7042'],
    ['callto:+442079460958', '+442079460958'],
    ['callto://+442079460958', '+442079460958'],
    ['sip:+14155550132@pbx.example.com;user=phone', '+14155550132'],
    ['sips:2001@pbx.example.com', '2001'],
    ['  tel:+442079460958', '+442079460958'],
  ])('%s dials %s', (href, number) => {
    expect(numberFromHref(href, 'US')).toBe(number);
  });

  it.each([
    'sip:alice@example.com',
    'callto://alice.smith',
    'tel:',
    'tel:call-me',
    'mailto:+442079460958@example.com',
    'https://example.com/tel:+442079460958',
  ])('%s is not a number to dial', (href) => {
    expect(numberFromHref(href, 'US')).toBeUndefined();
  });

  it('recognizes the dial schemes and nothing else', () => {
    expect(['tel:1', 'callto:1', 'sip:1', 'SIPS:1'].every((href) => DIAL_HREF.test(href))).toBe(true);
    expect(['telnet:host', 'sipx:1', '/tel:1', 'mailto:a'].some((href) => DIAL_HREF.test(href))).toBe(false);
  });
});
