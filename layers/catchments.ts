/** 服务范围: every school's catchment circle at its level's service radius (metres, from settings). */
import { COVERAGE_LEVELS } from '../src/core/analysis/params';
import { LEVEL_COLORS, rgbaCss } from './analysisColors';
import type { AnalysisLayerModule } from './types';

export const catchmentsLayer: AnalysisLayerModule = {
  id: 'catchments',
  labelKey: 'layer.catchments',
  legend: COVERAGE_LEVELS.map((level) => {
    const [r, g, b] = LEVEL_COLORS[level];
    return {
      labelKey: `level.${level}`,
      swatch: { type: 'ring', color: [r, g, b, 220], fill: [r, g, b, 40] },
    };
  }),
  build: (input) => [
    {
      type: 'circles',
      id: 'catchment-circles',
      data: input.analysis.circles,
      visible: input.visible.has('catchments'),
      colors: LEVEL_COLORS,
      fillAlpha: 28,
      lineWidthPx: 1.5,
    },
  ],
};

export const catchmentCss = (level: keyof typeof LEVEL_COLORS): string => rgbaCss(LEVEL_COLORS[level]);
