import { describe, expect, it } from 'vitest';
import type { Call } from '../../../src/core/call';
import { sampleCall } from '../../../src/core/rules/sample-call';
import {
  expandTextTemplate,
  expandUrlTemplate,
  templateVariables,
  textTemplateProblem,
  urlTemplateProblem,
} from '../../../src/core/rules/template';

/** The expanded URL; fails the test when the template is refused. */
function expand(template: string, call: Call): string {
  const result = expandUrlTemplate(template, call);
  if (!result.ok) throw new Error(`expected ${template} to expand, got: ${result.error}`);
  return result.url;
}

/** Values an attacker on the far end of a call could put in a field the vendor passes through. */
const HOSTILE = [
  '@evil.example',
  '//evil.example/x',
  'https://evil.example/',
  'javascript:alert(1)',
  '../../admin?x=1#y',
  'a b&c=d/e?f#g',
  '\\\\evil.example',
  '%2F%2Fevil.example',
  'ünïcødé +39',
];

describe('templateVariables', () => {
  it('lists the variables as written, trimmed', () => {
    expect(templateVariables('https://x.example/{e164}?n={ name }&c={vendor.customer.id}')).toEqual([
      'e164',
      'name',
      'vendor.customer.id',
    ]);
  });
});

describe('expandUrlTemplate', () => {
  it('URL-encodes each variable', () => {
    const call = sampleCall({
      remoteNumber: '+44 20 7946 0018',
      remoteName: 'Anne & Bob / "Ltd"',
      queue: 'Sales?EU#1',
      vendorData: { 'case.id': 'A/B', customer: { id: 'c 1' } },
    });
    expect(expand('https://crm.example.com/c?e={e164}&n={number}', call)).toBe(
      'https://crm.example.com/c?e=%2B442079460018&n=%2B44%2020%207946%200018',
    );
    expect(expand('https://crm.example.com/s?name={name}&q={queue}', call)).toBe(
      'https://crm.example.com/s?name=Anne%20%26%20Bob%20%2F%20%22Ltd%22&q=Sales%3FEU%231',
    );
    expect(expand('https://crm.example.com/national/{national}', call)).toBe(
      'https://crm.example.com/national/020%207946%200018',
    );
    expect(expand('https://crm.example.com/{vendor.case.id}/{vendor.customer.id}', call)).toBe(
      'https://crm.example.com/A%2FB/c%201',
    );
    expect(expand('https://crm.example.com/{callId}/{vendorCallId}/{direction}/{media}/{state}', call)).toBe(
      'https://crm.example.com/sample-call-1/4711/inbound/voice/ringing',
    );
  });

  it('a missing value expands to nothing', () => {
    const call = sampleCall({ campaign: undefined });
    expect(expand('https://crm.example.com/c?campaign={campaign}&x={vendor.none}', call)).toBe(
      'https://crm.example.com/c?campaign=&x=',
    );
  });

  it('a variable can never change the scheme or the host', () => {
    const templates = [
      'https://crm.example.com/{name}',
      'https://crm.example.com/contacts/{name}/view',
      'https://crm.example.com?q={name}',
      'https://crm.example.com/#/{name}',
      'http://crm.example.com:8080/a?b={name}&c={vendor.x}',
    ];
    for (const template of templates) {
      const expected = new URL(template.replace(/\{[^}]*\}/g, ''));
      for (const value of HOSTILE) {
        const url = new URL(expand(template, sampleCall({ remoteName: value, vendorData: { x: value } })));
        expect(`${url.protocol}//${url.host}`, `${template} with ${value}`).toBe(
          `${expected.protocol}//${expected.host}`,
        );
        expect(url.username, `${template} with ${value}`).toBe('');
      }
    }
  });

  it('refuses templates that are not http(s), saying so', () => {
    const call = sampleCall();
    for (const template of [
      'javascript:alert({name})',
      'data:text/html,{name}',
      '/contacts?p={e164}',
      '{e164}',
    ]) {
      const result = expandUrlTemplate(template, call);
      expect(result.ok, template).toBe(false);
      if (!result.ok) expect(result.error, template).toMatch(/^URL template .*(http and https|no scheme)/);
    }
  });

  it('never lets a value of dots move the page up the path, since parsers read %2E%2E as ..', () => {
    const template = 'https://crm.example.com/api/contacts/{vendor.id}/view?q={vendor.q}';
    const at = (id: string, q = 'x') => expandUrlTemplate(template, sampleCall({ vendorData: { id, q } }));
    for (const id of ['..', '.']) {
      const result = at(id);
      expect(result, id).toEqual({
        ok: false,
        error: `{vendor.id} (${id}) would move "https://crm.example.com/api/contacts/${id}/view?q=x" up its path; it was not opened`,
      });
    }
    expect(new URL('https://crm.example.com/a/%2E%2E/b').pathname).toBe('/b');
    // Dots that are not a whole segment, or that sit in the query, change no path.
    for (const [id, q] of [
      ['...', 'x'],
      ['a..', 'x'],
      ['.a', 'x'],
      ['7', '..'],
    ] as const) {
      expect(at(id, q), `${id} ${q}`).toEqual({
        ok: true,
        url: `https://crm.example.com/api/contacts/${id}/view?q=${q}`,
      });
    }
    // Two values that together make a dot segment are refused too.
    const joined = expandUrlTemplate('https://crm.example.com/a/.{vendor.id}./b', sampleCall());
    expect(joined).toMatchObject({ ok: false, error: expect.stringMatching(/^call data would move/) });
  });

  it('refuses a variable in the host, even when the value is harmless', () => {
    expect(expandUrlTemplate('https://{vendor.tenant}.crm.example.com/', sampleCall()).ok).toBe(false);
    expect(expandUrlTemplate('https://crm.example.com{e164}', sampleCall()).ok).toBe(false);
    expect(expandUrlTemplate('https://crm.example.com:{vendor.port}/', sampleCall()).ok).toBe(false);
  });
});

