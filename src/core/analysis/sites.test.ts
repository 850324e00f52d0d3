import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../../tests/helpers/scenarioFixture';
import { DEFAULT_PARAMS } from './params';
import { sitesFromProjects } from './sites';

describe('sitesFromProjects', () => {
  const projects = loadSeed().features;

  it('gives the same site objects for the same project objects, and new ones for a moved project', () => {
    const a = sitesFromProjects(projects, DEFAULT_PARAMS);
    const [first, ...rest] = projects;
    if (!first) throw new Error('no projects');
    const moved = { ...first, geometry: { type: 'Point' as const, coordinates: [118.6, 24.9] } };
    const b = sitesFromProjects([moved, ...rest], DEFAULT_PARAMS);
    expect(b.length).toBe(a.length);
    const changed = b.filter((s, i) => s !== a[i]);
    expect(changed.map((s) => s.projectId)).toEqual(
      first.properties.kind === 'nineYear' ? [first.id, first.id] : [first.id],
    );
    expect(changed[0]).toMatchObject({ lon: 118.6, lat: 24.9 });
  });

  it('builds the sites again under other radii', () => {
    const a = sitesFromProjects(projects, DEFAULT_PARAMS);
    const wider = { ...DEFAULT_PARAMS, radius: { ...DEFAULT_PARAMS.radius, primary: 1234 } };
    const b = sitesFromProjects(projects, wider);
    const primary = b.find((s) => s.level === 'primary');
    expect(primary?.radius).toBe(1234);
    expect(b.every((s, i) => s !== a[i])).toBe(true);
  });
});
