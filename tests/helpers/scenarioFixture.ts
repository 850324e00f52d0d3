/** The shipped illustrative scenario and the territory, validated, for unit tests. */
import { createCountyLocator } from '../../src/core/geodata/locate';
import { validateScenario } from '../../src/core/model/validate';
import { parsePlanTargets, type PlanTargets } from '../../src/core/plan/targets';
import type { ScenarioCollection } from '../../src/core/model/project';
import type { EditContext } from '../../src/core/edits/build';
import { deepFreeze } from './freeze';
import { loadIndex, loadReference, readJson } from './reference';

export function loadSeed(): ScenarioCollection {
  const r = validateScenario(readJson('seeds/scenario-2022.geojson'), loadIndex());
  if (!r.ok) throw new Error('seed scenario is invalid');
  return deepFreeze(r.value.scenario);
}

export function loadTargets(): PlanTargets {
  const r = parsePlanTargets(readJson('seeds/plan-targets.json'));
  if (!r.ok) throw new Error(r.error);
  return deepFreeze(r.value);
}

export function editContext(): EditContext {
  const ref = loadReference();
  return { index: loadIndex(), locateCounty: createCountyLocator(ref.counties) };
}

/** The seed generator's PRNG, for property tests. */
export { mulberry32 as prng } from '../../scripts/lib/prng';