describe('urlTemplateProblem', () => {
  it('accepts absolute http(s) templates of known variables', () => {
    for (const template of [
      'https://crm.example.com/contacts?phone={e164}',
      'HTTP://crm.internal/x/{ vendor.a.b }',
      'https://crm.example.com',
      '  https://crm.example.com/{name}  ',
    ]) {
      expect(urlTemplateProblem(template), template).toBeUndefined();
    }
  });

  it('says what is wrong and how to write it', () => {
    expect(urlTemplateProblem('')).toBe(
      'is empty; write a URL such as "https://crm.example.com/contacts?phone={e164}"',
    );
    expect(urlTemplateProblem('javascript:alert(1)')).toBe(
      '"javascript:alert(1)" is a javascript: URL; Softbar opens only http and https addresses: write one such as "https://crm.example.com/contacts?phone={e164}"',
    );
    expect(urlTemplateProblem('JavaScript:alert(1)')).toMatch(/is a javascript: URL/);
    expect(urlTemplateProblem('data:text/html;base64,PHNjcmlwdD4=')).toMatch(/is a data: URL/);
    expect(urlTemplateProblem('contacts?phone={e164}')).toMatch(/has no scheme; .*write it in full/);
    expect(urlTemplateProblem('localhost:3000/c')).toMatch(/has no scheme/);
    expect(urlTemplateProblem('//crm.example.com/c')).toMatch(/has no scheme/);
    expect(urlTemplateProblem('https:crm.example.com/')).toMatch(/write "\/\/" after "https:"/);
    expect(urlTemplateProblem('https://crm.example.com/{phone}')).toMatch(
      /^uses \{phone\}, which is not a call field; use \{number\}, \{e164\}.* or \{vendor\.FIELD\}$/,
    );
    expect(urlTemplateProblem('https://{name}/')).toMatch(/puts a variable in the host name/);
    expect(urlTemplateProblem('https://crm.example.com/}{e164}')).toMatch(/without its pair/);
    expect(urlTemplateProblem('https:// /x')).toMatch(/not a valid URL once its variables are filled/);
  });
});

describe('text templates', () => {
  it('are not encoded', () => {
    const call = sampleCall({
      remoteName: 'Anne & Bob / <Ltd>',
      vendorData: { 'a.b': 'dotted', a: { c: 'nested' } },
    });
    expect(expandTextTemplate('Call from {name} ({e164}) {vendor.a.b} {vendor.a.c}', call)).toBe(
      'Call from Anne & Bob / <Ltd> (+442079460018) dotted nested',
    );
  });

  it('leave missing values empty and other text as written', () => {
    expect(
      expandTextTemplate('{campaign}|{vendor.none}|javascript:x', sampleCall({ campaign: undefined })),
    ).toBe('||javascript:x');
  });

  it('refuse unknown variables only', () => {
    expect(textTemplateProblem('Call from {number} at https://x.example')).toBeUndefined();
    expect(textTemplateProblem('')).toBeUndefined();
    expect(textTemplateProblem('{nmae}')).toMatch(
      /^uses \{nmae\}, which is not a call field \(did you mean \{name\}\?\)/,
    );
  });
});
