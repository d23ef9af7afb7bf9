import { describe, expect, it } from 'vitest';
import { preferredTab } from '../../../src/background/tabs/pick-tab';

describe('preferredTab', () => {
  it('prefers the selected tab of the last window, then the one looked at last', () => {
    const a = { id: 1, windowId: 1, active: true, lastAccessed: 5 };
    const b = { id: 2, windowId: 2, active: true, lastAccessed: 9 };
    const c = { id: 3, windowId: 2, active: false };
    expect(preferredTab([a, b, c], 1)).toBe(a);
    expect(preferredTab([a, b, c], 3)).toBe(b);
    expect(preferredTab([c], undefined)).toBe(c);
    expect(preferredTab([], 1)).toBeUndefined();
  });
});
