/**
 * What the app loads when the demand projection is first wanted (its tab, its map layer, an export):
 * the cited inputs and the model. Kept out of the start-up bundle.
 */
import raw from '../../../seeds/demography.json';
import { parseDemography } from './demography';

export const demography = parseDemography(raw);
export { projectDemand } from './project';
export { projectionSheet, projectionCsv } from './sheet';
export { readDemographyTable } from './birthsTable';
