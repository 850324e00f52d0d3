import { COVERAGE_LEVELS, type CoverageLevel } from '../../core/analysis/params';
import { formatNumber } from '../../core/i18n/translate';
import { suggestionsCsv, suggestionsGeoJson, type SuggestionsExport } from '../../core/analysis/siting/suggestionFiles';
import { download } from '../common/download';
import { Tabs } from '../common/Tabs';
import {
  useAnalysis,
  useFixed,
  useI18n,
  useImporter,
  usePreferences,
  useReferenceLayers,
  useScenarios,
  useSiting,
} from '../context';
import './siting.css';

/** 选址建议: suggested sites that reach the most school-age children not yet within reach of a school. */
export function SitingPanel() {
  const i18n = useI18n();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const siting = useSiting();
  const fixed = useFixed();
  const prefs = usePreferences();
  const analysis = useAnalysis();
  const reference = useReferenceLayers();
  const scenarios = useScenarios();
  const c = siting.state.choices.value;
  const status = siting.state.status.value;
  const result = siting.state.result.value;
  const radius = prefs.state.settings.value.analysis.radius;
  const surface = analysis.state.surface.value;
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const countyName = i18n.countyName.value;
  const counties = fixed.reference.counties.features.map((f) => f.properties).filter((p) => p.pop2021 !== null);
  const running = status.type === 'running';
  const existingLayer = reference.state.existingLayer.value;
  const importer = useImporter();
  const parcels = reference.state.parcels.value;
  const parcelsInArea = parcels
    ? parcels.parcels.filter((p) => c.county === null || p.countyCode === c.county).length
    : 0;
  const projectName = (id: string): string => {
    const p = scenarios.state.byId.value.get(id);
    return p ? i18n.projectName.value(p) : id;
  };

  const pct = (part: number, whole: number): string => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');
  const fileBase = (): string => `${t('siting.fileName')}-${t(`level.${result?.choices.level ?? c.level}`)}`;
  const files = (): SuggestionsExport | null =>
    result && {
      level: result.choices.level,
      radius: result.radius,
      modelled: result.modelled,
      outcome: result.outcome,
      counties: result.counties,
    };
  const exportGeoJson = (): void => {
    const x = files();
    if (x) download(`${fileBase()}.geojson`, suggestionsGeoJson(x), 'application/geo+json');
  };
  const exportCsv = (): void => {
    const x = files();
    if (x)
      download(`${fileBase()}.csv`, suggestionsCsv(x, t('siting.csv.header'), countyName), 'text/csv;charset=utf-8');
  };

  return (
    <section class="panel siting" data-testid="siting-panel" aria-labelledby="siting-title">
      <header class="panel-head">
        <h2 id="siting-title">{t('siting.title')}</h2>
        {surface.type === 'ready' && surface.info.modelled && (
          <span class="badge small">{t('badge.illustrative')}</span>
        )}
      </header>
      <p class="hint small">{t('siting.intro')}</p>
      <Tabs
        class="level-tabs"
        testid="siting-level"
        label={t('siting.level')}
        items={COVERAGE_LEVELS.map((l) => ({ id: l, label: t(`level.${l}`) }))}
        active={c.level}
        onSelect={(level: CoverageLevel) => siting.actions.choose({ level })}
      />
      <p class="hint small">{t('siting.radius', { radius: radius[c.level] })}</p>
      <div class="siting-form">
        <label class="field">
          <span>{t('siting.area')}</span>
          <select
            data-testid="siting-area"
            value={c.county ?? ''}
            onChange={(e) => siting.actions.choose({ county: e.currentTarget.value || null })}
          >
            <option value="">{t('siting.city')}</option>
            {counties.map((p) => (
              <option key={p.adcode} value={p.adcode}>
                {countyName(p.adcode)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('siting.k')}</span>
          <input
            type="number"
            min={1}
            max={200}
            data-testid="siting-k"
            value={c.k}
            onChange={(e) => siting.actions.choose({ k: Number(e.currentTarget.value) || 1 })}
          />
        </label>
        <label class="field">
          <span>{t('siting.spacing')}</span>
          <input
            type="number"
            min={0}
            step={100}
            data-testid="siting-spacing"
            value={c.minSpacing}
            onChange={(e) => siting.actions.choose({ minSpacing: Number(e.currentTarget.value) || 0 })}
          />
        </label>
        <label class="field">
          <span>{t('siting.exclusion')}</span>
          <input
            type="number"
            min={0}
            step={100}
            data-testid="siting-exclusion"
            value={c.exclusion}
            onChange={(e) => siting.actions.choose({ exclusion: Number(e.currentTarget.value) || 0 })}
          />
        </label>
      </div>
      <fieldset class="siting-candidates small" data-testid="siting-candidates">
        <label class="check">
          <input
            type="radio"
            name="siting-candidates"
            data-testid="siting-use-cells"
            checked={!c.useParcels || !parcels}
            onChange={() => siting.actions.choose({ useParcels: false })}
          />
          {t('siting.useCells')}
        </label>
        {parcels && (
          <label class="check">
            <input
              type="radio"
              name="siting-candidates"
              data-testid="siting-use-parcels"
              checked={c.useParcels}
              onChange={() => siting.actions.choose({ useParcels: true })}
            />
            <span data-i18n-exempt="">
              {t('siting.useParcels', { file: parcels.source.file, count: parcelsInArea })}
            </span>
          </label>
        )}
        <div class="siting-actions">
          <button
            type="button"
            class="link small"
            data-testid="siting-import-parcels"
            onClick={() => importer.open('candidates')}
          >
            {t('siting.importParcels')}
          </button>
          {parcels && (
            <button
              type="button"
              class="link small"
              data-testid="siting-remove-parcels"
              onClick={() => {
                siting.actions.choose({ useParcels: false });
                void reference.actions.clearParcels();
              }}
            >
              {t('siting.removeParcels')}
            </button>
          )}
        </div>
      </fieldset>
      <label class="check small">
        <input
          type="checkbox"
          data-testid="siting-seats-aware"
          checked={c.seatsAware}
          onChange={(e) => siting.actions.choose({ seatsAware: e.currentTarget.checked })}
        />
        {t('siting.seatsAware')}
      </label>
      {c.seatsAware && (
        <label class="field siting-seats">
          <span>{t('siting.seatsPerSchool')}</span>
          <input
            type="number"
            min={1}
            data-testid="siting-seats"
            value={c.seatsPerSchool}
            onChange={(e) => siting.actions.choose({ seatsPerSchool: Number(e.currentTarget.value) || 1 })}
          />
        </label>
      )}
      <div class="siting-actions">
        <button
          type="button"
          class="primary"
          data-testid="siting-run"
          disabled={running || surface.type !== 'ready'}
          onClick={() => void siting.actions.run()}
        >
          {t('siting.run')}
        </button>
        {running && (
          <button type="button" class="ghost" data-testid="siting-cancel" onClick={() => siting.actions.cancel()}>
            {t('siting.cancel')}
          </button>
        )}
      </div>
      {surface.type !== 'ready' && <p class="hint small">{t('siting.noSurface')}</p>}
      {running && (
        <p class="small" role="status" data-testid="siting-progress">
          <progress max={1} value={status.progress} /> {t('siting.running', { pct: Math.round(status.progress * 100) })}
        </p>
      )}
      {status.type === 'cancelled' && <p class="hint small">{t('siting.cancelled')}</p>}
      {status.type === 'failed' && (
        <p class="field-error" role="alert">
          {status.message === 'surface' ? t('siting.noSurface') : t('siting.failed', { message: status.message })}
        </p>
      )}

      {result && (
        <div
          class="siting-result"
          data-testid="siting-result"
          data-level={result.choices.level}
          data-gained={Math.round(result.outcome.gained)}
          data-before={Math.round(result.outcome.reachedBefore)}
          data-share={result.childrenPerResident}
        >
          <p class="small">
            {t('siting.summary', {
              total: n(result.outcome.total),
              before: n(result.outcome.reachedBefore),
              beforePct: pct(result.outcome.reachedBefore, result.outcome.total),
              k: result.outcome.suggestions.length,
              gained: n(result.outcome.gained),
              after: pct(result.outcome.reachedBefore + result.outcome.gained, result.outcome.total),
            })}
          </p>
          {result.outcome.suggestions.length === 0 ? (
            <p class="hint small">{t('siting.none')}</p>
          ) : (
            <table class="siting-table small">
              <thead>
                <tr>
                  <th>{t('siting.col.rank')}</th>
                  <th class="num">{t('siting.col.gain')}</th>
                  <th class="num">{t('siting.col.cumulative')}</th>
                  <th>{t('siting.col.county')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {result.outcome.suggestions.map((s, i) => (
                  <tr
                    key={s.rank}
                    data-testid="siting-suggestion"
                    data-rank={s.rank}
                    data-gain={s.gain.toFixed(2)}
                    data-lon={s.lon.toFixed(6)}
                    data-lat={s.lat.toFixed(6)}
                  >
                    <td>
                      {s.rank}
                      {/* on the modelled surface every suggestion is illustrative, like the rest of the modelled analysis */}
                      {result.modelled && (
                        <span class="badge small" data-testid="siting-illustrative" title={t('siting.src.modelled')}>
                          {t('badge.illustrative')}
                        </span>
                      )}
                    </td>
                    <td class="num">{n(s.gain)}</td>
                    <td class="num">{pct(result.outcome.reachedBefore + s.cumulative, result.outcome.total)}</td>
                    <td>{result.counties[i] ? countyName(result.counties[i] ?? '') : '—'}</td>
                    <td>
                      <button
                        type="button"
                        class="link small"
                        data-testid={`siting-adopt-${s.rank}`}
                        onClick={() => void siting.actions.adopt([s.rank])}
                      >
                        {t('siting.adoptOne')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="hint small">
            {t('siting.timing', {
              candidates: n(result.outcome.candidates),
              ms: status.type === 'done' ? status.ms : '—',
              swaps: result.outcome.swaps > 0 ? t('siting.swaps', { count: result.outcome.swaps }) : '',
            })}
          </p>
          <div class="siting-actions">
            {result.outcome.suggestions.length > 0 && (
              <button
                type="button"
                class="primary"
                data-testid="siting-adopt"
                onClick={() => void siting.actions.adopt()}
              >
                {t('siting.adoptAll')}
              </button>
            )}
            <button type="button" class="ghost" data-testid="siting-geojson" onClick={exportGeoJson}>
              {t('siting.geojson')}
            </button>
            <button type="button" class="ghost" data-testid="siting-csv" onClick={exportCsv}>
              {t('siting.csv')}
            </button>
          </div>
          <h3>{t('siting.dropOne')}</h3>
          {result.outcome.dropOne.length === 0 ? (
            <p class="hint small">{t('siting.dropOneNone')}</p>
          ) : (
            <ol class="siting-drop small" data-testid="siting-drop-one">
              {result.outcome.dropOne.slice(0, 12).map((d) => (
                <li key={d.projectId} data-project={d.projectId} data-only={Math.round(d.only)}>
                  <span>{projectName(d.projectId)}</span>{' '}
                  <span class="num">{t('siting.only', { count: n(d.only) })}</span>
                </li>
              ))}
            </ol>
          )}
          <ul class="siting-sources small" data-testid="siting-sources">
            <li>
              {result.modelled
                ? t('siting.src.modelled')
                : t('siting.src.imported', { file: reference.state.populationSource.value?.file ?? '' })}
            </li>
            <li>
              {existingLayer
                ? t('siting.src.existing', { file: existingLayer.source.file, count: result.existingCount })
                : t('siting.src.noExisting')}
            </li>
            <li>{t('siting.src.demand', { share: (result.childrenPerResident * 1000).toFixed(1) })}</li>
          </ul>
        </div>
      )}
    </section>
  );
}
