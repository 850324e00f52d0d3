/**
 * PNG and PDF export of the map: each map is drawn at the target size (src/map/render.ts), the print
 * layout composed over it (src/map/compose.ts); PDF adds a statistics page and carries every word as
 * text (src/core/export/pdf.ts).
 */
import { paperPt, paperPx, pngSize, type Orientation, type PaperSize, type PngPreset } from '../core/export/paper';
import { writePdf, type PdfPage, type PdfText } from '../core/export/pdf';
import { PROJECT_KINDS } from '../core/model/kinds';
import type { Slide } from '../core/model/slides';
import { STAGES } from '../core/analysis/params';
import { PROJECTION_YEARS } from '../core/projection/types';
import { isLayerId, swatchSvg, visibleLegend, type LayerId } from '../../layers/index';
import { composeMap, PRINT_FONT } from './compose';
import { liveView, type LiveView } from './live';
import { createRenderer, type Renderer, type RenderView } from './render';
import { creditLines, dateText, type PrintStores } from './credits';
import { tablePage } from './pageCanvas';
import { drawProjectionPage } from './projectionPage';
import { formatNumber } from '../core/i18n/translate';

export type ExportContent = { readonly type: 'current' } | { readonly type: 'slide'; readonly id: string };

function viewOf(
  stores: PrintStores,
  content: ExportContent,
  live: LiveView,
): { slide: Slide | null; camera: LiveView['camera'] } {
  if (content.type === 'slide') {
    const slide = stores.meeting.state.slides.peek().find((s) => s.id === content.id) ?? null;
    if (slide) return { slide, camera: slide.camera };
  }
  return { slide: null, camera: live.camera };
}

interface PageView {
  readonly slide: Slide | null;
  readonly layers: ReadonlySet<LayerId>;
  readonly year: number | null;
  readonly view: RenderView;
}

function pageView(stores: PrintStores, content: ExportContent, live: LiveView): PageView {
  const { slide, camera } = viewOf(stores, content, live);
  const layers: ReadonlySet<LayerId> = slide
    ? new Set(slide.layers.filter(isLayerId))
    : stores.view.state.visible.peek();
  const year = slide ? slide.year : stores.view.state.phaseYear.peek();
  return {
    slide,
    layers,
    year,
    view: {
      camera,
      viewport: live.viewport,
      layerInput: stores.layers.layerInputFor(layers, year, slide?.projection ?? null),
    },
  };
}

/** Draws the views with one hidden map of the given size. */
async function withRenderer<T>(
  stores: PrintStores,
  width: number,
  height: number,
  first: RenderView,
  fn: (r: Renderer) => Promise<T>,
): Promise<T> {
  const renderer = await createRenderer(
    {
      width,
      height,
      reference: stores.fixed.reference,
      lang: stores.i18n.lang.peek(),
      basemap: stores.basemap.state.active.peek(),
      tiandituKey: stores.preferences.state.settings.peek().tiandituKey,
    },
    first,
  );
  try {
    return await fn(renderer);
  } finally {
    // releasing a WebGL context can take seconds on software rendering: after the file is handed over
    setTimeout(() => renderer.dispose(), 50);
  }
}

async function drawMap(
  stores: PrintStores,
  renderer: Renderer,
  page: PageView,
): Promise<{ canvas: HTMLCanvasElement; texts: PdfText[]; title: string }> {
  const t = stores.i18n.t.peek();
  const { slide, layers, year } = page;
  const rendered = await renderer.render(page.view);
  const scenarioName = stores.scenarios.state.scenario.peek().scenario.name;
  const title = slide?.title ?? scenarioName;
  const caption = [
    slide?.caption ?? '',
    year !== null ? t('present.yearNote', { year: String(year) }) : '',
    // the projected gap says which year, stage and variant it shows
    layers.has('projectedGap')
      ? `${t('layer.projectedGap')} · ${t('legend.projectedGapCaption', {
          year: String(year ?? PROJECTION_YEARS.last),
          stage: t(`projection.stage.${slide?.projection?.stage ?? stores.projection.state.stage.peek()}`),
          variant: t(`projection.variantShort.${slide?.projection?.variant ?? stores.projection.state.variant.peek()}`),
        })}`
      : '',
  ]
    .filter((s) => s !== '')
    .join('\n');
  const composed = await composeMap(rendered, {
    title,
    subtitle: `${t('present.bureau')} · ${slide ? `${scenarioName} · ` : ''}${dateText(stores.i18n.lang.peek())}`,
    caption,
    legendTitle: t('present.legend'),
    legend: visibleLegend(layers).map((e) => ({ label: t(e.labelKey), svg: swatchSvg(e.swatch) })),
    north: t('present.north'),
    credits: creditLines(stores),
  });
  return { ...composed, title };
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> =>
  new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), type, quality),
  );

export interface PngOptions {
  readonly content: ExportContent;
  readonly preset: PngPreset;
}

