import { describe, expect, it } from 'vitest';
import { createMemoryRepository } from '../persistence/memory';
import type { Repository } from '../persistence/repository';
import { loadIndex } from '../../tests/helpers/reference';
import type { NoticeRequest } from './notices';
import { createReference } from './reference';

const index = loadIndex();
const school = {
  id: 'e1',
  name: '实验幼儿园',
  kind: 'kindergarten',
  seats: 360,
  countyCode: '350582',
  lon: 118.55,
  lat: 24.78,
};

function make(repo: Repository) {
  const notices: NoticeRequest[] = [];
  const loads: string[] = [];
  const ref = createReference({
    repository: repo,
    index,
    notify: (n) => notices.push(n),
    loadSurface: async (load) => {
      loads.push(String((await load()).byteLength));
      return true;
    },
    shippedSurface: () => Promise.resolve(new ArrayBuffer(8)),
  });
  return { ref, notices, loads };
}

describe('reference layers store', () => {
  it('reads the stored existing schools, dropping and counting the records that no longer validate', async () => {
    const repo = createMemoryRepository(index);
    await repo.saveReference('existingSchools', {
      schools: [school, { ...school, id: 'e2', countyCode: 'nowhere' }],
      source: { file: 'a.csv', importedAt: 1, crs: 'EPSG:4326' },
    });
    const { ref, notices } = make(repo);
    await ref.init();
    expect(ref.state.existing.value.map((s) => s.id)).toEqual(['e1']);
    expect(notices).toEqual([{ tone: 'error', key: 'storage.skippedProjects', params: { count: 1 } }]);
  });

  it('ignores an unreadable population record and starts from the shipped surface', async () => {
    const repo = createMemoryRepository(index);
    await repo.saveReference('population', { bytes: 'not bytes', source: {} });
    const { ref } = make(repo);
    await ref.init();
    expect(ref.state.populationSource.value).toBeNull();
    expect(await ref.startupSurface()).toBeNull();
  });

  it('keeps what is shown when storing fails, and says so', async () => {
    const failing: Repository = {
      ...createMemoryRepository(index),
      saveReference: () => Promise.reject(new Error('quota')),
    };
    const { ref, notices } = make(failing);
    const layer = { schools: [], source: { file: 'b.csv', importedAt: 2, crs: 'EPSG:4326' } };
    expect(await ref.setExisting(layer)).toBe(false);
    expect(ref.state.existingLayer.value).toBeNull();
    expect(notices.map((n) => [n.key, n.params?.message])).toEqual([['storage.saveFailed', 'quota']]);
  });

  it('clearing an imported population goes back to the shipped surface', async () => {
    const repo = createMemoryRepository(index);
    const { ref, loads } = make(repo);
    const source = { file: 'p.tif', importedAt: 3, total: 100, outside: 0 };
    expect(await ref.setPopulation({ bytes: new ArrayBuffer(4), source })).toBe(true);
    expect(ref.state.populationSource.value).toEqual(source);
    await ref.clearPopulation();
    expect(ref.state.populationSource.value).toBeNull();
    expect(loads).toEqual(['8']);
    expect(await repo.loadReference('population')).toBeUndefined();
  });
});
