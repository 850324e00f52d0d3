/**
 * What reading a file for import needs on the main thread (coordinate systems, codecs, the datum fit),
 * in one module the importer loads on first use: an app that imports nothing never downloads it.
 */
export { datumCandidates, datumUndeclared, initialChoices } from './choices';
export { baseName, combineFiles } from './combine';
export { createBoundaryIndex } from './datum';
export { existingFromRows } from './existing';
export { interpretProjects } from './interpret';
export { reviewImport } from './review';
export { looksLikeDemography, readDemographyTable } from '../projection/birthsTable';
