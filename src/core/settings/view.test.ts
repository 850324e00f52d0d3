import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, parseView } from './view';

describe('parseView', () => {
  it('keeps a well-formed view', () => {
    const v = {
      scenarioId: 's1',
      camera: { lon: 118.6, lat: 24.9, zoom: 11 },
      hidden: ['primary'],
      shown: ['catchments'],
      panels: { table: false, sidebar: true },
    };
    expect(parseView(v, ['primary', 'junior', 'catchments'])).toEqual(v);
    // a view stored before panels were remembered opens both
    const { panels: _none, ...older } = v;
    expect(parseView(older, ['primary']).panels).toEqual({ table: true, sidebar: true });
  });
  it('drops unknown layers and malformed parts', () => {
    expect(
      parseView({ scenarioId: 3, camera: { lon: 'x' }, hidden: ['gone', 'junior'], shown: 'x' }, ['junior']),
    ).toEqual({
      scenarioId: null,
      camera: null,
      hidden: ['junior'],
      shown: [],
      panels: { table: true, sidebar: true },
    });
    expect(parseView('garbage', [])).toEqual(EMPTY_VIEW);
  });
});
