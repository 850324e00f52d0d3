import { formatNumber } from '../core/i18n/translate';
import type { TargetProgress } from '../core/plan/progress';
import type { App } from '../state/app';

function Bar({ fraction, status }: { fraction: number | null; status: TargetProgress['status'] }) {
  return (
    <span class={`progress ${status}`} aria-hidden="true">
      <span style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
    </span>
  );
}

/** 规划目标: every target of the 2022 plan against the scenario, with progress and the per-county checks. */
export function TargetsPanel({ app }: { app: App }) {
  const { state, actions } = app;
  const t = state.t.value;
  const lang = state.lang.value;
  const progress = state.analysis.progress.value;
  const existing = state.analysis.existing.value;
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const measurable = progress.filter((p) => p.status !== 'needsData');
  const met = measurable.filter((p) => p.status === 'met').length;
  return (
    <section class="panel analysis-panel" data-testid="targets-panel" aria-labelledby="targets-title">
      <header class="panel-head">
        <h2 id="targets-title">{t('targets.title')}</h2>
        <span class="muted small" data-testid="targets-summary">
          {t('targets.summary', { met, total: measurable.length })}
        </span>
      </header>
      <p class="hint small">{t('targets.source')}</p>
      <ul class="target-list">
        {progress.map((p) => {
          const tg = p.target;
          const label = lang === 'en' ? tg.labelEn : tg.label;
          const unit = t(`unit.${tg.unit}` as 'unit.projects');
          const failing = (p.counties ?? []).filter((c) => !c.ok);
          const definition = lang === 'en' ? tg.definitionEn : tg.definition;
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
                <span class="target-item">{t('targets.item', { item: tg.item })}</span>
              </div>
              {p.status === 'needsData' ? (
                <p class="muted small">
                  {t('targets.needsData', { value: n(tg.value), unit })}
                  {tg.metric === 'rate' && tg.scope === 'perCounty' && ` ${t('targets.needsOwnership')}`}
                </p>
              ) : p.counties ? (
                <>
                  <Bar fraction={p.fraction} status={p.status} />
                  <p class="small">
                    {t('targets.counties', { ok: p.counties.length - failing.length, total: p.counties.length })}
                  </p>
                  {failing.length > 0 && (
                    <p class="small warn-text" data-testid={`target-${tg.id}-failing`}>
                      {failing
                        .map((c) =>
                          c.value === null || tg.metric !== 'rate'
                            ? state.countyName.value(c.adcode)
                            : `${state.countyName.value(c.adcode)} ${c.value.toFixed(0)}%`,
                        )
                        .join(lang === 'zh' ? '、' : ', ')}
                    </p>
                  )}
                  {tg.id === 'special-ed-rule' && failing.length > 0 && (
                    <button
                      type="button"
                      class="link small"
                      data-testid="targets-show-special"
                      onClick={() => {
                        if (!state.visible.value.has('specialGap')) actions.toggleLayer('specialGap');
                      }}
                    >
                      {t('targets.showOnMap')}
                    </button>
                  )}
                </>
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
