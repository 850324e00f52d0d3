import type { ProjectAction, ProjectKind, ProjectStatus } from '../src/core/model/kinds';

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'pentagon' | 'hexagon' | 'star';

/** Shape and colour per kind: distinct in shape first, so the map reads in grey-scale print too. */
export const KIND_SYMBOL: Readonly<Record<ProjectKind, { shape: Shape; color: string }>> = {
  kindergarten: { shape: 'circle', color: '#F28E2B' },
  primary: { shape: 'square', color: '#3E9B4F' },
  junior: { shape: 'triangle', color: '#3F6FB5' },
  nineYear: { shape: 'diamond', color: '#8E5BA8' },
  high: { shape: 'pentagon', color: '#D7373F' },
  vocational: { shape: 'hexagon', color: '#8C6A4F' },
  special: { shape: 'star', color: '#C2187A' },
};

/** Each kind's symbol colour (#RRGGBB): the map's, and the exports' (KML styles). */
export const KIND_COLORS = Object.fromEntries(Object.entries(KIND_SYMBOL).map(([k, v]) => [k, v.color])) as Record<
  ProjectKind,
  string
>;

const OUTLINE = '#1E293B';
export const CELL = 64;
const R = 22;

/** A shape's corners around (cx, cy) at radius r (a circle has none: null). */
export function shapeVertices(shape: Shape, r: number, cx: number, cy: number): [number, number][] | null {
  const poly = (n: number, rot: number, radii: (i: number) => number = () => r, dy = 0): [number, number][] =>
    Array.from({ length: n }, (_, i) => {
      const a = rot + (i * 2 * Math.PI) / n;
      const rr = radii(i);
      return [cx + rr * Math.cos(a), cy + rr * Math.sin(a) + dy];
    });
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return poly(4, Math.PI / 4, () => r * 1.18);
    case 'triangle':
      // lowered by a fifth of the radius: its area's centre, not its corners' circle, on the point
      return poly(3, -Math.PI / 2, () => r * 1.3, r * 0.2);
    case 'diamond':
      return poly(4, -Math.PI / 2, () => r * 1.22);
    case 'pentagon':
      return poly(5, -Math.PI / 2, () => r * 1.1);
    case 'hexagon':
      return poly(6, 0, () => r * 1.08);
    case 'star':
      return poly(10, -Math.PI / 2, (i) => (i % 2 === 0 ? r * 1.3 : r * 0.6));
  }
}

/**
 * One drawing step of a symbol, centred on its cell: a shape filled and/or stroked, or white hatching
 * clipped to a shape. The SVG of the legend and the exports and the canvas of the map's images (src/map/
 * atlas.ts) draw the same steps.
 */
export type SymbolPart =
  | {
      readonly type: 'shape';
      readonly shape: Shape;
      readonly r: number;
      readonly fill?: string;
      readonly stroke?: string;
      readonly strokeWidth?: number;
      readonly dash?: readonly [number, number];
    }
  | {
      readonly type: 'hatch';
      readonly shape: Shape;
      readonly r: number;
      /** Lines as [x1, y1, x2, y2], offsets from the cell's centre. */
      readonly lines: readonly (readonly [number, number, number, number])[];
      readonly stroke: string;
      readonly opacity: number;
      readonly strokeWidth: number;
    };

function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number): number => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

/**
 * The steps of one symbol. Fill by status: 谋划 hollow, 前期 light tint, 在建 solid with white hatching,
 * 竣工 solid. Outline by action: 新建 solid, 改扩建 dashed, 扩建 double.
 */
export function symbolParts(kind: ProjectKind, action: ProjectAction, status: ProjectStatus): SymbolPart[] {
  const { shape, color } = KIND_SYMBOL[kind];
  const fill = status === 'planned' ? '#FFFFFF' : status === 'preparing' ? tint(color, 0.6) : color;
  const parts: SymbolPart[] = [{ type: 'shape', shape, r: R, fill }];
  if (status === 'underConstruction')
    parts.push({
      type: 'hatch',
      shape,
      r: R,
      lines: Array.from({ length: 7 }, (_, i) => {
        const d = (i - 3) * 11;
        return [d - 30, 30, d + 30, -30] as const;
      }),
      stroke: '#FFFFFF',
      opacity: 0.75,
      strokeWidth: 3.5,
    });
  if (status === 'planned') parts.push({ type: 'shape', shape, r: R - 5, stroke: color, strokeWidth: 5 });
  parts.push({
    type: 'shape',
    shape,
    r: R,
    stroke: OUTLINE,
    strokeWidth: action === 'expand' ? 2.5 : 3.5,
    ...(action === 'rebuild' ? { dash: [7, 5] as const } : {}),
  });
  if (action === 'expand') parts.push({ type: 'shape', shape, r: R + 5.5, stroke: OUTLINE, strokeWidth: 2.5 });
  return parts;
}

function shapeElement(shape: Shape, r: number, cx: number, cy: number, attrs: string): string {
  const v = shapeVertices(shape, r, cx, cy);
  if (v === null) return `<circle cx="${cx}" cy="${cy}" r="${r}" ${attrs}/>`;
  return `<polygon points="${v.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ')}" ${attrs}/>`;
}

/** The SVG body of one symbol, in a CELL×CELL box. */
function symbolBody(kind: ProjectKind, action: ProjectAction, status: ProjectStatus): string {
  const cx = CELL / 2;
  const cy = CELL / 2;
  const id = `c-${kind}-${action}-${status}`;
  return symbolParts(kind, action, status)
    .map((p) => {
      if (p.type === 'hatch') {
        const lines = p.lines
          .map(([x1, y1, x2, y2]) => `<line x1="${cx + x1}" y1="${cy + y1}" x2="${cx + x2}" y2="${cy + y2}"/>`)
          .join('');
        return (
          `<clipPath id="${id}">${shapeElement(p.shape, p.r, cx, cy, '')}</clipPath>` +
          `<g clip-path="url(#${id})" stroke="${p.stroke}" stroke-opacity="${p.opacity}" stroke-width="${p.strokeWidth}">${lines}</g>`
        );
      }
      const attrs = [
        `fill="${p.fill ?? 'none'}"`,
        ...(p.stroke ? [`stroke="${p.stroke}"`, `stroke-width="${p.strokeWidth ?? 1}"`] : []),
        ...(p.dash ? [`stroke-dasharray="${p.dash.join(' ')}"`] : []),
      ];
      return shapeElement(p.shape, p.r, cx, cy, attrs.join(' '));
    })
    .join('');
}

export function symbolSvg(
  kind: ProjectKind,
  action: ProjectAction = 'new',
  status: ProjectStatus = 'completed',
): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CELL}" height="${CELL}" viewBox="0 0 ${CELL} ${CELL}">${symbolBody(kind, action, status)}</svg>`;
}

export const iconKey = (kind: ProjectKind, action: ProjectAction, status: ProjectStatus): string =>
  `${kind}|${action}|${status}`;

export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
