/** 小学 layer: the scenario's primary projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const primaryLayer = createProjectKindLayer('primary');
