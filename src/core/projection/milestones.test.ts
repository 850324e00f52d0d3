import { describe, expect, it } from 'vitest';
import { milestones } from './milestones';
import { survival } from './survival';

describe('milestones', () => {
  const years = [2022, 2023, 2024, 2025, 2026];
  it('finds the first shortfall, the peak and the first year of empty seats beyond the margin', () => {
    expect(milestones(years, [100, 120, 130, 110, 90], [110, 110, 140, 140, 140], 10)).toEqual({
      firstShort: 2023,
      peak: 2024,
      // 140 > 110 × 1.1 = 121 in 2025
      surplusFrom: 2025,
    });
  });
  it('says never when it never happens, and rounds half a child away', () => {
    expect(milestones(years, [100.4, 100, 100, 100, 100], [100, 100, 100, 100, 100], 10)).toEqual({
      firstShort: null,
      peak: 2022,
      surplusFrom: null,
    });
    expect(milestones(years, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], 10)).toEqual({
      firstShort: null,
      peak: null,
      surplusFrom: null,
    });
  });
});

describe('survival', () => {
  const m = { infant: 5, under5: 7, childPerYear: 0.3 };
  it('takes half the infant deaths before the first count, the rest of under-5 deaths evenly to five', () => {
    expect(survival(m, 0)).toBeCloseTo(0.9975, 10);
    expect(survival(m, 1)).toBeCloseTo(0.995, 10);
    expect(survival(m, 3)).toBeCloseTo(0.995 - 0.002 * 0.5, 10);
    expect(survival(m, 5)).toBeCloseTo(0.993, 10);
    expect(survival(m, 17)).toBeCloseTo(0.993 * 0.9997 ** 12, 10);
  });
});
