/** A population job: a table of points or a raster made into a surface of our counties. */
import { createCountyLocator } from '../core/geodata/locate';
import { buildPopulationSurface, type PopulationResult } from '../core/io/population';
import type { IoError } from '../core/io/types';
import type { Result } from '../core/result';
import type { PopulationJob } from './ioMessages';

/** Runs a population job (in the io worker, or in process without workers). */
export function runPopulationJob(job: PopulationJob): Result<PopulationResult, IoError> {
  const locate = createCountyLocator(job.counties);
  const codes = job.counties.features.map((f) => f.properties.adcode);
  return buildPopulationSurface(job.table, job.options, locate, codes, job.bbox);
}
