/**
 * The PDF's page of the demand projection: for every county and the city, the first year each stage
 * runs short, its peak and the first year of empty seats; then the chosen stage's seats minus demand
 * year by year; then what it all rests on. Drawn on a canvas, every word also kept as PDF text.
 */
import type { PdfText } from '../core/export/pdf';
import type { Projection } from '../core/projection/project';
import type { ProjectionStage } from '../core/projection/types';
import { projectionNotes } from '../state/projectionNotes';
import type { PrintStores } from './credits';
import { PRINT_FONT } from './compose';
import { tablePage } from './pageCanvas';
import { formatNumber } from '../core/i18n/translate';

const MAIN: readonly ProjectionStage[] = ['preschool', 'primary', 'junior', 'upperSecondary'];

export function drawProjectionPage(
  stores: PrintStores,
  p: Projection,
  W: number,
  H: number,
  pageNo: number,
  pageCount: number,
): { canvas: HTMLCanvasElement; texts: PdfText[] } {
  const t = stores.i18n.t.peek();
  const lang = stores.i18n.lang.peek();
  const variant = t(`projection.variantShort.${p.variant}`);
  const page = tablePage(stores, W, H, `${t('projection.title')} · ${variant}`, t('projection.modelled'));
  const { ctx, text, u, m } = page;
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const unitName = (id: string): string => (id === 'city' ? t('projection.city') : stores.i18n.countyName.peek()(id));
  const stage = stores.projection.state.stage.peek();
  const fs = 13 * u;
  const rowH = 26 * u;
  const rule = (y: number, strong = false): void => {
    ctx.fillStyle = strong ? '#1b2733' : '#dde3ea';
    ctx.fillRect(m, y, W - 2 * m, (strong ? 1.5 : 1) * u);
  };
  const units = [...p.units.filter((x) => x.id !== 'city'), ...p.units.filter((x) => x.id === 'city')];

  // table 1: the milestone years of each stage
  let y = m + 110 * u;
  const firstW = 150 * u;
  const groupW = (W - 2 * m - firstW) / MAIN.length;
  const sub = [t('projection.col.firstShort'), t('projection.col.peak'), t('projection.col.surplus')];
  ctx.fillStyle = '#eef3f8';
  ctx.fillRect(m, y - rowH + 6 * u, W - 2 * m, rowH * 2.1);
  text(t('projection.col.unit'), m + 8 * u, y, fs, 700);
  MAIN.forEach((s, g) => {
    const x0 = m + firstW + groupW * g;
    text(t(`projection.stage.${s}`), x0 + groupW / 2, y, fs, 700, 'center');
    sub.forEach((h, k) => text(h, x0 + (groupW / 3) * (k + 0.5), y + rowH, fs * 0.85, 400, 'center', '#3d4f61'));
  });
  y += rowH * 2.1;
  for (const x of units) {
    if (x.id === 'city') rule(y - rowH * 0.75, true);
    text(unitName(x.id), m + 8 * u, y, fs, x.id === 'city' ? 700 : 400);
    MAIN.forEach((s, g) => {
      const ms = x.milestones[s];
      const x0 = m + firstW + groupW * g;
      [ms.firstShort, ms.peak, ms.surplusFrom].forEach((v, k) =>
        text(
          v === null ? t('projection.never') : String(v),
          x0 + (groupW / 3) * (k + 0.5),
          y,
          fs,
          x.id === 'city' ? 700 : 400,
          'center',
          k === 0 && v !== null ? '#b91c1c' : k === 2 && v !== null ? '#15803d' : '#1b2733',
        ),
      );
    });
    y += rowH;
    rule(y - rowH * 0.75);
  }

  // table 2: the chosen stage, seats minus demand by year
  y += rowH * 0.8;
  text(t('stats.projection', { stage: t(`projection.stage.${stage}`), variant }), m, y, 18 * u, 700, 'left', '#0F4C81');
  y += rowH * 1.1;
  const colW = (W - 2 * m - firstW) / p.years.length;
  text(t('projection.col.unit'), m + 8 * u, y, fs * 0.9, 700);
  p.years.forEach((yr, i) => text(String(yr), m + firstW + colW * (i + 1) - 6 * u, y, fs * 0.9, 700, 'right'));
  y += rowH;
  for (const x of units) {
    if (y > H - m - rowH * 8) break;
    if (x.id === 'city') rule(y - rowH * 0.75, true);
    text(unitName(x.id), m + 8 * u, y, fs * 0.9, x.id === 'city' ? 700 : 400);
    const s = x.stages[stage];
    p.years.forEach((_, i) => {
      const spare = (s.seats[i] ?? 0) - (s.demand[i] ?? 0);
      text(
        `${spare > 0.5 ? '+' : ''}${n(spare)}`,
        m + firstW + colW * (i + 1) - 6 * u,
        y,
        fs * 0.9,
        x.id === 'city' ? 700 : 400,
        'right',
        Math.round(spare) < 0 ? '#b91c1c' : '#1b2733',
      );
    });
    y += rowH * 0.95;
  }

  // what it rests on
  const kit = stores.projection.state.kit.peek();
  if (kit?.demography.ok) {
    y += rowH * 0.4;
    const notes = projectionNotes({
      t,
      lang,
      projection: p,
      demography: kit.demography.value,
      imported: stores.reference.state.demography.peek(),
      enrolment: stores.preferences.state.settings.peek().analysis.enrolment,
      unitName,
    }).slice(1);
    ctx.font = `400 ${11 * u}px ${PRINT_FONT}`;
    for (const line of notes) {
      if (y > H - m * 1.2) break;
      // long notes wrap at the page width
      const words = lang === 'zh' ? line.split('') : line.split(/(?<=\s)/);
      let current = '';
      for (const w of words) {
        if (ctx.measureText(current + w).width > W - 2 * m && current !== '') {
          text(current, m, y, 11 * u, 400, 'left', '#3d4f61');
          y += 15 * u;
          current = '';
        }
        current += w;
      }
      text(current, m, y, 11 * u, 400, 'left', '#3d4f61');
      y += 17 * u;
    }
  }
  return page.finish(pageNo, pageCount);
}
