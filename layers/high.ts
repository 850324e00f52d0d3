/** 高中（含完全中学） layer: the scenario's high projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const highLayer = createProjectKindLayer('high');
