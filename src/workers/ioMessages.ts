/** The messages between the app and the io worker (io.worker.ts, importService.ts). */
import type { CountyCollection, ReferenceIndex } from '../core/geodata/reference';
import type { PopulationOptions, PopulationResult } from '../core/io/population';
import type { InputFile, IoError, RawTable } from '../core/io/types';
import type { Result } from '../core/result';

export interface PopulationJob {
  readonly table: RawTable;
  readonly options: PopulationOptions;
  readonly counties: CountyCollection;
  readonly bbox: readonly [number, number, number, number];
}

export type IoRequest =
  | {
      readonly id: number;
      readonly type: 'read';
      readonly file: InputFile;
      readonly ref: ReferenceIndex;
      readonly layer?: string;
    }
  | { readonly id: number; readonly type: 'population'; readonly job: PopulationJob };

export type IoResponse =
  | { readonly id: number; readonly type: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly type: 'done'; readonly result: Result<RawTable, IoError> }
  | { readonly id: number; readonly type: 'population'; readonly result: Result<PopulationResult, IoError> };
