/**
 * The symbol sheet of layers/symbols.ts, rasterised once per page for the map images. Drawn with the
 * canvas's own paths from the symbols' steps, not by decoding their SVG: a browser renders an SVG image
 * on the page's thread (about 300 ms for this sheet on a software-rendered VM, right when the first map's
 * data arrives), the canvas takes a few milliseconds. The legend and the exports keep the SVG.
 */
import {
  CELL,
  buildIconAtlas,
  iconKey,
  shapeVertices,
  symbolParts,
  type IconAtlas,
  type Shape,
  type SymbolPart,
} from '../../layers/symbols';
import { PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES } from '../core/model/kinds';

export interface SymbolSheet {
  readonly atlas: IconAtlas;
  /** The sheet's pixels (at 1×, cells are 64 px, drawn at 12–26 px: crisp on HiDPI too). */
  readonly pixels: ImageData;
}

let shared: Promise<SymbolSheet> | null = null;

/** Rasterises the sheet once per page; the map on screen and the export renderer share it. */
export function loadSymbolSheet(): Promise<SymbolSheet> {
  shared ??= Promise.resolve().then(rasterise);
  return shared;
}

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

function rasterise(): SymbolSheet {
  const atlas = buildIconAtlas();
  const canvas = document.createElement('canvas');
  canvas.width = atlas.width;
  canvas.height = atlas.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas for the symbol sheet');
  ctx.miterLimit = 4; // SVG's default (the canvas's is 10)
  for (const kind of PROJECT_KINDS)
    for (const action of PROJECT_ACTIONS)
      for (const status of PROJECT_STATUSES) {
        const cell = atlas.mapping[iconKey(kind, action, status)];
        if (!cell) continue;
        for (const p of symbolParts(kind, action, status)) drawPart(ctx, p, cell.x + CELL / 2, cell.y + CELL / 2);
      }
  return { atlas, pixels: ctx.getImageData(0, 0, atlas.width, atlas.height) };
}

let now: SymbolSheet | null = null;
// once the page has sent its first requests (main.tsx starts from a microtask, this waits for a task)
setTimeout(() => void loadSymbolSheet().then((s) => (now = s)), 0);

/** The sheet if it is rasterised already (it starts just after this module loads), else null. */
export const symbolSheetNow = (): SymbolSheet | null => now;
