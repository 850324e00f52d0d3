/**
 * The print layout of an exported map: title block, legend of the visible layers, north arrow, metric
 * scale bar and credit line drawn onto the rendered map. Returns the words it drew with their places,
 * so a PDF can carry them as text.
 */
import { scaleBar } from '../core/export/paper';
import type { PdfText } from '../core/export/pdf';
import { svgDataUrl } from '../../layers/symbols';

export interface MapLayout {
  readonly title: string;
  readonly subtitle: string;
  readonly caption: string;
  readonly legendTitle: string;
  readonly legend: readonly { readonly label: string; readonly svg: string }[];
  readonly north: string;
  readonly credits: readonly string[];
}

/** The print font stack: the system's CJK fonts, as on screen. */
export const PRINT_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

async function loadSvg(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = svgDataUrl(svg);
  await img.decode();
  return img;
}

/**
 * Wraps text to lines no wider than `max` (CJK breaks anywhere; Latin at spaces when it can). Widths
 * are summed per character (measured once each): measuring ever-longer strings is slow with CJK fonts.
 */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const widths = new Map<string, number>();
  const width = (ch: string): number => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = ctx.measureText(ch).width));
    return w;
  };
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line: string[] = [];
    let w = 0;
    for (const ch of para) {
      const cw = width(ch);
      if (w + cw > max && line.length > 0) {
        const space = line.lastIndexOf(' ');
        if (space > 0 && /[\x20-\x7e]/.test(ch)) {
          lines.push(line.slice(0, space).join(''));
          line = line.slice(space + 1);
        } else {
          lines.push(line.join(''));
          line = [];
        }
        w = line.reduce((s, c) => s + width(c), 0);
      }
      line.push(ch);
      w += cw;
    }
    lines.push(line.join(''));
  }
  return lines;
}

function panel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.18)';
  ctx.shadowBlur = r;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
  ctx.restore();
}

