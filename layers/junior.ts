/** 初中 layer: the scenario's junior projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const juniorLayer = createProjectKindLayer('junior');
