/** 幼儿园 layer: the scenario's kindergarten projects. */
import { createProjectKindLayer } from './projectKindLayer';

export const kindergartenLayer = createProjectKindLayer('kindergarten');
