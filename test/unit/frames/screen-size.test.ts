import { describe, expect, it } from 'vitest';
import { screenWindowSize } from '../../../src/background/frames/screen-size';

describe('screenWindowSize', () => {
  it('fits a pixel-sized frame with its padding and the title bars', () => {
    expect(screenWindowSize({ title: 'T', width: '400px', height: '600px', padding: '10px' })).toEqual({
      width: 420,
      height: 690,
    });
  });

  it('uses a default size for relative sizes and no layout', () => {
    expect(screenWindowSize({ title: 'T', width: '100vw', height: '90%' })).toEqual({
      width: 420,
      height: 680,
    });
    expect(screenWindowSize(undefined)).toEqual({ width: 420, height: 680 });
  });

  it('keeps absurd sizes within bounds', () => {
    expect(screenWindowSize({ title: 'T', width: '1px', height: '99999px' })).toEqual({
      width: 200,
      height: 4000,
    });
  });
});
