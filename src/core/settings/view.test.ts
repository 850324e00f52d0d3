import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, parseView } from './view';

describe('parseView', () => {
  it('keeps a well-formed view', () => {
    const v = {
      scenarioId: 's1',
      camera: { lon: 118.6, lat: 24.9, zoom: 11 },
      hidden: ['primary'],
      shown: ['catchments'],
    };
    expect(parseView(v, ['primary', 'junior', 'catchments'])).toEqual(v);
  });
  it('drops unknown layers and malformed parts', () => {
    expect(
      parseView({ scenarioId: 3, camera: { lon: 'x' }, hidden: ['gone', 'junior'], shown: 'x' }, ['junior']),
    ).toEqual({
      scenarioId: null,
      camera: null,
      hidden: ['junior'],
      shown: [],
    });
    expect(parseView('garbage', [])).toEqual(EMPTY_VIEW);
  });
});
