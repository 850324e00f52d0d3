import { describe, expect, it } from 'vitest';
import { loadIndex, readJson } from '../../../tests/helpers/reference';
import { issueMessage, validateProject, validateScenario } from './validate';
import { translate } from '../i18n/translate';

const ref = loadIndex();
const valid = readJson('tests/fixtures/project-valid.json') as {
  properties: Record<string, unknown>;
  geometry: { coordinates: number[] };
};
const withProps = (patch: Record<string, unknown>): unknown => ({
  ...valid,
  properties: { ...valid.properties, ...patch },
});
const codes = (input: unknown): string[] => {
  const r = validateProject(input, ref);
  return r.ok ? [] : r.error.map((i) => `${i.field}:${i.code}`);
};

describe('validateProject', () => {
  it('accepts a complete project and returns typed properties', () => {
    const r = validateProject(valid, ref);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.project.properties.seats).toBe(360);
    expect(r.value.project.id).toBe('p-001');
    expect(r.value.warnings).toEqual([]);
  });

  it('names each missing or malformed field', () => {
    expect(codes(withProps({ name: '  ' }))).toEqual(['name:required']);
    expect(codes(withProps({ kind: 'university' }))).toEqual(['kind:unknownValue']);
    expect(codes(withProps({ seats: -3 }))).toEqual(['seats:notInteger']);
    expect(codes(withProps({ seats: 12.5 }))).toEqual(['seats:notInteger']);
    expect(codes(withProps({ year: 2040 }))).toEqual(['year:outOfRange']);
    expect(codes(withProps({ countyCode: '350111' }))).toEqual(['countyCode:unknownCounty']);
    expect(codes(withProps({ townshipCode: '350582107' }))).toEqual(['townshipCode:townshipCounty']);
    expect(codes(withProps({ zone: 'qtz' }))).toEqual(['zone:zoneCounty']);
    expect(codes(withProps({ centralDistrict: 'yes' }))).toEqual(['centralDistrict:notBoolean']);
  });

  it('rejects points outside Quanzhou and non-point geometry', () => {
    expect(codes({ ...valid, geometry: { type: 'Point', coordinates: [24.9, 118.6] } })).toEqual([
      'geometry:coordinateRange',
    ]);
    expect(codes({ ...valid, geometry: { type: 'LineString', coordinates: [[118.6, 24.9]] } })).toEqual([
      'geometry:notPoint',
    ]);
    expect(codes({ type: 'Foo' })).toEqual(['geometry:notFeature']);
  });

  it('warns, but accepts, when seats do not match classes × class size', () => {
    const r = validateProject(withProps({ seats: 900, classes: 12 }), ref);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [warning] = r.value.warnings;
    expect(r.value.warnings.map((w) => w.code)).toEqual(['seatsClasses']);
    if (!warning) return;
    expect(translate('zh', issueMessage(warning).key, warning.params)).toBe(
      '学位数 900 与班级数 12 不符（每班 25–35 人）',
    );
  });

  it('gives a translatable field label for each issue', () => {
    const r = validateProject(withProps({ seats: 'many' }), ref);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [first] = r.error;
    if (!first) throw new Error('expected an issue');
    const m = issueMessage(first);
    expect(m.fieldKey).toBe('field.seats');
    expect(translate('en', m.key, { field: translate('en', 'field.seats') })).toBe(
      'New seats must be a whole number of at least 0',
    );
  });
});

describe('validateScenario', () => {
  const scenario = {
    type: 'FeatureCollection',
    scenario: { id: 's1', name: '测试方案', planYear: 2022, illustrative: true, schemaVersion: 1 },
    features: [valid],
  };

  it('accepts a scenario and keeps its metadata', () => {
    const r = validateScenario(scenario, ref);
    expect(r.ok && r.value.scenario.scenario.name).toBe('测试方案');
  });

  it('reports duplicates and bad features with their index', () => {
    const r = validateScenario(
      { ...scenario, features: [valid, valid, { type: 'Feature', geometry: null, properties: {} }] },
      ref,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.find((i) => i.code === 'duplicateId')?.index).toBe(1);
    expect(r.error.filter((i) => i.index === 2).map((i) => i.field)).toContain('geometry');
  });

  it('rejects something that is not a FeatureCollection', () => {
    const r = validateScenario({ type: 'Feature' }, ref);
    expect(r.ok ? [] : r.error.map((i) => i.code)).toEqual(['notCollection']);
  });
});
