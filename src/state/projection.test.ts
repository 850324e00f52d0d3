import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../core/analysis/params';
import type { ExistingSchoolRecord } from '../core/io/existing';
import type { ProjectFeature } from '../core/model/project';
import type { ImportedDemography } from '../core/projection/project';
import { loadIndex, loadReference } from '../../tests/helpers/reference';
import { loadSeed, loadTargets } from '../../tests/helpers/scenarioFixture';
import { createMemoryRepository } from '../persistence/memory';
import { createApp } from './app';
import { createProjection } from './projection';

const reference = loadReference();
const seed = loadSeed();

function make(over: { existing?: readonly ExistingSchoolRecord[]; failing?: boolean } = {}) {
  const wanted = signal(false);
  const projects = signal<readonly ProjectFeature[]>(seed.features);
  const imported = signal<ImportedDemography | null>(null);
  const phaseYear = signal<number | null>(null);
  const existing = signal<readonly ExistingSchoolRecord[]>(over.existing ?? []);
  let loads = 0;
  const p = createProjection({
    counties: reference.counties.features,
    projects,
    existing,
    params: signal(DEFAULT_PARAMS),
    imported,
    phaseYear,
    wanted,
    loadKit: () => {
      loads++;
      return over.failing ? Promise.reject(new Error('offline')) : import('../core/projection/kit');
    },
  });
  return { p, wanted, projects, imported, phaseYear, existing, loads: () => loads };
}

const settle = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the projection store', () => {
  it('loads its model only when wanted, once', async () => {
    const s = make();
    expect(s.p.state.status.value.type).toBe('idle');
    expect(s.p.state.projection.value).toBeNull();
    s.wanted.value = true;
    await settle(() => s.p.state.projection.value !== null);
    expect(s.p.state.status.value.type).toBe('ready');
    s.wanted.value = false;
    s.wanted.value = true;
    await s.p.actions.ensure();
    expect(s.loads()).toBe(1);
    expect(s.p.state.projection.value?.units).toHaveLength(12);
  });

  it('says why when the model cannot load, and tries again when asked', async () => {
    const s = make({ failing: true });
    expect(await s.p.actions.ensure()).toBeNull();
    expect(s.p.state.status.value).toEqual({ type: 'failed', message: 'offline' });
    await s.p.actions.ensure();
    expect(s.loads()).toBe(2);
  });

  it('takes today’s seats from the existing schools when there are some, else assumes 2022 met, as chosen', async () => {
    const s = make();
    await s.p.actions.ensure();
    expect(s.p.state.baseline.value).toBe('baseYearMet');
    s.existing.value = [
      {
        id: 'e',
        name: '晋江某小学',
        kind: 'primary',
        seats: 2000,
        countyCode: '350582',
        zone: null,
        ownership: 'public',
        lon: 118.55,
        lat: 24.78,
      },
    ];
    expect(s.p.state.baseline.value).toBe('imported');
    const jj = () => s.p.state.projection.value?.units.find((u) => u.id === '350582');
    expect(jj()?.stages.primary.existing[0]).toBe(2000);
    s.p.actions.setBaseline('none');
    expect(jj()?.stages.primary.existing[0]).toBe(0);
    s.p.actions.setBaseline(null);
    expect(s.p.state.baseline.value).toBe('imported');
  });

  it('follows the projects: a project moved to a later year brings its seats later', async () => {
    const s = make();
    await s.p.actions.ensure();
    const k = seed.features.find((f) => f.properties.kind === 'kindergarten' && f.properties.year === 2022);
    if (!k) throw new Error('no kindergarten of 2022');
    const seatsOf = (i: number) =>
      s.p.state.projection.value?.units.find((u) => u.id === k.properties.countyCode)?.stages.preschool.seats[i] ?? NaN;
    const before = seatsOf(0);
    s.projects.value = seed.features.map((f) =>
      f.id === k.id ? { ...f, properties: { ...f.properties, year: 2024 } } : f,
    );
    expect(seatsOf(0)).toBe(before - k.properties.seats);
    expect(seatsOf(2)).toBe(before);
  });

  it('shades the counties for the slider’s year (the last when it shows all), and for any other year', async () => {
    const s = make();
    await s.p.actions.ensure();
    expect(s.p.state.mapYear.value).toBe(2035);
    const at = (list: readonly { properties: { adcode: string; pct?: number | null } }[]) =>
      list.find((f) => f.properties.adcode === '350503')?.properties.pct;
    const last = at(s.p.state.gapShades.value);
    s.phaseYear.value = 2025;
    const y2025 = at(s.p.state.gapShades.value);
    expect(y2025).not.toBe(last);
    expect(at(s.p.shadesFor(2025))).toBe(y2025);
    expect(at(s.p.shadesFor(null))).toBe(last);
    expect(s.p.state.gapShades.value).toHaveLength(11);
  });

  it('uses the imported births of a county', async () => {
    const s = make();
    await s.p.actions.ensure();
    const qg = () => s.p.state.projection.value?.units.find((u) => u.id === '350505')?.stages.preschool.demand[0];
    const before = qg();
    s.imported.value = {
      births: [2017, 2018, 2019].map((year) => ({ adcode: '350505', year, births: 100 })),
      ages: [],
      source: { file: 'x.csv', importedAt: 0 },
    };
    expect(qg()).toBeLessThan((before ?? 0) / 10);
  });
});

