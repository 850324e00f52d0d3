import {
  PROJECT_ACTIONS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type ProjectAction,
  type ProjectKind,
  type ProjectStatus,
} from '../src/core/model/kinds';

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

function points(shape: Shape, r: number, cx: number, cy: number): string | null {
  const poly = (n: number, rot: number, radii: (i: number) => number = () => r): string =>
    Array.from({ length: n }, (_, i) => {
      const a = rot + (i * 2 * Math.PI) / n;
      const rr = radii(i);
      return `${(cx + rr * Math.cos(a)).toFixed(2)},${(cy + rr * Math.sin(a)).toFixed(2)}`;
    }).join(' ');
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return poly(4, Math.PI / 4, () => r * 1.18);
    case 'triangle':
      return poly(3, -Math.PI / 2, () => r * 1.3).replace(
        /,(\S+)/g,
        (_m, y: string) => `,${(Number(y) + r * 0.2).toFixed(2)}`,
      );
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

function shapeElement(shape: Shape, r: number, cx: number, cy: number, attrs: string): string {
  const p = points(shape, r, cx, cy);
  return p === null ? `<circle cx="${cx}" cy="${cy}" r="${r}" ${attrs}/>` : `<polygon points="${p}" ${attrs}/>`;
}

function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number): number => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

/**
 * The SVG body of one symbol, drawn in a CELL×CELL box at (ox, oy).
 * Fill by status: 谋划 hollow, 前期 light tint, 在建 solid with white hatching, 竣工 solid.
 * Outline by action: 新建 solid, 改扩建 dashed, 扩建 double.
 */
export function symbolBody(kind: ProjectKind, action: ProjectAction, status: ProjectStatus, ox = 0, oy = 0): string {
  const { shape, color } = KIND_SYMBOL[kind];
  const cx = ox + CELL / 2;
  const cy = oy + CELL / 2;
  const fill = status === 'planned' ? '#FFFFFF' : status === 'preparing' ? tint(color, 0.6) : color;
  const id = `c-${kind}-${action}-${status}-${ox}-${oy}`;
  const parts: string[] = [];
  parts.push(shapeElement(shape, R, cx, cy, `fill="${fill}"`));
  if (status === 'underConstruction') {
    parts.push(`<clipPath id="${id}">${shapeElement(shape, R, cx, cy, '')}</clipPath>`);
    const lines = Array.from({ length: 7 }, (_, i) => {
      const d = (i - 3) * 11;
      return `<line x1="${cx + d - 30}" y1="${cy + 30}" x2="${cx + d + 30}" y2="${cy - 30}"/>`;
    }).join('');
    parts.push(`<g clip-path="url(#${id})" stroke="#FFFFFF" stroke-opacity="0.75" stroke-width="3.5">${lines}</g>`);
  }
  if (status === 'planned')
    parts.push(shapeElement(shape, R - 5, cx, cy, `fill="none" stroke="${color}" stroke-width="5"`));
  const dash = action === 'rebuild' ? ' stroke-dasharray="7 5"' : '';
  parts.push(
    shapeElement(
      shape,
      R,
      cx,
      cy,
      `fill="none" stroke="${OUTLINE}" stroke-width="${action === 'expand' ? 2.5 : 3.5}"${dash}`,
    ),
  );
  if (action === 'expand')
    parts.push(shapeElement(shape, R + 5.5, cx, cy, `fill="none" stroke="${OUTLINE}" stroke-width="2.5"`));
  return parts.join('');
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

export interface IconAtlas {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly mapping: Readonly<
    Record<string, { x: number; y: number; width: number; height: number; anchorY: number; mask: false }>
  >;
}

/** All kind × action × status symbols in one sheet (cut into the map's images, src/map/atlas.ts). */
export function buildIconAtlas(): IconAtlas {
  const cols = PROJECT_ACTIONS.length * PROJECT_STATUSES.length;
  const width = cols * CELL;
  const height = PROJECT_KINDS.length * CELL;
  const mapping: Record<string, { x: number; y: number; width: number; height: number; anchorY: number; mask: false }> =
    {};
  const bodies: string[] = [];
  PROJECT_KINDS.forEach((kind, row) => {
    PROJECT_ACTIONS.forEach((action, ai) => {
      PROJECT_STATUSES.forEach((status, si) => {
        const x = (ai * PROJECT_STATUSES.length + si) * CELL;
        const y = row * CELL;
        mapping[iconKey(kind, action, status)] = { x, y, width: CELL, height: CELL, anchorY: CELL / 2, mask: false };
        bodies.push(symbolBody(kind, action, status, x, y));
      });
    });
  });
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${bodies.join('')}</svg>`,
    width,
    height,
    mapping,
  };
}

export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
