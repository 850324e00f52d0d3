/** 特殊教育学校 layer: the scenario's special projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const specialLayer = createProjectKindLayer('special');
