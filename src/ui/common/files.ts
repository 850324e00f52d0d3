import type { InputFile } from '../../core/io/types';

/** Files the planner picked or dropped, read into memory for the importer. */
export const readPicked = (files: FileList): Promise<InputFile[]> =>
  Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
