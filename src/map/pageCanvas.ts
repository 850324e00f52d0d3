/** A white page canvas for the PDF's table pages, and a writer that draws text and keeps it as PDF text. */
import type { PdfText } from '../core/export/pdf';
import { PRINT_FONT } from './compose';
import { creditLines, dateText, type PrintStores } from './credits';

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

export interface TablePage extends PageCanvas {
  /** The page margin. */
  readonly m: number;
  /** Draws the credit line and "page n of total" at the foot; returns what the PDF page needs. */
  finish(pageNo: number, pageCount: number): { canvas: HTMLCanvasElement; texts: PdfText[] };
}

/**
 * A page of tables in the PDF (statistics, the projection): the scenario's name and the page's title at
 * the head, the bureau and the date under it (and a note, e.g. 模型推算), the credits and page number at the
 * foot.
 */
export function tablePage(stores: PrintStores, W: number, H: number, title: string, note?: string): TablePage {
  const page = pageCanvas(W, H);
  const { text, u } = page;
  const t = stores.i18n.t.peek();
  const m = 70 * u;
  const scenario = stores.scenarios.state.scenario.peek().scenario.name;
  text(`${scenario} · ${title}`, m, m + 30 * u, 30 * u, 700, 'left', '#0F4C81');
  const sub = `${t('present.bureau')} · ${t('stats.generated', { date: dateText(stores.i18n.lang.peek()) })}`;
  text(note ? `${sub} · ${note}` : sub, m, m + 62 * u, 15 * u, 400, 'left', '#3d4f61');
  return {
    ...page,
    m,
    finish(pageNo, pageCount) {
      text(creditLines(stores).join(' · '), m, H - m * 0.6, 11 * u, 400, 'left', '#3d4f61');
      text(t('stats.page', { n: pageNo, total: pageCount }), W - m, H - m * 0.6, 11 * u, 400, 'right', '#3d4f61');
      return { canvas: page.canvas, texts: page.texts };
    },
  };
}