describe('births through the import dialog (the app, files read in process)', () => {
  it('suggests the births target for a births table, stores it, and removing it restores the published data', async () => {
    const index = loadIndex();
    const repo = createMemoryRepository(index);
    const app = createApp({ reference, scenario: seed, targets: loadTargets(), repository: repo, viewSaveDelay: 0 });
    await app.init();
    const csv =
      '\uFEFF区县,年份,出生人口\r\n德化县,2019,"3,100"\r\n德化县,2020,2900\r\n德化县,2020,2950\r\n泉州市,2020,1\r\n';
    app.actions.importer.open();
    await app.actions.importer.read([{ name: '德化出生.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(app.state.importer.session.value?.target).toBe('births');
    const review = app.state.importer.review.value;
    expect(review?.count).toBe(2);
    expect(review?.problems.map((p) => [p.row, p.code])).toEqual([
      [4, 'duplicateDemography'],
      [5, 'unknownCounty'],
    ]);
    expect(review?.canConfirm).toBe(true);
    expect((await app.actions.importer.confirm()).ok).toBe(true);
    expect(app.state.demography.value?.births).toEqual([
      { adcode: '350526', year: 2019, births: 3100 },
      { adcode: '350526', year: 2020, births: 2900 },
    ]);
    // the projection tab shows it
    expect(app.state.sidebarTab.value).toBe('projection');
    // kept across a restart
    const again = createApp({ reference, scenario: seed, targets: loadTargets(), repository: repo, viewSaveDelay: 0 });
    await again.init();
    expect(again.state.demography.value?.source.file).toBe('德化出生.csv');
    await again.actions.clearDemography();
    expect(again.state.demography.value).toBeNull();
    expect(await repo.loadReference('demography')).toBeUndefined();
  });

  it('a stored record that does not fit the schema is dropped with a message, never half-read', async () => {
    const index = loadIndex();
    const repo = createMemoryRepository(index);
    await repo.saveReference('demography', {
      births: [{ adcode: '350526', year: 'x', births: 1 }],
      ages: [],
      source: { file: 'a', importedAt: 0 },
    });
    const app = createApp({ reference, scenario: seed, targets: loadTargets(), repository: repo, viewSaveDelay: 0 });
    await app.init();
    expect(app.state.demography.value).toBeNull();
    expect(app.state.notice.value?.key).toBe('projection.storedUnreadable');
  });
});
