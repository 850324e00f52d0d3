import { COVERAGE_LEVELS, PARAM_SOURCES } from '../../core/analysis/params';
import { formatNumber } from '../../core/i18n/translate';
import type { AnalysisLayerId } from '../../../layers/types';
import { catchmentCss } from '../../../layers/catchments';
import { Tabs } from '../common/Tabs';
import { useAnalysis, useI18n, usePreferences, useScenarios, useSelection, useView } from '../context';

const pctText = (v: number | null): string => (v === null ? '—' : `${v.toFixed(1)}%`);

/** 覆盖分析: who lives within a catchment of the analysed level, per county and city-wide. */
export function CoveragePanel() {
  const analysis = useAnalysis();
  const i18n = useI18n();
  const preferences = usePreferences();
  const scenarios = useScenarios();
  const selection = useSelection();
  const view = useView();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const a = analysis.state;
  const level = a.level.value;
  const surface = a.surface.value;
  const rows = a.coverageRows.value;
  const result = a.result.value;
  const params = preferences.state.settings.value.analysis;
  const visible = view.state.visible.value;
  const city = rows.at(-1);
  const source = PARAM_SOURCES.radius[level];
  const served = a.served.value;
  const over = served.filter((s) => s.oversubscribed);
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const quick: readonly AnalysisLayerId[] = ['catchments', 'uncovered', 'assignment', 'population'];
  return (
    <section class="panel analysis-panel" data-testid="coverage-panel" aria-labelledby="coverage-title">
      <header class="panel-head">
        <h2 id="coverage-title">{t('coverage.title')}</h2>
        {result && (
          <span class="muted small" data-testid="coverage-time" title={t('coverage.timeHint')}>
            {t('coverage.time', { ms: result.ms.toFixed(1) })}
          </span>
        )}
      </header>
      <Tabs
        class="level-tabs"
        testid="coverage-level"
        label={t('coverage.level')}
        items={COVERAGE_LEVELS.map((l) => ({
          id: l,
          label: (
            <>
              <span class="dot" style={{ background: catchmentCss(l) }} />
              {t(`level.${l}`)}
            </>
          ),
        }))}
        active={level}
        onSelect={(l) => analysis.actions.setLevel(l)}
      />
      <p class="hint small" data-testid="coverage-radius">
        {t('coverage.radius', { radius: params.radius[level] })}
        {source.confidence === 'unverified' && <span class="badge warn">{t('param.unverified')}</span>}
        <span class="muted"> · {lang === 'zh' ? source.zh : source.en}</span>
      </p>
      {surface.type === 'ready' && surface.info.modelled && (
        <p
          class="modelled"
          data-testid="coverage-modelled"
          title={lang === 'zh' ? surface.info.description : undefined}
        >
          {t('coverage.modelled')}
        </p>
      )}
      {surface.type === 'ready' && !surface.info.modelled && (
        <p class="hint small" data-testid="coverage-population-source">
          {t('coverage.populationSource', { total: Math.round(surface.info.total), source: surface.info.description })}
        </p>
      )}
      {surface.type === 'loading' && <p class="hint">{t('coverage.loading')}</p>}
      {surface.type === 'failed' && (
        <p class="hint warn" role="alert" data-testid="coverage-error">
          {t('coverage.failed', { message: surface.message })}
        </p>
      )}
      {city && (
        <div class="city-figure" data-testid="coverage-city" data-covered={Math.round(city.covered)}>
          <strong>{pctText(city.pct)}</strong>
          <span>
            {t('coverage.cityLine', { covered: n(city.covered), population: n(city.population) })}
            <br />
            {t('coverage.schoolAge', { children: n(city.schoolAge) })}
          </span>
        </div>
      )}
      {result && surface.type === 'ready' && (
        <table class="mini-table levels" data-testid="coverage-levels">
          <tbody>
            {COVERAGE_LEVELS.map((l) => {
              const cov = result.covered[l][surface.info.counties.length] ?? 0;
              const pct = surface.info.total > 0 ? (cov / surface.info.total) * 100 : null;
              return (
                <tr
                  key={l}
                  class={l === level ? 'active' : ''}
                  data-testid={`coverage-all-${l}`}
                  data-covered={Math.round(cov)}
                  onClick={() => analysis.actions.setLevel(l)}
                >
                  <td>
                    <span class="dot" style={{ background: catchmentCss(l) }} /> {t(`level.${l}`)}
                  </td>
                  <td class="num">{t('coverage.levelRadius', { radius: params.radius[l] })}</td>
                  <td class="num">
                    <span class="bar" style={{ width: `${Math.min(100, pct ?? 0)}%` }} />
                    <span class="bar-label">{pctText(pct)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {result?.uncovered && (
        <p class="hint small" data-testid="coverage-uncovered">
          {t('coverage.uncoveredLine', { population: n(result.uncovered.population), cells: result.uncovered.cells })}
        </p>
      )}
      <div class="quick-toggles">
        {quick.map((id) => (
          <label key={id} class="check">
            <input
              type="checkbox"
              data-testid={`coverage-show-${id}`}
              checked={visible.has(id)}
              onChange={() => view.actions.toggleLayer(id)}
            />
            {t(`layer.${id}`)}
          </label>
        ))}
      </div>
      {rows.length > 1 && (
        <table class="mini-table">
          <thead>
            <tr>
              <th>{t('field.county')}</th>
              <th class="num">{t('coverage.population')}</th>
              <th class="num">{t('coverage.coveredPct')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, -1).map((r) => (
              <tr
                key={r.id}
                data-testid={`coverage-county-${r.id}`}
                data-covered={Math.round(r.covered)}
                title={t('coverage.rowHint', { covered: n(r.covered), children: n(r.schoolAge) })}
              >
                <td>{i18n.countyName.value(r.id)}</td>
                <td class="num">{n(r.population)}</td>
                <td class="num">
                  <span class="bar" style={{ width: `${Math.min(100, r.pct ?? 0)}%` }} />
                  <span class="bar-label">{pctText(r.pct)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {visible.has('assignment') && result?.assignment && (
        <div class="served" data-testid="coverage-served">
          <h3>{t('coverage.servedTitle')}</h3>
          <p class="hint small">
            {t('coverage.servedSummary', { schools: served.length, over: over.length })}
            {result.assignment.unassigned > 0 && (
              <> {t('coverage.unassigned', { population: n(result.assignment.unassigned) })}</>
            )}
          </p>
          <ul class="served-list">
            {[...over]
              .sort((x, y) => y.demand - y.seats - (x.demand - x.seats))
              .slice(0, 6)
              .map((s) => {
                const p = scenarios.state.byId.value.get(s.projectId);
                return (
                  <li key={s.key}>
                    <button
                      type="button"
                      class="link"
                      onClick={() => selection.actions.select(s.projectId, { fly: true })}
                    >
                      {p ? i18n.projectName.value(p) : s.projectId}
                    </button>
                    <span class="muted small">
                      {t('coverage.servedLine', { demand: n(s.demand), seats: n(s.seats) })}
                    </span>
                  </li>
                );
              })}
          </ul>
        </div>
      )}
      <p class="hint small">{t('coverage.note')}</p>
    </section>
  );
}
