import { useState } from 'preact/hooks';
import {
  COVERAGE_LEVELS,
  PARAM_LIMITS,
  PARAM_SOURCES,
  STAGES,
  type ParamGroup,
  type ParamSource,
} from '../../core/analysis/params';
import { useI18n, usePreferences } from '../context';

/** One editable parameter: its value, unit, source and how sure that source is. */
function ParamRow({
  group,
  k,
  label,
  unit,
  value,
  source,
}: {
  group: ParamGroup;
  k: string;
  label: string;
  unit: string;
  value: number;
  source: ParamSource;
}) {
  const i18n = useI18n();
  const preferences = usePreferences();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const [error, setError] = useState(false);
  const { min, max } = PARAM_LIMITS[group];
  const id = `settings-${group === 'radius' ? 'radius' : group}-${k}`;
  return (
    <tr>
      <th scope="row">
        <label for={id}>{label}</label>
      </th>
      <td class="param-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step="any"
          min={min}
          max={max}
          data-testid={id}
          value={value}
          aria-invalid={error}
          onChange={(e) => {
            const v = Number(e.currentTarget.value.replace(/[，,]/g, ''));
            const ok = preferences.actions.setParam(group, k, v);
            setError(!ok);
          }}
        />
        <span class="unit">{unit}</span>
        {error && (
          <span class="field-error" role="alert" data-testid={`${id}-error`}>
            {t('param.range', { min, max })}
          </span>
        )}
      </td>
      <td class="param-source small">
        {source.confidence === 'unverified' && <span class="badge warn">{t('param.unverified')}</span>}
        {lang === 'zh' ? source.zh : source.en}
      </td>
    </tr>
  );
}

/** 分析参数: every default from standards.md with its source, editable, stored with the settings. */
export function AnalysisSettings() {
  const i18n = useI18n();
  const preferences = usePreferences();
  const t = i18n.t.value;
  const p = preferences.state.settings.value.analysis;
  return (
    <section class="analysis-settings" data-testid="settings-analysis">
      <h3>{t('param.title')}</h3>
      <p class="hint small">{t('param.intro')}</p>
      <table class="param-table">
        <tbody>
          <tr>
            <th colSpan={3} class="group">
              {t('param.radius')}
            </th>
          </tr>
          {COVERAGE_LEVELS.map((l) => (
            <ParamRow
              key={`r-${l}`}
              group="radius"
              k={l}
              label={t(`level.${l}`)}
              unit="m"
              value={p.radius[l]}
              source={PARAM_SOURCES.radius[l]}
            />
          ))}
          <tr>
            <td colSpan={3} class="hint small">
              {t('param.nineYear')}
            </td>
          </tr>
          {(['ageShare', 'enrolment', 'perThousand', 'classSize'] as const).map((group) => [
            <tr key={`h-${group}`}>
              <th colSpan={3} class="group">
                {t(`param.${group}`)}
              </th>
            </tr>,
            ...STAGES.map((s) => (
              <ParamRow
                key={`${group}-${s}`}
                group={group}
                k={s}
                label={t(`stage.${s}`)}
                unit={t(`param.unit.${group}`)}
                value={p[group][s]}
                source={PARAM_SOURCES[group][s]}
              />
            )),
          ])}
        </tbody>
      </table>
      <fieldset class="demand-method">
        <legend>{t('param.method')}</legend>
        {(['ageShare', 'perThousand'] as const).map((m) => (
          <label key={m} class="check">
            <input
              type="radio"
              name="demand-method"
              data-testid={`settings-method-${m}`}
              checked={p.demandMethod === m}
              onChange={() => preferences.actions.setDemandMethod(m)}
            />
            {t(`param.method.${m}`)}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        class="ghost"
        data-testid="settings-params-reset"
        onClick={() => preferences.actions.resetParams()}
      >
        {t('param.reset')}
      </button>
    </section>
  );
}
