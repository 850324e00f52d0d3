import { describe, expect, it } from 'vitest';
import type { CellValue, RawTable } from '../io/types';
import { loadReference } from '../../../tests/helpers/reference';
import { looksLikeDemography, matchCounty, readDemographyTable } from './birthsTable';

const counties = loadReference().counties.features.map((f) => f.properties);

const table = (columns: string[], rows: CellValue[][]): RawTable => ({
  format: 'csv',
  unit: 'row',
  columns,
  records: rows.map((values, i) => ({ n: i + 2, values, geometry: null })),
  problems: [],
  declaredCrs: null,
});

describe('a planner’s births table', () => {
  it('reads Chinese headers, county names in their usual forms and numbers with 千分位', () => {
    const t = table(
      ['区县', '年份', '出生人口'],
      [
        ['晋江市', 2019, '21,345'],
        ['晋江', '2020', 18000],
        ['350503', 2020, '６５００'],
        ['惠安县（含台商区）', 2021, 9000],
        ['Licheng', 2021, 3000],
      ],
    );
    expect(looksLikeDemography(t)).toBe(true);
    const r = readDemographyTable(t, counties);
    expect(r?.kind).toBe('births');
    expect(r?.problems).toEqual([]);
    expect(r?.data.births).toEqual([
      { adcode: '350582', year: 2019, births: 21345 },
      { adcode: '350582', year: 2020, births: 18000 },
      { adcode: '350503', year: 2020, births: 6500 },
      { adcode: '350521', year: 2021, births: 9000 },
      { adcode: '350502', year: 2021, births: 3000 },
    ]);
  });

  it('gives every bad row its problem and keeps the good rows', () => {
    const t = table(
      ['县区', '年度', '出生数'],
      [
        ['厦门市', 2020, 100],
        ['丰泽区', 1990, 100],
        ['丰泽区', '二〇二〇', 100],
        ['丰泽区', 2020, '很多'],
        ['丰泽区', 2020, -5],
        ['丰泽区', 2021, 7000],
        ['丰泽区', 2021, 7100],
        [null, null, null],
        ['金门县', 2020, 10],
      ],
    );
    const r = readDemographyTable(t, counties);
    expect(r?.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
      [2, 'unknownCounty', 'error'],
      [3, 'badDemographyYear', 'error'],
      [4, 'badDemographyYear', 'error'],
      [5, 'badNumber', 'error'],
      [6, 'badNumber', 'error'],
      [8, 'duplicateDemography', 'warning'],
      // 金门县 has no population in our data: not a county the projection covers
      [10, 'unknownCounty', 'error'],
    ]);
    expect(r?.count).toBe(1);
    expect(r?.data.births).toEqual([{ adcode: '350503', year: 2021, births: 7000 }]);
  });

  it('reads population by single year of age, and leaves ages past school age aside', () => {
    const t = table(
      ['county', 'year', 'age', 'population'],
      [
        ['Dehua', 2022, 3, 4100],
        ['Dehua', 2022, 40, 9000],
        ['Dehua', 2022, 'x', 9000],
      ],
    );
    const r = readDemographyTable(t, counties);
    expect(r?.kind).toBe('ages');
    expect(r?.data.ages).toEqual([{ adcode: '350526', year: 2022, age: 3, population: 4100 }]);
    expect(r?.problems.map((p) => p.code)).toEqual(['badAge']);
  });

  it('is not a demography table without a county, a year and births (or age and population)', () => {
    const t = table(['名称', '经度', '纬度', '学位'], [['a', 118, 25, 100]]);
    expect(looksLikeDemography(t)).toBe(false);
    expect(readDemographyTable(t, counties)).toBeNull();
    expect(readDemographyTable(table(['区县', '年份', '学位'], []), counties)).toBeNull();
  });

  it('matches counties only exactly (no 泉州 prefix guessing)', () => {
    expect(matchCounty('南安市', counties)?.adcode).toBe('350583');
    expect(matchCounty('南', counties)).toBeNull();
    expect(matchCounty(350524, counties)?.name).toBe('安溪县');
  });
});
