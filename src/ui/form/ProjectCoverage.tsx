import { LEVEL_STAGE, schoolAgePopulation } from '../../core/analysis/params';
import { levelsOf, siteKey } from '../../core/analysis/sites';
import { formatNumber } from '../../core/i18n/translate';
import type { ProjectFeature } from '../../core/model/project';
import { useAnalysis, useI18n, usePreferences } from '../context';

/** 服务范围 of the selected project: people within its radius, and what its nearest-school catchment asks of it. */
export function ProjectCoverage({ project }: { project: ProjectFeature }) {
  const analysis = useAnalysis();
  const i18n = useI18n();
  const preferences = usePreferences();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const result = analysis.state.result.value;
  const params = preferences.state.settings.value.analysis;
  const served = analysis.state.served.value;
  const levels = levelsOf(project.properties.kind);
  if (levels.length === 0 || !result) return null;
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  return (
    <section class="form-section" data-testid="details-coverage">
      <h3>{t('layer.catchments')}</h3>
      {levels.map(([level]) => {
        const key = siteKey(project.id, level, project.properties.kind);
        const pop = result.sitePop[key] ?? 0;
        const s = served.find((x) => x.key === key);
        return (
          <div key={key} class="form-hint" data-testid={`details-coverage-${level}`} data-population={Math.round(pop)}>
            <p>
              {t('details.coverageLine', {
                level: t(`level.${level}`),
                radius: params.radius[level],
                population: n(pop),
                children: n(schoolAgePopulation(pop, LEVEL_STAGE[level], params)),
              })}
            </p>
            {s && (
              <p class={s.oversubscribed ? 'warn-text' : ''}>
                {t(s.oversubscribed ? 'details.servedOver' : 'details.servedOk', {
                  served: n(s.served),
                  demand: n(s.demand),
                  seats: n(s.seats),
                })}
              </p>
            )}
          </div>
        );
      })}
      {analysis.state.surface.value.type === 'ready' && analysis.state.surface.value.info.modelled && (
        <p class="form-hint muted">{t('coverage.modelled')}</p>
      )}
    </section>
  );
}
