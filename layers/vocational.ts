/** 中职学校 layer: the scenario's vocational projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const vocationalLayer = createProjectKindLayer('vocational');
