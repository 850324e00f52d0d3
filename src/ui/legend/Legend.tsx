import { PROJECT_ACTIONS, PROJECT_STATUSES } from '../../core/model/kinds';
import { ANALYSIS_LAYERS, MAP_LAYERS, PROJECT_LAYERS, selectionLegend } from '../../../layers/index';
import { symbolSvg } from '../../../layers/symbols';
import { BASEMAP_LEGEND } from '../../../layers/basemap';
import { Swatch } from '../common/Swatch';
import { useI18n, useProjection, useView } from '../context';

export function Legend() {
  const i18n = useI18n();
  const view = useView();
  const projection = useProjection();
  const t = i18n.t.value;
  const visible = view.state.visible.value;
  const kinds = PROJECT_LAYERS.filter((l) => visible.has(l.id));
  const central = MAP_LAYERS.find((l) => l.id === 'central');
  return (
    <section class="panel legend" data-testid="legend" aria-labelledby="legend-title">
      <header class="panel-head">
        <h2 id="legend-title">{t('legend.title')}</h2>
      </header>
      <h3>{t('legend.kinds')}</h3>
      <ul class="legend-list">
        {kinds.map((l) => (
          <li key={l.id} data-testid={`legend-${l.id}`}>
            <Swatch swatch={l.legend.swatch} size={20} />
            {t(l.legend.labelKey)}
          </li>
        ))}
      </ul>
      <h3>{t('legend.actions')}</h3>
      <ul class="legend-list cols">
        {PROJECT_ACTIONS.map((a) => (
          <li key={a}>
            <Swatch swatch={{ type: 'icon', svg: symbolSvg('nineYear', a, 'planned') }} size={20} />
            {t(`action.${a}`)}
          </li>
        ))}
      </ul>
      <h3>{t('legend.statuses')}</h3>
      <ul class="legend-list cols">
        {PROJECT_STATUSES.map((s) => (
          <li key={s}>
            <Swatch swatch={{ type: 'icon', svg: symbolSvg('nineYear', 'new', s) }} size={20} />
            {t(`status.${s}`)}
          </li>
        ))}
      </ul>
      <ul class="legend-list">
        {central && visible.has('central') && (
          <li>
            <Swatch swatch={central.legend.swatch} size={20} />
            {t(central.legend.labelKey)}
          </li>
        )}
        <li>
          <Swatch swatch={selectionLegend.swatch} size={20} />
          {t(selectionLegend.labelKey)}
        </li>
      </ul>
      {ANALYSIS_LAYERS.filter((l) => visible.has(l.id)).map((l) => (
        <div key={l.id} data-testid={`legend-${l.id}`}>
          <h3>{t(l.labelKey)}</h3>
          {l.id === 'projectedGap' && (
            <p class="hint small" data-testid="legend-projectedGap-caption">
              {t('legend.projectedGapCaption', {
                year: String(projection.state.mapYear.value),
                stage: t(`projection.stage.${projection.state.stage.value}`),
                variant: t(`projection.variantShort.${projection.state.variant.value}`),
              })}
            </p>
          )}
          <ul class="legend-list">
            {l.legend.map((e) => (
              <li key={e.labelKey}>
                <Swatch swatch={e.swatch} size={20} />
                {t(e.labelKey)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h3>{t('legend.basemap')}</h3>
      <ul class="legend-list">
        {BASEMAP_LEGEND.map((e) => (
          <li key={e.labelKey}>
            <Swatch swatch={e.swatch} size={20} />
            {t(e.labelKey)}
          </li>
        ))}
      </ul>
    </section>
  );
}
