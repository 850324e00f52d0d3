import { PHASE_YEARS } from '../../core/model/slides';
import { useI18n, useLayers, useView } from '../context';

/** 建设时序: a year slider that shows the projects completed by then, and cumulative seats by year. */
export function PhasingPanel() {
  const i18n = useI18n();
  const layers = useLayers();
  const view = useView();
  const t = i18n.t.value;
  const year = view.state.phaseYear.value;
  const data = layers.seatsByYear.value;
  const shown = [...layers.projectsByKind.value.values()].reduce((s, l) => s + l.length, 0);
  const max = Math.max(1, ...data.total);
  const W = 260;
  const H = 72;
  const bw = W / data.years.length;
  return (
    <section class="panel phasing" data-testid="phasing-panel" aria-labelledby="phasing-title">
      <header class="panel-head">
        <h2 id="phasing-title">{t('phase.title')}</h2>
        <div class="panel-actions">
          <label class="check small">
            <input
              type="checkbox"
              data-testid="year-all"
              checked={year === null}
              onChange={(e) => view.actions.setPhaseYear(e.currentTarget.checked ? null : PHASE_YEARS.max)}
            />
            {t('phase.all')}
          </label>
        </div>
      </header>
      <div class="phase-slider">
        <input
          type="range"
          data-testid="year-slider"
          aria-label={t('phase.slider')}
          min={PHASE_YEARS.min}
          max={PHASE_YEARS.max}
          step={1}
          value={year ?? PHASE_YEARS.max}
          data-year={year ?? ''}
          onInput={(e) => view.actions.setPhaseYear(Number(e.currentTarget.value))}
        />
        <output class="phase-year" data-testid="year-value">
          {year ?? t('phase.all')}
        </output>
      </div>
      <p class="muted small" data-testid="phase-status" data-shown={shown}>
        {year === null ? t('phase.allYears') : t('phase.byYear', { year: String(year), count: shown })}
      </p>
      <figure class="phase-chart">
        <figcaption class="small">{t('phase.chart')}</figcaption>
        <svg
          viewBox={`0 0 ${W} ${H + 14}`}
          width="100%"
          role="img"
          aria-label={t('phase.chart')}
          data-testid="phase-chart"
        >
          {data.years.map((y, i) => {
            const v = data.total[i] ?? 0;
            const h = (v / max) * H;
            const active = year === null || y <= year;
            return (
              <g key={y}>
                <rect
                  x={i * bw + 1.5}
                  y={H - h}
                  width={bw - 3}
                  height={Math.max(h, 0.5)}
                  fill={active ? '#0F4C81' : '#c5d2df'}
                  onClick={() => view.actions.setPhaseYear(y)}
                  style={{ cursor: 'pointer' }}
                >
                  <title>{t('phase.chartLabel', { year: String(y), seats: v })}</title>
                </rect>
                {(i === 0 || i === data.years.length - 1 || y % 5 === 0) && (
                  <text x={i * bw + bw / 2} y={H + 12} text-anchor="middle" font-size="9" fill="#55636f">
                    {y}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </figure>
    </section>
  );
}
