import { describe, expect, it } from 'vitest';
import { parseCsv } from '../io/csv';
import { gisOptions, gisScenario } from '../../../tests/helpers/gisScenario';
import { buildGisExport } from './gisFiles';

describe('projected CSV', () => {
  it('gives every project every column, whatever the first project leaves empty', () => {
    const s = gisScenario();
    const text = String(buildGisExport('csvProjected', s, gisOptions('EPSG:4548')).data);
    const { rows } = parseCsv(text.replace(/^\uFEFF/, ''), { delimiter: ',' });
    const [header = [], ...body] = rows.filter((r) => r.length > 1);
    expect(body).toHaveLength(s.features.length);
    // the first project has no 功能区 (zone) or 投资 (investment): the columns are there all the same
    expect(s.features[0]?.properties.zone).toBeNull();
    expect(header).toContain('功能区');
    expect(header.at(-1)).toBe('编号');
    expect(new Set(body.map((r) => r.length))).toEqual(new Set([header.length]));
    expect(body.map((r) => r.at(-1))).toEqual(s.features.map((p) => p.id));
  });
});
