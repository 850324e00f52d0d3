/**
 * The map's project symbols (layers/symbols.ts), each drawn the first time MapLibre asks for it. Drawn
 * with the canvas's own paths from the symbols' steps, not by decoding their SVG: a browser renders an
 * SVG image on the page's thread (about 300 ms for the whole sheet on a software-rendered VM, right when
 * the first map's data arrives); a symbol on the canvas takes about a millisecond, and a map needs only
 * the kinds, actions and statuses it shows. The legend and the exports keep the SVG.
 */
import { CELL, iconKey, shapeVertices, symbolParts, type Shape, type SymbolPart } from '../../layers/symbols';
import {
  PROJECT_ACTIONS,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type ProjectAction,
  type ProjectKind,
  type ProjectStatus,
} from '../core/model/kinds';

type Triple = readonly [ProjectKind, ProjectAction, ProjectStatus];

/** Every symbol's name (the map's image id) and what it shows. */
const SYMBOLS: ReadonlyMap<string, Triple> = new Map(
  PROJECT_KINDS.flatMap((k) =>
    PROJECT_ACTIONS.flatMap((a) => PROJECT_STATUSES.map((s) => [iconKey(k, a, s), [k, a, s] as const] as const)),
  ),
);

function tracePath(ctx: CanvasRenderingContext2D, shape: Shape, r: number, cx: number, cy: number): void {
  ctx.beginPath();
  const v = shapeVertices(shape, r, cx, cy);
  if (v === null) ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  else {
    v.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
}

/** One step as SVG draws it (miter joins limited at 4, butt caps, the dash starting at the first corner). */
function drawPart(ctx: CanvasRenderingContext2D, p: SymbolPart, cx: number, cy: number): void {
  ctx.save();
  if (p.type === 'hatch') {
    tracePath(ctx, p.shape, p.r, cx, cy);
    ctx.clip();
    ctx.globalAlpha = p.opacity;
    ctx.strokeStyle = p.stroke;
    ctx.lineWidth = p.strokeWidth;
    ctx.beginPath();
    for (const [x1, y1, x2, y2] of p.lines) {
      ctx.moveTo(cx + x1, cy + y1);
      ctx.lineTo(cx + x2, cy + y2);
    }
    ctx.stroke();
  } else {
    tracePath(ctx, p.shape, p.r, cx, cy);
    if (p.fill) {
      ctx.fillStyle = p.fill;
      ctx.fill();
    }
    if (p.stroke) {
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.strokeWidth ?? 1;
      ctx.setLineDash(p.dash ? [...p.dash] : []);
      ctx.stroke();
    }
  }
  ctx.restore();
}

let canvas: CanvasRenderingContext2D | null = null;
const drawn = new Map<string, ImageData>();

/**
 * A symbol's pixels, CELL × CELL at 1× (drawn at 12–26 px on the map: crisp on HiDPI too), or null
 * for a name that is no symbol. Drawn once per page; the map on screen and the export renderer share it.
 */
export function symbolImage(key: string): ImageData | null {
  const done = drawn.get(key);
  if (done) return done;
  const what = SYMBOLS.get(key);
  if (!what) return null;
  if (!canvas) {
    const c = document.createElement('canvas');
    c.width = CELL;
    c.height = CELL;
    canvas = c.getContext('2d', { willReadFrequently: true });
    if (!canvas) throw new Error('no 2D canvas for the map symbols');
    canvas.miterLimit = 4; // SVG's default (the canvas's is 10)
  }
  canvas.clearRect(0, 0, CELL, CELL);
  for (const p of symbolParts(...what)) drawPart(canvas, p, CELL / 2, CELL / 2);
  const pixels = canvas.getImageData(0, 0, CELL, CELL);
  drawn.set(key, pixels);
  return pixels;
}