export async function composeMap(
  map: { canvas: HTMLCanvasElement; metresPerPixel: number },
  layout: MapLayout,
): Promise<{ canvas: HTMLCanvasElement; texts: PdfText[] }> {
  const { width: W, height: H } = map.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(map.canvas, 0, 0);
  const texts: PdfText[] = [];
  // one unit ≈ 1 px on a 1600-px-wide image: every size below scales with the image
  const u = Math.max(0.6, Math.min(W / 1600, (H * 1.5) / 1600));
  const m = 24 * u;
  const text = (s: string, x: number, y: number, size: number, weight = 400, color = '#1b2733'): void => {
    ctx.font = `${weight} ${size}px ${PRINT_FONT}`;
    ctx.fillStyle = color;
    ctx.fillText(s, x, y);
    texts.push({ text: s, x, y, size });
  };

  // title block (top left)
  const titleSize = 34 * u;
  const subSize = 16 * u;
  const capSize = 15 * u;
  const blockW = Math.min(W * 0.46, 720 * u);
  ctx.font = `400 ${capSize}px ${PRINT_FONT}`;
  const capLines = layout.caption ? wrap(ctx, layout.caption, blockW - 2 * m).slice(0, 4) : [];
  ctx.font = `700 ${titleSize}px ${PRINT_FONT}`;
  const titleLines = wrap(ctx, layout.title, blockW - 2 * m).slice(0, 2);
  const blockH = m + titleLines.length * titleSize * 1.25 + subSize * 1.6 + capLines.length * capSize * 1.5 + m * 0.6;
  panel(ctx, m, m, blockW, blockH, 10 * u);
  ctx.fillStyle = '#0F4C81';
  ctx.fillRect(m, m, 6 * u, blockH);
  let y = m + m * 0.5 + titleSize;
  for (const line of titleLines) {
    text(line, m * 2, y, titleSize, 700, '#0F4C81');
    y += titleSize * 1.25;
  }
  text(layout.subtitle, m * 2, y, subSize, 400, '#3d4f61');
  y += subSize * 1.6;
  for (const line of capLines) {
    text(line, m * 2, y, capSize, 400, '#1b2733');
    y += capSize * 1.5;
  }

  // north arrow (top right)
  const na = 56 * u;
  const nx = W - m - na;
  const ny = m;
  panel(ctx, nx, ny, na, na * 1.25, 8 * u);
  ctx.beginPath();
  ctx.moveTo(nx + na / 2, ny + na * 0.22);
  ctx.lineTo(nx + na * 0.72, ny + na * 0.95);
  ctx.lineTo(nx + na / 2, ny + na * 0.8);
  ctx.closePath();
  ctx.fillStyle = '#1b2733';
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(nx + na / 2, ny + na * 0.22);
  ctx.lineTo(nx + na * 0.28, ny + na * 0.95);
  ctx.lineTo(nx + na / 2, ny + na * 0.8);
  ctx.closePath();
  ctx.fillStyle = '#8a99a8';
  ctx.fill();
  ctx.font = `700 ${15 * u}px ${PRINT_FONT}`;
  const nw = ctx.measureText(layout.north).width;
  text(layout.north, nx + (na - nw) / 2, ny + na * 1.18, 15 * u, 700);

  // credit line (bottom, full width)
  const creditSize = 11.5 * u;
  ctx.font = `400 ${creditSize}px ${PRINT_FONT}`;
  const creditLines = wrap(ctx, layout.credits.join(' · '), W - 2 * m - 260 * u).slice(0, 3);
  const creditH = creditLines.length * creditSize * 1.45 + creditSize;
  const cy0 = H - m - creditH;
  panel(ctx, m, cy0, W - 2 * m - 250 * u, creditH, 6 * u);
  let cy = cy0 + creditSize * 1.35;
  for (const line of creditLines) {
    text(line, m + creditSize, cy, creditSize, 400, '#3d4f61');
    cy += creditSize * 1.45;
  }

  // scale bar (bottom right)
  const bar = scaleBar(map.metresPerPixel, 180 * u);
  const sbW = 230 * u;
  const sbH = 46 * u;
  const sx = W - m - sbW;
  const sy = H - m - sbH;
  panel(ctx, sx, sy, sbW, sbH, 6 * u);
  const bx = sx + (sbW - bar.px) / 2;
  const by = sy + sbH * 0.62;
  ctx.fillStyle = '#1b2733';
  ctx.fillRect(bx, by, bar.px / 2, 6 * u);
  ctx.strokeStyle = '#1b2733';
  ctx.lineWidth = 1.5 * u;
  ctx.strokeRect(bx, by, bar.px, 6 * u);
  ctx.font = `600 ${13 * u}px ${PRINT_FONT}`;
  const lw = ctx.measureText(bar.label).width;
  text(bar.label, bx + (bar.px - lw) / 2, by - 6 * u, 13 * u, 600);
  text('0', bx - 3 * u, by + 20 * u, 10 * u, 400, '#3d4f61');

  // legend (bottom left, above the credit line)
  if (layout.legend.length > 0) {
    const rowH = 26 * u;
    const sw = 20 * u;
    const lsize = 13.5 * u;
    const cols = layout.legend.length > 9 ? 2 : 1;
    const perCol = Math.ceil(layout.legend.length / cols);
    ctx.font = `400 ${lsize}px ${PRINT_FONT}`;
    const colW = Math.max(...layout.legend.map((e) => ctx.measureText(e.label).width)) + sw + 18 * u;
    const lw2 = Math.min(W * 0.5, cols * colW + m);
    const lh = perCol * rowH + 34 * u + m * 0.4;
    const lx = m;
    const ly = cy0 - m * 0.5 - lh;
    panel(ctx, lx, ly, lw2, lh, 8 * u);
    text(layout.legendTitle, lx + m * 0.6, ly + 24 * u, 15 * u, 700);
    const images = await Promise.all(layout.legend.map((e) => loadSvg(e.svg)));
    layout.legend.forEach((e, i) => {
      const col = Math.floor(i / perCol);
      const row = i % perCol;
      const ex = lx + m * 0.6 + col * colW;
      const ey = ly + 34 * u + row * rowH;
      const img = images[i];
      if (img) ctx.drawImage(img, ex, ey, sw, sw);
      text(e.label, ex + sw + 8 * u, ey + sw * 0.78, lsize);
    });
  }
  return { canvas, texts };
}
