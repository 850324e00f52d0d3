import { formatNumber } from '../../core/i18n/translate';
import type { CountyCheck, TargetProgress } from '../../core/plan/progress';
import { useAnalysis, useI18n, useView } from '../context';

function Bar({ fraction, status }: { fraction: number | null; status: TargetProgress['status'] }) {
  return (
    <span class={`progress ${status}`} aria-hidden="true">
      <span style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
    </span>
  );
}

const STATUS_KEY = {
  met: 'targets.status.met',
  short: 'targets.status.short',
  needsData: 'targets.status.needsData',
  illustrative: 'targets.status.illustrative',
} as const;

/** The counties of a per-county target, each with its value (and population for the special-education rule). */
function CountyTable({ p }: { p: TargetProgress }) {
  const i18n = useI18n();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const tg = p.target;
  const rate = tg.metric === 'rate';
  const value = (c: CountyCheck): string =>
    c.value === null ? t('targets.unknownValue') : rate ? `${c.value.toFixed(0)}%` : formatNumber(lang, c.value);
  return (
    <details class="county-checks" data-testid={`target-${tg.id}-counties`}>
      <summary class="small">{t('targets.countyTable')}</summary>
      <table class="small">
        <thead>
          <tr>
            <th>{t('targets.col.county')}</th>
            {!rate && <th class="num">{t('targets.col.population')}</th>}
            <th class="num">{rate ? t('targets.col.rate') : t('targets.col.schools')}</th>
            <th>{t('targets.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {(p.counties ?? []).map((c) => (
            <tr key={c.adcode} data-county={c.adcode} data-state={c.state} class={`county-${c.state}`}>
              <td>{i18n.countyName.value(c.adcode)}</td>
              {!rate && <td class="num">{c.population === undefined ? '' : formatNumber(lang, c.population)}</td>}
              <td class="num">{value(c)}</td>
              <td>{t(`targets.county.${c.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** 规划目标: every target of the 2022 plan against the scenario, with progress and the per-county checks. */
export function TargetsPanel() {
  const analysis = useAnalysis();
  const i18n = useI18n();
  const view = useView();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const progress = analysis.state.progress.value;
  const existing = analysis.state.existing.value;
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  // only targets measured and judged count: 示意 and 无法判断 are neither met nor missed
  const judged = progress.filter((p) => p.status === 'met' || p.status === 'short');
  const met = judged.filter((p) => p.status === 'met').length;
  const illustrative = progress.filter((p) => p.status === 'illustrative').length;
  const names = (list: readonly CountyCheck[]): string =>
    list.map((c) => i18n.countyName.value(c.adcode)).join(lang === 'zh' ? '、' : ', ');
  return (
    <section class="panel analysis-panel" data-testid="targets-panel" aria-labelledby="targets-title">
      <header class="panel-head">
        <h2 id="targets-title">{t('targets.title')}</h2>
        <span class="muted small" data-testid="targets-summary">
          {t('targets.summary', { met, total: judged.length })}
          {illustrative > 0 && ` · ${t('targets.summaryIllustrative', { count: illustrative })}`}
        </span>
      </header>
      <p class="hint small">{t('targets.source')}</p>
      <ul class="target-list">
        {progress.map((p) => {
          const tg = p.target;
          const label = lang === 'en' ? tg.labelEn : tg.label;
          const unit = t(`unit.${tg.unit}` as 'unit.projects');
          const counties = p.counties ?? [];
          const short = counties.filter((c) => c.state === 'short');
          const unknown = counties.filter((c) => c.state === 'unknown');
          const ok = counties.filter((c) => c.state === 'ok');
          const definition = lang === 'en' ? tg.definitionEn : tg.definition;
          const special = tg.id === 'special-ed-rule';
          return (
            <li
              key={tg.id}
              class={`target ${p.status}`}
              data-testid={`target-${tg.id}`}
              data-status={p.status}
              data-achieved={p.achieved ?? ''}
            >
              <div class="target-head">
                <span class="target-label" title={lang === 'zh' ? tg.quote : undefined}>
                  {label}
                </span>
                <span class={`target-pill ${p.status}`} data-testid={`target-${tg.id}-status`}>
                  {t(STATUS_KEY[p.status])}
                </span>
                <span class="target-item">{t('targets.item', { item: tg.item })}</span>
              </div>
              {p.counties ? (
                <>
                  {p.status !== 'needsData' || ok.length > 0 ? <Bar fraction={p.fraction} status={p.status} /> : null}
                  {special && (
                    <p class="small">
                      {t('targets.specialRule', {
                        threshold: formatNumber(lang, tg.populationThreshold ?? 200000),
                        total: counties.length,
                      })}
                    </p>
                  )}
                  <p class="small">
                    {t('targets.countyStates', { ok: ok.length, short: short.length, unknown: unknown.length })}
                  </p>
                  {short.length > 0 && (
                    <p class="small warn-text" data-testid={`target-${tg.id}-failing`}>
                      {t('targets.shortIn', {
                        list:
                          tg.metric === 'rate'
                            ? short
                                .map((c) => `${i18n.countyName.value(c.adcode)} ${(c.value ?? 0).toFixed(0)}%`)
                                .join(lang === 'zh' ? '、' : ', ')
                            : names(short),
                      })}
                    </p>
                  )}
                  {p.note && (
                    <p class="small note-text" data-testid={`target-${tg.id}-note`}>
                      {t(`targets.note.${p.note}`)}
                    </p>
                  )}
                  {p.basis && (
                    <p class="muted small" data-testid={`target-${tg.id}-basis`}>
                      {t(`targets.basis.${p.basis}`)}
                    </p>
                  )}
                  <CountyTable p={p} />
                  {special && (short.length > 0 || unknown.length > 0) && (
                    <button
                      type="button"
                      class="link small"
                      data-testid="targets-show-special"
                      onClick={() => {
                        if (!view.state.visible.value.has('specialGap')) view.actions.toggleLayer('specialGap');
                      }}
                    >
                      {t('targets.showOnMap')}
                    </button>
                  )}
                </>
              ) : p.status === 'needsData' ? (
                <p class="muted small">{t('targets.needsData', { value: n(tg.value), unit })}</p>
              ) : (
                <>
                  <Bar fraction={p.fraction} status={p.status} />
                  <p class="small">
                    {t('targets.achieved', { achieved: n(p.achieved ?? 0), value: n(tg.value), unit })}
                  </p>
                </>
              )}
              {definition && <p class="muted small definition">{t('targets.definition', { text: definition })}</p>}
            </li>
          );
        })}
      </ul>
      {existing.length === 0 && <p class="hint small">{t('targets.noExisting')}</p>}
    </section>
  );
}
