import { describe, expect, it } from 'vitest';
import { readJson } from '../../../tests/helpers/reference';
import { validateScenario } from '../model/validate';
import { DEFAULT_SORT, EMPTY_FILTER, isFilterActive, queryProjects } from './query';

const scenario = validateScenario(readJson('seeds/scenario-2022.geojson'));
if (!scenario.ok) throw new Error('seed invalid');
const projects = scenario.value.scenario.features;
const zhName = (p: (typeof projects)[number]): string => p.properties.name;

describe('queryProjects', () => {
  it('filters by county, kind and status together', () => {
    const rows = queryProjects(
      projects,
      { ...EMPTY_FILTER, countyCode: '350503', kind: 'kindergarten' },
      DEFAULT_SORT,
      zhName,
      'zh',
    );
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.properties.countyCode === '350503' && r.properties.kind === 'kindergarten')).toBe(true);
    const completed = queryProjects(projects, { ...EMPTY_FILTER, status: 'completed' }, DEFAULT_SORT, zhName, 'zh');
    expect(completed.every((r) => r.properties.status === 'completed')).toBe(true);
    expect(completed.length).toBeGreaterThan(0);
  });

  it('narrows to the 43 central-district projects, combined with other filters', () => {
    expect(queryProjects(projects, { ...EMPTY_FILTER, centralOnly: true }, DEFAULT_SORT, zhName, 'zh').length).toBe(43);
    const jinjiang = queryProjects(
      projects,
      { ...EMPTY_FILTER, centralOnly: true, countyCode: '350582' },
      DEFAULT_SORT,
      zhName,
      'zh',
    );
    expect(jinjiang.length).toBe(4);
    expect(
      jinjiang.every((p) => p.properties.townshipCode === '350582107' || p.properties.townshipCode === '350582113'),
    ).toBe(true);
    expect(isFilterActive({ ...EMPTY_FILTER, centralOnly: true })).toBe(true);
  });

  it('searches Chinese and English names and ids', () => {
    expect(
      queryProjects(projects, { ...EMPTY_FILTER, text: '晋光' }, DEFAULT_SORT, zhName, 'zh').map(
        (p) => p.properties.name,
      ),
    ).toEqual(['泉州晋光小学滨海校区', '泉州晋光小学扩建']);
    expect(queryProjects(projects, { ...EMPTY_FILTER, text: 'luoshan' }, DEFAULT_SORT, zhName, 'en').length).toBe(1);
    expect(queryProjects(projects, { ...EMPTY_FILTER, text: 'qz2022-001' }, DEFAULT_SORT, zhName, 'zh').length).toBe(1);
  });

  it('sorts by seats both ways with a total order', () => {
    const desc = queryProjects(projects, EMPTY_FILTER, { key: 'seats', dir: 'desc' }, zhName, 'zh');
    expect(desc[0]?.properties.seats).toBe(3060);
    const seats = desc.map((p) => p.properties.seats);
    expect(seats).toEqual([...seats].sort((a, b) => b - a));
    const asc = queryProjects(projects, EMPTY_FILTER, { key: 'seats', dir: 'asc' }, zhName, 'zh');
    expect(asc.at(-1)?.properties.seats).toBe(3060);
  });

  it('sorts kinds in education-level order, not alphabetically', () => {
    const rows = queryProjects(projects, EMPTY_FILTER, { key: 'kind', dir: 'asc' }, zhName, 'zh');
    expect(rows[0]?.properties.kind).toBe('kindergarten');
    expect(rows.at(-1)?.properties.kind).toBe('vocational');
  });

  it('knows when a filter is active', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, text: ' x ' })).toBe(true);
  });
});
