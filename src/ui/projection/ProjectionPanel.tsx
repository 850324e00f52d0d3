import { formatNumber } from '../../core/i18n/translate';
import { BASELINES, type Projection, type ProjectionUnit } from '../../core/projection/project';
import { PROJECTION_STAGES, STAGE_AGES, VARIANTS, type ProjectionStage } from '../../core/projection/types';
import type { Translate } from '../../state/i18n';
import { lastDataYear, projectionNotes } from '../../state/projectionNotes';
import { download } from '../common/download';
import { Tabs } from '../common/Tabs';
import { useI18n, useImporter, usePreferences, useProjection, useReferenceLayers, useScenarios } from '../context';
import { ProjectionChart } from './ProjectionChart';
import './projection.css';

/** The age span a projection stage counts (普高 and 中职 share senior high's). */
const agesOf = (s: ProjectionStage): readonly [number, number] =>
  STAGE_AGES[s === 'generalHigh' || s === 'vocational' ? 'upperSecondary' : s];

/** The milestones of one unit and stage, in words. */
function words(t: Translate, lang: 'zh' | 'en', p: Projection, u: ProjectionUnit, s: ProjectionStage): string[] {
  const m = u.milestones[s];
  const x = u.stages[s];
  const at = (year: number): number => p.years.indexOf(year);
  // years are words, not quantities: never grouped (2,022)
  const first = String(p.years[0] ?? '');
  const last = String(p.years[p.years.length - 1] ?? '');
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const out: string[] = [];
  if (m.firstShort !== null) {
    const i = at(m.firstShort);
    out.push(
      t('projection.words.short', { year: String(m.firstShort), gap: n((x.demand[i] ?? 0) - (x.seats[i] ?? 0)) }),
    );
  } else out.push(t('projection.words.neverShort', { first, last }));
  if (m.peak !== null)
    out.push(t('projection.words.peak', { year: String(m.peak), demand: n(x.demand[at(m.peak)] ?? 0) }));
  if (m.surplusFrom !== null) {
    const i = at(m.surplusFrom);
    out.push(
      t('projection.words.surplus', {
        year: String(m.surplusFrom),
        margin: p.marginPct,
        spare: n((x.seats[i] ?? 0) - (x.demand[i] ?? 0)),
      }),
    );
  } else out.push(t('projection.words.noSurplus', { margin: p.marginPct, last }));
  return out;
}

