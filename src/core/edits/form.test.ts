import { describe, expect, it } from 'vitest';
import { editContext, loadSeed } from '../../../tests/helpers/scenarioFixture';
import type { ProjectFeature } from '../model/project';
import { draftFromProject, parseNumberText, projectFromDraft } from './form';

const first = loadSeed().features[0] as ProjectFeature;
const { index } = editContext();

describe('attribute form', () => {
  it('reads numbers as planners type them', () => {
    expect(parseNumberText('１２０')).toBe(120);
    expect(parseNumberText('1,200')).toBe(1200);
    expect(parseNumberText(' 3，500.5 ')).toBe(3500.5);
    expect(parseNumberText('')).toBe(null);
    expect(parseNumberText('十二')).toBe('十二');
  });

  it('an unchanged draft gives back the same project', () => {
    const r = projectFromDraft(draftFromProject(first), first, index);
    expect(r.ok && r.value.project).toEqual(first);
  });

  it('names every bad field', () => {
    const r = projectFromDraft(
      {
        ...draftFromProject(first),
        name: ' ',
        year: '2040',
        seats: '1.5',
        investment: '-3',
        kind: 'primary',
        ownership: 'public',
      },
      first,
      index,
    );
    expect(r.ok ? [] : r.error.map((i) => `${i.field}:${i.code}`).sort()).toEqual([
      'investment:notNumber',
      'name:required',
      'seats:notInteger',
      'year:outOfRange',
    ]);
  });

  it('drops ownership when the kind is no longer a kindergarten', () => {
    const r = projectFromDraft(
      { ...draftFromProject(first), kind: 'primary', seats: '1080', classes: '24' },
      first,
      index,
    );
    expect(r.ok && r.value.project.properties.ownership).toBe(null);
  });
});
