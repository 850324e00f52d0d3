import type { LegendSwatch } from '../../../layers/types';
import { svgDataUrl } from '../../../layers/symbols';

const rgba = (c: readonly number[]): string =>
  `rgba(${c[0] ?? 0},${c[1] ?? 0},${c[2] ?? 0},${((c[3] ?? 255) / 255).toFixed(2)})`;

/** A legend swatch: the same symbol the map draws, or a small ring, line or fill sample. */
export function Swatch({ swatch, size = 22 }: { swatch: LegendSwatch; size?: number }) {
  switch (swatch.type) {
    case 'icon':
      return <img class="swatch" src={svgDataUrl(swatch.svg)} width={size} height={size} alt="" />;
    case 'ring':
      return (
        <svg class="swatch" width={size} height={size} viewBox="0 0 22 22" aria-hidden="true">
          <circle
            cx="11"
            cy="11"
            r="8"
            fill={swatch.fill ? rgba(swatch.fill) : 'none'}
            stroke={rgba(swatch.color)}
            stroke-width="2.5"
          />
        </svg>
      );
    case 'line':
      return (
        <svg class="swatch" width={size} height={size} viewBox="0 0 22 22" aria-hidden="true">
          <line
            x1="2"
            y1="11"
            x2="20"
            y2="11"
            stroke={swatch.color}
            stroke-width={swatch.width}
            stroke-dasharray={swatch.dash}
          />
        </svg>
      );
    case 'fill':
      return (
        <svg class="swatch" width={size} height={size} viewBox="0 0 22 22" aria-hidden="true">
          <rect
            x="3"
            y="5"
            width="16"
            height="12"
            rx="2"
            fill={swatch.color}
            stroke={swatch.outline}
            stroke-width="1"
          />
        </svg>
      );
  }
}
