/** The shipped illustrative scenario and the territory, validated, for unit tests. */
import { createCountyLocator } from '../../src/core/geodata/locate';
import { validateScenario } from '../../src/core/model/validate';
import type { ScenarioCollection } from '../../src/core/model/project';
import type { EditContext } from '../../src/core/edits/build';
import { loadIndex, loadReference, readJson } from './reference';

export function loadSeed(): ScenarioCollection {
  const r = validateScenario(readJson('seeds/scenario-2022.geojson'), loadIndex());
  if (!r.ok) throw new Error('seed scenario is invalid');
  return r.value.scenario;
}

export function editContext(): EditContext {
  const ref = loadReference();
  return { index: loadIndex(), locateCounty: createCountyLocator(ref.counties) };
}

/** Small deterministic PRNG (mulberry32) for property tests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
