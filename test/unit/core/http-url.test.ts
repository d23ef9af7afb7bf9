import { describe, expect, it } from 'vitest';
import { isHttpUrl, parseHttpUrl } from '../../../src/core/http-url';

describe('http URLs', () => {
  it('accepts absolute http and https only', () => {
    expect(isHttpUrl('https://a.example/')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(parseHttpUrl('HTTPS://A.example/x?y')?.href).toBe('https://a.example/x?y');
    for (const text of ['javascript:alert(1)', 'data:,x', 'ftp://a.example/', '/relative', 'a.example', '']) {
      expect(isHttpUrl(text), text).toBe(false);
      expect(parseHttpUrl(text), text).toBeUndefined();
    }
  });
});
