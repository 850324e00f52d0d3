/** 九年一贯制学校 layer: the scenario's nineYear projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const nineYearLayer = createProjectKindLayer('nineYear');
