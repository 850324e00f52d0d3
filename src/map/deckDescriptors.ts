/**
 * What deck.gl draws (deckLayers.ts, loaded on first use): every descriptor MapLibre does not — not the
 * projects (projectLayers.ts), not the county shading (countyShades.ts) — i.e. the catchments, the
 * rasters and the existing schools. Its own module, so that the page's code and the deck.gl chunk share
 * it without importing each other.
 */
import type { CountyLayerDescriptor, LayerDescriptor } from '../../layers/types';
import { isShadeDescriptor } from './countyShades';
import { isProjectDescriptor, type ProjectDescriptor } from './projectLayers';

export type DeckDescriptor = Exclude<LayerDescriptor, ProjectDescriptor | CountyLayerDescriptor>;

export const isDeckDescriptor = (d: LayerDescriptor): d is DeckDescriptor =>
  !isProjectDescriptor(d) && !isShadeDescriptor(d);