export async function exportPng(
  stores: PrintStores,
  o: PngOptions,
): Promise<{ name: string; blob: Blob; width: number; height: number }> {
  const live = liveView();
  if (!live) throw new Error('map not ready');
  const [w, h] = pngSize(o.preset, live.pixels);
  const page = pageView(stores, o.content, live);
  const { canvas, title } = await withRenderer(stores, w, h, page.view, (r) => drawMap(stores, r, page));
  const blob = await toBlob(canvas, 'image/png');
  return { name: `${title}-${w}x${h}.png`, blob, width: w, height: h };
}

export interface PdfOptions {
  readonly paper: PaperSize;
  readonly orientation: Orientation;
  /** Every slide as its own page (else the current view). */
  readonly allSlides: boolean;
  readonly stats: boolean;
}

/** Dots per inch of the page images: sharp on paper, a file size a mail system accepts. */
const PDF_DPI = 150;

export async function exportPdf(
  stores: PrintStores,
  o: PdfOptions,
  onProgress: (done: number, total: number) => void,
): Promise<{ name: string; bytes: Uint8Array; pages: number }> {
  const [wPt, hPt] = paperPt(o.paper, o.orientation);
  const [wPx, hPx] = paperPx(o.paper, o.orientation, PDF_DPI);
  const slides = stores.meeting.state.slides.peek();
  const contents: ExportContent[] =
    o.allSlides && slides.length > 0 ? slides.map((s) => ({ type: 'slide', id: s.id })) : [{ type: 'current' }];
  // the demand projection's page follows the statistics page (its model loads now if it has not yet)
  const projection =
    o.stats && (await stores.projection.actions.ensure()) ? stores.projection.state.projection.peek() : null;
  const total = contents.length + (o.stats ? 1 : 0) + (projection ? 1 : 0);
  const scale = wPt / wPx;
  const toPt = (texts: readonly PdfText[]): PdfText[] =>
    texts.map((x) => ({ text: x.text, x: x.x * scale, y: x.y * scale, size: x.size * scale }));
  const pages: PdfPage[] = [];
  let title = stores.scenarios.state.scenario.peek().scenario.name;
  const live = liveView();
  if (!live) throw new Error('map not ready');
  const views = contents.map((c) => pageView(stores, c, live));
  const first = views[0];
  if (!first) throw new Error('nothing to export');
  await withRenderer(stores, wPx, hPx, first.view, async (renderer) => {
    for (const [i, view] of views.entries()) {
      onProgress(i, total);
      const map = await drawMap(stores, renderer, view);
      if (i === 0 && !view.slide) title = map.title;
      const jpeg = new Uint8Array(await (await toBlob(map.canvas, 'image/jpeg', 0.9)).arrayBuffer());
      pages.push({
        width: wPt,
        height: hPt,
        image: { type: 'jpeg', bytes: jpeg, width: wPx, height: hPx },
        texts: toPt(map.texts),
      });
    }
  });
  if (o.stats) {
    onProgress(contents.length, total);
    const tablePages = [drawStatsPage(stores, wPx, hPx, contents.length + 1, total)];
    if (projection) tablePages.push(drawProjectionPage(stores, projection, wPx, hPx, contents.length + 2, total));
    for (const page of tablePages) {
      const data = page.canvas.getContext('2d')?.getImageData(0, 0, wPx, hPx);
      if (!data) throw new Error('no 2D canvas');
      pages.push({
        width: wPt,
        height: hPt,
        image: { type: 'rgba', pixels: data.data, width: wPx, height: hPx },
        texts: toPt(page.texts),
      });
    }
  }
  onProgress(total, total);
  const bytes = writePdf(pages, {
    title,
    subject: stores.i18n.t.peek()('present.bureau'),
    producer: stores.i18n.t.peek()('app.title'),
    created: new Date(),
  });
  return { name: `${title}-${o.paper}.pdf`, bytes, pages: pages.length };
}