/** 需求预测: school-age demand by year against the seats each year brings, per county, with its sources. */
export function ProjectionPanel() {
  const i18n = useI18n();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const pr = useProjection();
  const prefs = usePreferences();
  const reference = useReferenceLayers();
  const importer = useImporter();
  const scenarios = useScenarios();
  const st = pr.state;
  const status = st.status.value;
  const p = st.projection.value;
  const kit = st.kit.value;
  const stage = st.stage.value;
  const variant = st.variant.value;
  const countyId = st.county.value;
  const mapYear = st.mapYear.value;
  const existingCount = reference.state.existing.value.length;
  const imported = reference.state.demography.value;
  const enrolment = prefs.state.settings.value.analysis.enrolment;
  const unitName = (id: string): string => (id === 'city' ? t('projection.city') : i18n.countyName.value(id));
  const stageName = (s: ProjectionStage): string => t(`projection.stage.${s}`);

  if (status.type === 'failed')
    return (
      <section class="panel projection" data-testid="projection-panel">
        <p class="field-error" role="alert">
          {t('projection.failed', { message: status.message })}
        </p>
      </section>
    );
  if (!p || !kit?.demography.ok)
    return (
      <section class="panel projection" data-testid="projection-panel">
        <p class="hint" role="status" data-testid="projection-loading">
          {t('projection.loading')}
        </p>
      </section>
    );
  const d = kit.demography.value;
  const lastNational = lastDataYear(d);
  const variantLabel = (v: (typeof VARIANTS)[number]): string =>
    t(`projection.variant.${v}`, { change: d.variants[v], year: String(lastNational) });
  const city = p.units.find((u) => u.id === 'city');
  const county = countyId === 'city' ? null : (p.units.find((u) => u.id === countyId) ?? null);
  const shown = [city, county].filter((u): u is ProjectionUnit => u !== null && u !== undefined);
  const counties = p.units.filter((u) => u.id !== 'city');
  const n = (v: number): string => formatNumber(lang, Math.round(v));

  const sourceText = (key: string): string => {
    const s = d.sources[key];
    return s ? (lang === 'zh' ? s.zh : s.en) : key;
  };
  const birthSources = [...new Set([...d.cityBirthRate.map((r) => r.source), 'nbsBirthRate'])];

  const sheet = () =>
    kit.projectionSheet(p, {
      unit: unitName,
      stage: stageName,
      headers: { unit: t('projection.col.unit'), stage: t('projection.stage'), measure: t('projection.sheet.measure') },
      measures: {
        demand: t('projection.sheet.demand'),
        seats: t('projection.sheet.seats'),
        gap: t('projection.sheet.gap'),
      },
      notes: sourceLines,
    });
  const fileName = (ext: string): string =>
    `${t('projection.fileName')}-${scenarios.state.scenario.value.scenario.name}-${t(`projection.variantShort.${variant}`)}.${ext}`;

  const sourceLines = projectionNotes({
    t,
    lang,
    projection: p,
    demography: d,
    imported,
    enrolment,
    unitName,
  });

  return (
    <section class="panel projection" data-testid="projection-panel" aria-labelledby="projection-title">
      <header class="panel-head">
        <h2 id="projection-title">{t('projection.title')}</h2>
        <span class="badge small modelled-badge" data-testid="projection-modelled">
          {t('projection.modelled')}
        </span>
      </header>
      <p class="hint small">{t('projection.intro')}</p>

      <Tabs
        class="level-tabs projection-stages"
        testid="projection-stage"
        label={t('projection.stage')}
        items={PROJECTION_STAGES.map((s) => ({ id: s, label: stageName(s) }))}
        active={stage}
        onSelect={(s) => pr.actions.setStage(s)}
      />
      <div class="projection-controls two">
        <label class="field">
          <span>{t('projection.variant')}</span>
          <select
            data-testid="projection-variant"
            value={variant}
            onChange={(e) => pr.actions.setVariant(e.currentTarget.value as (typeof VARIANTS)[number])}
          >
            {VARIANTS.map((v) => (
              <option key={v} value={v} title={variantLabel(v)}>
                {t(`projection.variantShort.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('projection.county')}</span>
          <select
            data-testid="projection-county"
            value={countyId}
            onChange={(e) => pr.actions.setCounty(e.currentTarget.value)}
          >
            <option value="city">{t('projection.city')}</option>
            {counties.map((u) => (
              <option key={u.id} value={u.id}>
                {unitName(u.id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="hint small" data-testid="projection-variant-hint">
        {variantLabel(variant)}
      </p>

      {shown.map((u) => (
        <div key={u.id} class="projection-unit">
          <ProjectionChart
            title={t('projection.chart', {
              unit: unitName(u.id),
              stage: t('projection.stageAges', {
                stage: stageName(stage),
                from: agesOf(stage)[0],
                to: agesOf(stage)[1],
              }),
              first: String(p.years[0] ?? ''),
              last: String(p.years[p.years.length - 1] ?? ''),
            })}
            unit={u.id}
            years={p.years}
            series={u.stages[stage]}
            milestones={u.milestones[stage]}
            mapYear={mapYear}
            t={t}
            lang={lang}
          />
          <ul class="projection-words small" data-testid="projection-words" data-unit={u.id}>
            {words(t, lang, p, u, stage).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ))}

      <h3>{t('projection.table')}</h3>
      <div class="table-scroll projection-scroll">
        <table class="projection-table small" data-testid="projection-table">
          <thead>
            <tr>
              <th scope="col">{t('projection.col.unit')}</th>
              {p.years.map((y) => (
                <th key={y} scope="col" class={`num${y === mapYear ? ' map-year' : ''}`}>
                  {y}
                </th>
              ))}
              <th scope="col">{t('projection.col.firstShort')}</th>
              <th scope="col">{t('projection.col.peak')}</th>
              <th scope="col">{t('projection.col.surplus')}</th>
            </tr>
          </thead>
          <tbody>
            {[...counties, ...(city ? [city] : [])].map((u) => {
              const x = u.stages[stage];
              const m = u.milestones[stage];
              const unit = unitName(u.id);
              return (
                <tr key={u.id} class={u.id === 'city' ? 'city' : u.id === countyId ? 'chosen' : ''}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => pr.actions.setCounty(u.id)}>
                      {unit}
                    </button>
                  </th>
                  {p.years.map((y, i) => {
                    const demand = x.demand[i] ?? 0;
                    const seats = x.seats[i] ?? 0;
                    const spare = seats - demand;
                    const cls =
                      Math.round(spare) < 0 ? 'short' : seats > demand * (1 + p.marginPct / 100) ? 'surplus' : 'ok';
                    return (
                      <td
                        key={y}
                        class={`num ${cls}${y === mapYear ? ' map-year' : ''}`}
                        data-testid="projection-cell"
                        data-county={u.id}
                        data-stage={stage}
                        data-year={y}
                        data-demand={Math.round(demand)}
                        data-seats={Math.round(seats)}
                        title={t('projection.cellTitle', { unit, year: String(y), demand: n(demand), seats: n(seats) })}
                      >
                        {spare > 0.5 ? '+' : ''}
                        {n(spare)}
                      </td>
                    );
                  })}
                  <td data-testid="projection-first-short">{m.firstShort ?? t('projection.never')}</td>
                  <td>{m.peak ?? t('projection.never')}</td>
                  <td>{m.surplusFrom ?? t('projection.never')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div class="projection-actions">
        <button
          type="button"
          class="ghost"
          data-testid="projection-csv"
          onClick={() => download(fileName('csv'), kit.projectionCsv(sheet()), 'text/csv;charset=utf-8')}
        >
          {t('projection.csv')}
        </button>
        <button
          type="button"
          class="ghost"
          data-testid="projection-xlsx"
          onClick={() =>
            void (async () => {
              const { writeXlsx } = await import('../../core/io/xlsx');
              const s = sheet();
              const bytes = await writeXlsx([{ name: t('projection.title'), header: s.header, rows: s.rows }]);
              download(fileName('xlsx'), bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
            })()
          }
        >
          {t('projection.xlsx')}
        </button>
      </div>

      <details class="projection-assumptions" data-testid="projection-assumptions">
        <summary>{t('projection.assumptions')}</summary>
        <div class="projection-controls">
          <label class="field">
            <span>{t('projection.baseline')}</span>
            <select
              data-testid="projection-baseline"
              value={p.baseline}
              onChange={(e) => pr.actions.setBaseline(e.currentTarget.value as (typeof BASELINES)[number])}
            >
              {BASELINES.map((b) => (
                <option key={b} value={b} disabled={b === 'imported' && existingCount === 0}>
                  {t(`projection.baseline.${b}`)}
                  {b === 'imported' && existingCount === 0 ? `（${t('projection.baselineNoExisting')}）` : ''}
                </option>
              ))}
            </select>
          </label>
          <div class="projection-numbers">
            <label class="field">
              <span>{t('projection.vocational')}</span>
              <input
                type="number"
                min={0}
                max={100}
                step={0.1}
                data-testid="projection-vocational"
                value={p.vocationalPct}
                onChange={(e) => pr.actions.setVocationalPct(Number(e.currentTarget.value))}
              />
            </label>
            <label class="field">
              <span>{t('projection.margin')}</span>
              <input
                type="number"
                min={0}
                max={100}
                step={1}
                data-testid="projection-margin"
                value={p.marginPct}
                onChange={(e) => pr.actions.setMarginPct(Number(e.currentTarget.value))}
              />
            </label>
          </div>
        </div>
      </details>
      <h3>{t('projection.sources')}</h3>
      <ul
        class="projection-sources small"
        data-testid="projection-sources"
        data-baseline={p.baseline}
        data-variant={variant}
      >
        {sourceLines.slice(1).map((l) => (
          <li key={l}>{l}</li>
        ))}
        <li>
          {birthSources.map((k) => (
            <cite key={k} data-i18n-exempt="">
              {sourceText(k)}
            </cite>
          ))}
        </li>
      </ul>
      <div class="projection-imported">
        {imported && (
          <p class="small" data-testid="projection-imported">
            {t('projection.importedFrom', {
              file: imported.source.file,
              count: imported.births.length + imported.ages.length,
            })}{' '}
            <button
              type="button"
              class="link small"
              data-testid="projection-imported-remove"
              onClick={() => void reference.actions.clearDemography()}
            >
              {t('projection.removeImported')}
            </button>
          </p>
        )}
        <button type="button" class="ghost" data-testid="projection-import" onClick={() => importer.open('births')}>
          {t('projection.import')}
        </button>
      </div>
    </section>
  );
}
