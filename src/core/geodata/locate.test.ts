import { describe, expect, it } from 'vitest';
import { loadReference } from '../../../tests/unit/reference';
import { createCountyLocator } from './locate';

describe('createCountyLocator', () => {
  const locate = createCountyLocator(loadReference().counties);

  it('finds the county of points in each part of the city', () => {
    expect(locate(118.5871, 24.9074)).toBe('350502'); // 鲤城 centre
    expect(locate(118.186, 25.056)).toBe('350524'); // 安溪 凤城
    expect(locate(118.242, 25.49)).toBe('350526'); // 德化 浔中
    expect(locate(118.575, 24.805)).toBe('350582'); // 晋江 青阳
  });

  it('returns null at sea and outside the city', () => {
    expect(locate(119.1, 24.6)).toBeNull(); // Taiwan Strait
    expect(locate(117.0, 25.0)).toBeNull(); // west of 安溪
  });
});
