import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOP_LEVEL_FIELDS } from '../../../src/core/config/schema';
import { parseConfigJson } from '../../../src/core/config/validate';
import { expectOk, minimalDocument, vendors } from './helpers';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Admin configuration'), readme.indexOf('### Vendors'));
const blocks = [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? '');

describe('README admin configuration examples', () => {
  it('has the full document and one example per rule section', () => {
    expect(blocks.length).toBe(4);
  });

  it('the full document validates and uses every top-level field', () => {
    const config = expectOk(parseConfigJson(blocks[0] ?? '', vendors));
    expect(Object.keys(config)).toEqual([...TOP_LEVEL_FIELDS]);
  });

  it('each section example validates as written', () => {
    for (const fragment of blocks.slice(1)) {
      const text = `{ "profiles": ${JSON.stringify(minimalDocument.profiles)}, ${fragment} }`;
      const config = expectOk(parseConfigJson(text, vendors));
      expect(
        config.screenPop.length + config.autofill.length + config.callLog.dispositions.length,
      ).toBeGreaterThan(0);
    }
  });
});
