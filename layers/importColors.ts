/** Colours of the import preview, shared by the dialog's legend (src/ui) and the preview map (src/map). */
import type { Datum } from '../src/core/io/datum';

/** Each degrees datum candidate, drawn over the county lines so the planner sees which one fits. */
export const DATUM_COLORS: Readonly<Record<Datum, string>> = {
  wgs84: '#7c3aed',
  gcj02: '#ea580c',
  bd09: '#0891b2',
};
