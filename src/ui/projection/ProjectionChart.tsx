import { formatNumber, type Lang } from '../../core/i18n/translate';
import type { StageSeries } from '../../core/projection/project';
import type { Milestones } from '../../core/projection/milestones';
import type { Translate } from '../../state/i18n';

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above v: round gridlines. */
function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** An axis figure in few characters: 35万 / 350k. */
function compact(lang: Lang, v: number): string {
  if (v === 0) return '0';
  if (lang === 'zh')
    return v >= 10_000 ? `${formatNumber(lang, Math.round(v / 1000) / 10)}万` : formatNumber(lang, Math.round(v));
  return v >= 1000 ? `${formatNumber(lang, Math.round(v / 100) / 10)}k` : formatNumber(lang, Math.round(v));
}

const W = 300;
const H = 150;
const PAD = { left: 40, right: 10, top: 10, bottom: 22 };

/**
 * Demand (line) against seats (steps) by year, shortfall shaded, the milestone years marked and the map's
 * year drawn as a rule. Plain SVG: it prints, scales and reads in software GL like any text.
 */
export function ProjectionChart({
  title,
  unit,
  years,
  series,
  milestones,
  mapYear,
  t,
  lang,
}: {
  title: string;
  unit: string;
  years: readonly number[];
  series: StageSeries;
  milestones: Milestones;
  mapYear: number;
  t: Translate;
  lang: Lang;
}) {
  const max = niceCeiling(Math.max(1, ...series.demand, ...series.seats) * 1.04);
  const x = (i: number): number => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, years.length - 1);
  const y = (v: number): number => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const line = (vals: readonly number[]): string =>
    vals.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const steps = (vals: readonly number[]): string =>
    vals
      .map((v, i) => (i === 0 ? `M${x(0).toFixed(1)},${y(v).toFixed(1)}` : `H${x(i).toFixed(1)}V${y(v).toFixed(1)}`))
      .join('');
  // shortfall: the area between demand above and seats below, year by year
  const short = years
    .map((_, i) => {
      const d = series.demand[i] ?? 0;
      const s = series.seats[i] ?? 0;
      if (d <= s) return '';
      const x0 = x(Math.max(0, i - 0.5));
      const x1 = x(Math.min(years.length - 1, i + 0.5));
      return `M${x0.toFixed(1)},${y(d).toFixed(1)}H${x1.toFixed(1)}V${y(s).toFixed(1)}H${x0.toFixed(1)}Z`;
    })
    .join('');
  const ticks = [0, 0.5, 1].map((f) => max * f);
  const mark = (year: number | null, cls: string) => {
    if (year === null) return null;
    const i = years.indexOf(year);
    if (i < 0) return null;
    return <circle class={cls} cx={x(i)} cy={y(series.demand[i] ?? 0)} r={3.5} />;
  };
  const mapI = years.indexOf(mapYear);
  return (
    <figure
      class="projection-chart"
      data-testid="projection-chart"
      data-unit={unit}
      data-first-short={milestones.firstShort ?? ''}
      data-peak={milestones.peak ?? ''}
      data-surplus={milestones.surplusFrom ?? ''}
    >
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {ticks.map((v) => (
          <g key={v}>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text class="tick" x={PAD.left - 4} y={y(v) + 3} text-anchor="end">
              {compact(lang, v)}
            </text>
          </g>
        ))}
        {years.map((yr, i) =>
          yr % 5 === 0 || i === 0 ? (
            <text key={yr} class="tick" x={x(i)} y={H - 6} text-anchor="middle">
              {yr}
            </text>
          ) : null,
        )}
        {mapI >= 0 && <line class="map-year" x1={x(mapI)} x2={x(mapI)} y1={PAD.top} y2={H - PAD.bottom} />}
        <path class="short" d={short} />
        <path class="seats" d={steps(series.seats)} />
        <path class="demand" d={line(series.demand)} />
        {mark(milestones.peak, 'peak')}
        {mark(milestones.firstShort, 'first-short')}
        {mark(milestones.surplusFrom, 'surplus')}
      </svg>
      <div class="chart-key small">
        <span class="key demand">{t('projection.chart.demand')}</span>
        <span class="key seats">{t('projection.chart.seats')}</span>
        <span class="key short">{t('projection.chart.short')}</span>
        <span class="key map-year">{t('projection.chart.now')}</span>
      </div>
    </figure>
  );
}