/** The statistics page: per county projects and seats by kind, coverage and seat gaps, target progress. */
export function drawStatsPage(
  stores: PrintStores,
  W: number,
  H: number,
  pageNo: number,
  pageCount: number,
): { canvas: HTMLCanvasElement; texts: PdfText[] } {
  const t = stores.i18n.t.peek();
  const page = tablePage(stores, W, H, t('stats.title'));
  const { ctx, text, u, m } = page;
  const n = (v: number): string => formatNumber(stores.i18n.lang.peek(), Math.round(v));
  const scenario = stores.scenarios.state.scenario.peek();

  // table 1: counties
  const counties = stores.fixed.reference.counties.features.map((f) => f.properties.adcode);
  const rows = new Map<string, { projects: number; seats: number[] }>();
  const city = { projects: 0, seats: PROJECT_KINDS.map(() => 0) };
  for (const p of scenario.features) {
    const r = rows.get(p.properties.countyCode) ?? { projects: 0, seats: PROJECT_KINDS.map(() => 0) };
    const k = PROJECT_KINDS.indexOf(p.properties.kind);
    r.projects++;
    r.seats[k] = (r.seats[k] ?? 0) + p.properties.seats;
    city.projects++;
    city.seats[k] = (city.seats[k] ?? 0) + p.properties.seats;
    rows.set(p.properties.countyCode, r);
  }
  const coverage = new Map(stores.analysis.state.coverageRows.peek().map((r) => [r.id, r.pct]));
  const demand = new Map(
    stores.analysis.state.demandRows
      .peek()
      .filter((r) => r.type !== 'zone')
      .map((r) => [r.id, r]),
  );
  const hasAnalysis = coverage.size > 0;
  const level = t(`level.${stores.analysis.state.level.peek()}`);
  const header = [
    t('field.county'),
    t('stats.projects'),
    ...PROJECT_KINDS.map((k) => t(`kind.${k}`)),
    t('stats.total'),
    ...(hasAnalysis ? [`${t('stats.coverage')}·${level}`] : []),
    ...(demand.size > 0 ? STAGES.map((s) => `${t('stats.gap')}·${t(`stage.${s}`).replace(/（.*|\s*\(.*/, '')}`) : []),
  ];
  const fs = 13.5 * u;
  const firstW = 150 * u;
  const colW = (W - 2 * m - firstW) / (header.length - 1);
  let y = m + 120 * u;
  const rowH = 30 * u;
  ctx.fillStyle = '#eef3f8';
  ctx.fillRect(m, y - rowH + 8 * u, W - 2 * m, rowH * 1.5);
  header.forEach((h, i) => {
    const x = i === 0 ? m + 8 * u : m + firstW + colW * i - 8 * u;
    ctx.font = `700 ${fs * 0.92}px ${PRINT_FONT}`;
    // long headers (stage gaps) wrap to two lines
    const words = ctx.measureText(h).width > colW - 10 * u && h.includes('·') ? h.split('·') : [h];
    words.forEach((w, j) => text(w, x, y + j * fs * 1.1, fs * 0.92, 700, i === 0 ? 'left' : 'right'));
  });
  y += rowH * 1.3;
  const all: [string, { projects: number; seats: number[] }][] = [
    ...counties.flatMap((c): [string, { projects: number; seats: number[] }][] => {
      const r = rows.get(c);
      return r || demand.has(c) ? [[c, r ?? { projects: 0, seats: PROJECT_KINDS.map(() => 0) }]] : [];
    }),
    ['city', city],
  ];
  for (const [code, r] of all) {
    const isCity = code === 'city';
    if (isCity) {
      ctx.fillStyle = '#1b2733';
      ctx.fillRect(m, y - rowH * 0.72, W - 2 * m, 1.5 * u);
    }
    const pct = coverage.get(code);
    const d = demand.get(code);
    const cells = [
      isCity ? t('stats.city') : stores.i18n.countyName.peek()(code),
      n(r.projects),
      ...r.seats.map((v) => (v === 0 ? '—' : n(v))),
      n(r.seats.reduce((a, b) => a + b, 0)),
      ...(hasAnalysis ? [pct === null || pct === undefined ? '—' : `${pct.toFixed(1)}%`] : []),
      ...(demand.size > 0 ? STAGES.map((s) => (d && d.stages[s].gap > 0 ? n(d.stages[s].gap) : '—')) : []),
    ];
    cells.forEach((c, i) =>
      text(
        c,
        i === 0 ? m + 8 * u : m + firstW + colW * i - 8 * u,
        y,
        fs,
        isCity ? 700 : 400,
        i === 0 ? 'left' : 'right',
      ),
    );
    y += rowH;
    ctx.fillStyle = '#dde3ea';
    ctx.fillRect(m, y - rowH * 0.72, W - 2 * m, 1 * u);
  }

  // table 2: plan targets
  y += rowH;
  text(t('stats.targets'), m, y, 20 * u, 700, 'left', '#0F4C81');
  y += rowH * 1.2;
  const lang = stores.i18n.lang.peek();
  for (const p of stores.analysis.state.progress.peek()) {
    if (y > H - m - rowH) break;
    const label = lang === 'en' ? p.target.labelEn : p.target.label;
    text(label, m + 8 * u, y, fs);
    const achieved = p.achieved === null ? '—' : n(p.achieved);
    const judged = p.status === 'met' || p.status === 'short' ? '' : ` · ${t(`targets.status.${p.status}`)}`;
    text(
      `${t('stats.planned')} ${achieved} / ${t('stats.target')} ${n(p.target.value)} ${p.target.unit}${judged}`,
      W - m - 8 * u,
      y,
      fs,
      400,
      'right',
    );
    // a progress bar between the label and the figures
    const bx = m + W * 0.42;
    const bw = W * 0.25;
    ctx.fillStyle = '#e6ebf0';
    ctx.fillRect(bx, y - fs * 0.8, bw, fs * 0.7);
    ctx.fillStyle = p.status === 'met' ? '#2e7d32' : p.status === 'short' ? '#e8a33d' : '#9aa7b4';
    ctx.fillRect(bx, y - fs * 0.8, bw * Math.min(1, p.fraction ?? 0), fs * 0.7);
    y += rowH;
  }
  return page.finish(pageNo, pageCount);
}
