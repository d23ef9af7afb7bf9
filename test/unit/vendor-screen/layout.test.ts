// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyLayout } from '../../../src/vendor-screen/layout';

describe('applyLayout', () => {
  it("applies the vendor's sizes, padding, radius and title", () => {
    const container = document.createElement('div');
    const title = document.createElement('span');
    applyLayout(container, title, {
      title: 'Tegsoft',
      width: '400px',
      height: '100vh',
      padding: '8px 12px',
      borderRadius: '12px',
    });
    expect(container.style.width).toBe('400px');
    expect(container.style.height).toBe('100vh');
    expect(container.style.padding).toBe('8px 12px');
    expect(container.style.borderRadius).toBe('12px');
    expect(title.textContent).toBe('Tegsoft');
    expect(document.title).toBe('Tegsoft');
  });

  it('ignores values that are not plain lengths', () => {
    const container = document.createElement('div');
    applyLayout(container, document.createElement('span'), {
      title: '',
      width: 'calc(100% - 1px)',
      height: '10px; background: url(x)',
      padding: 'expression(1)',
    });
    expect(container.getAttribute('style') ?? '').toBe('');
    expect(document.title).toBe('Vendor screen');
  });
});
