/** The committed geodata, for unit tests (the same files the app ships). */
import { indexReference, type ReferenceIndex } from '../../src/core/geodata/reference';
import { readJson, readReference } from '../../scripts/lib/reference';

export { readJson, readReference as loadReference };

export function loadIndex(): ReferenceIndex {
  return indexReference(readReference());
}
