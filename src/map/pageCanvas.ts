/** A white page canvas for the PDF's table pages, and a writer that draws text and keeps it as PDF text. */
import type { PdfText } from '../core/export/pdf';
import { PRINT_FONT } from './compose';

export type PageText = (
  s: string,
  x: number,
  y: number,
  size: number,
  weight?: number,
  align?: 'left' | 'right' | 'center',
  color?: string,
) => void;

export interface PageCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  readonly texts: PdfText[];
  readonly text: PageText;
  /** One unit: the page's size relative to A4 landscape at 150 dpi. */
  readonly u: number;
}

export function pageCanvas(W: number, H: number): PageCanvas {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  const texts: PdfText[] = [];
  const text: PageText = (s, x, y, size, weight = 400, align = 'left', color = '#1b2733') => {
    ctx.font = `${weight} ${size}px ${PRINT_FONT}`;
    ctx.fillStyle = color;
    const w = ctx.measureText(s).width;
    const x0 = align === 'right' ? x - w : align === 'center' ? x - w / 2 : x;
    ctx.fillText(s, x0, y);
    texts.push({ text: s, x: x0, y, size });
  };
  return { canvas, ctx, texts, text, u: Math.min(W / 1754, H / 1240) };
}
