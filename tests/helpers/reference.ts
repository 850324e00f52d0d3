/** The committed geodata, for unit tests (the same files the app ships), deep-frozen. */
import { indexReference, type ReferenceData, type ReferenceIndex } from '../../src/core/geodata/reference';
import { readJson as readRaw, readReference } from '../../scripts/lib/reference';
import { deepFreeze } from './freeze';

/** A committed JSON file, parsed and frozen. */
export const readJson = (path: string): unknown => deepFreeze(readRaw(path));

export const loadReference = (): ReferenceData => deepFreeze(readReference());

export function loadIndex(): ReferenceIndex {
  return deepFreeze(indexReference(loadReference()));
}
