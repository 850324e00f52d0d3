import { download } from '../common/download';
import { useState } from 'preact/hooks';
import type { DemandRow, StageFigures } from '../../core/analysis/demand';
import { demandCsv } from '../../core/analysis/demandCsv';
import { STAGES, type Stage } from '../../core/analysis/params';
import { formatNumber } from '../../core/i18n/translate';
import { Tabs } from '../common/Tabs';
import { gapClass } from '../../../layers/analysisColors';
import { useAnalysis, useFixed, useI18n, usePreferences, useScenarios } from '../context';

type Column = 'name' | 'population' | 'demand' | 'existing' | 'planned' | 'supply' | 'gap' | 'pct' | 'classes';
const NUMERIC: readonly Exclude<Column, 'name'>[] = [
  'population',
  'demand',
  'existing',
  'planned',
  'supply',
  'gap',
  'pct',
  'classes',
];

function value(r: DemandRow, stage: Stage, c: Exclude<Column, 'name'>): number {
  if (c === 'population') return r.population;
  const f: StageFigures = r.stages[stage];
  return f[c] ?? -Infinity;
}

/** Text colour per class of the 学位缺口 layer (same breaks as its legend). */
const GAP_TEXT = ['gap-bad', 'gap-poor', 'gap-near', 'gap-met'] as const;
const gapText = (pct: number | null): string => (pct === null ? '' : (GAP_TEXT[gapClass(pct)] ?? ''));

/** 学位供需: school-age demand against seats per county (with its functional zones) and the city. */
export function DemandTable() {
  const analysis = useAnalysis();
  const fixed = useFixed();
  const i18n = useI18n();
  const preferences = usePreferences();
  const scenarios = useScenarios();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const rows = analysis.state.demandRows.value;
  const params = preferences.state.settings.value.analysis;
  const existing = analysis.state.existing.value;
  const [stage, setStage] = useState<Stage>('primary');
  const [sort, setSort] = useState<{ col: Column; dir: 1 | -1 }>({ col: 'name', dir: 1 });
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const name = (r: DemandRow): string => {
    if (r.type === 'city') return t('demand.city');
    if (r.type === 'zone') {
      const z = fixed.reference.zones.find((x) => x.id === r.id);
      return t('demand.zoneOf', { zone: z ? (lang === 'en' ? z.nameEn : z.name) : r.id });
    }
    return i18n.countyName.value(r.id);
  };
  // counties sort; each keeps its zones beneath it; the city stays last
  const groups = rows
    .filter((r) => r.type === 'county')
    .map((c) => ({ county: c, zones: rows.filter((z) => z.type === 'zone' && z.parent === c.id) }));
  if (sort.col !== 'name') {
    const col = sort.col;
    groups.sort((a, b) => (value(a.county, stage, col) - value(b.county, stage, col)) * sort.dir);
  } else if (sort.dir === -1) groups.reverse();
  const ordered = [...groups.flatMap((g) => [g.county, ...g.zones]), ...rows.filter((r) => r.type === 'city')];
  const header = (c: Column) => (
    <th
      class={c === 'name' ? '' : 'num'}
      aria-sort={sort.col === c ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        class="sort"
        data-testid={`demand-sort-${c}`}
        onClick={() => setSort((s) => ({ col: c, dir: s.col === c ? (s.dir === 1 ? -1 : 1) : c === 'name' ? 1 : -1 }))}
      >
        {t(`demand.col.${c}`)}
        {sort.col === c ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const downloadCsv = (): void => {
    const csv = demandCsv(rows, {
      name,
      stage: (s) => t(`stage.${s}`),
      headers: {
        unit: t('demand.col.name'),
        population: t('demand.col.population'),
        demand: t('demand.col.demand'),
        existing: t('demand.col.existing'),
        planned: t('demand.col.planned'),
        supply: t('demand.col.supply'),
        gap: t('demand.col.gap'),
        pct: t('demand.col.pct'),
        classes: t('demand.col.classes'),
      },
    });
    download(
      `${t('demand.fileName')}-${scenarios.state.scenario.value.scenario.name}.csv`,
      csv,
      'text/csv;charset=utf-8',
    );
  };
  return (
    <div class="demand" data-testid="demand-table">
      <div class="demand-bar">
        <Tabs
          class="level-tabs"
          testid="demand-stage"
          label={t('demand.stage')}
          items={STAGES.map((s) => ({ id: s, label: t(`stage.${s}`) }))}
          active={stage}
          onSelect={setStage}
        />
        <span class="hint small" data-testid="demand-method">
          {params.demandMethod === 'perThousand'
            ? t('demand.methodPerThousand', { k: params.perThousand[stage] })
            : t('demand.methodAgeShare', { share: params.ageShare[stage], rate: params.enrolment[stage] })}
          {existing.length === 0 && ` · ${t('demand.noExisting')}`}
        </span>
        <button type="button" class="ghost" data-testid="demand-csv" onClick={downloadCsv}>
          {t('demand.csv')}
        </button>
      </div>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              {header('name')}
              {NUMERIC.map((c) => header(c))}
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => {
              const f = r.stages[stage];
              return (
                <tr
                  key={r.id}
                  class={`demand-${r.type}`}
                  data-testid={`demand-row-${r.id}`}
                  data-gap={Math.round(f.gap)}
                >
                  <td>{name(r)}</td>
                  <td class="num">{n(r.population)}</td>
                  <td class="num">{n(f.demand)}</td>
                  <td class="num">{n(f.existing)}</td>
                  <td class="num">{n(f.planned)}</td>
                  <td class="num">{n(f.supply)}</td>
                  <td class={`num ${f.gap > 0 ? 'gap-bad-text' : ''}`}>{n(f.gap)}</td>
                  <td class={`num ${gapText(f.pct)}`}>{f.pct === null ? '—' : `${f.pct.toFixed(1)}%`}</td>
                  <td class="num">{n(f.classes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
