import { ANALYSIS_LAYERS, MAP_LAYERS } from '../../../layers/index';
import { Swatch } from '../common/Swatch';
import { useAnalysis, useI18n, useImporter, useLayers, useReferenceLayers, useView } from '../context';

export function LayerPanel() {
  const analysis = useAnalysis();
  const i18n = useI18n();
  const reference = useReferenceLayers();
  const importer = useImporter();
  const layers = useLayers();
  const view = useView();
  const t = i18n.t.value;
  const input = layers.layerInput.value;
  const visible = view.state.visible.value;
  const surface = analysis.state.surface.value;
  const existing = reference.state.existingLayer.value;
  const popSource = reference.state.populationSource.value;
  return (
    <section class="panel" data-testid="layer-panel" aria-labelledby="layers-title">
      <header class="panel-head">
        <h2 id="layers-title">{t('layers.title')}</h2>
        <div class="panel-actions">
          <button
            type="button"
            class="link"
            data-testid="layers-show-all"
            onClick={() => view.actions.setAllLayers(true)}
          >
            {t('layers.showAll')}
          </button>
          <button
            type="button"
            class="link"
            data-testid="layers-hide-all"
            onClick={() => view.actions.setAllLayers(false)}
          >
            {t('layers.hideAll')}
          </button>
        </div>
      </header>
      <ul class="layer-list">
        {MAP_LAYERS.map((layer) => {
          const stats = layer.stats(input);
          const on = visible.has(layer.id);
          const label = t(layer.labelKey);
          return (
            <li key={layer.id} class={`layer-row${on ? '' : ' off'}${stats.count === 0 ? ' empty' : ''}`}>
              <label title={stats.count === 0 ? t('layers.empty') : t('layers.toggleHint', { layer: label })}>
                <input
                  type="checkbox"
                  checked={on}
                  data-testid={`layer-toggle-${layer.id}`}
                  onChange={() => view.actions.toggleLayer(layer.id)}
                />
                <Swatch swatch={layer.legend.swatch} />
                <span class="layer-name">{label}</span>
                <span class="layer-stats" data-testid={`layer-stats-${layer.id}`}>
                  <span class="count">{t('layers.count', { count: stats.count })}</span>
                  <span class="seats">{t('layers.seats', { seats: stats.seats })}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <h3 class="layer-group">{t('layers.analysis')}</h3>
      <ul class="layer-list">
        {ANALYSIS_LAYERS.map((layer) => {
          const on = visible.has(layer.id);
          const label = t(layer.labelKey);
          const first = layer.legend[0];
          return (
            <li key={layer.id} class={`layer-row${on ? '' : ' off'}`}>
              <label title={t(`layerHint.${layer.id}`)}>
                <input
                  type="checkbox"
                  checked={on}
                  data-testid={`layer-toggle-${layer.id}`}
                  onChange={() => view.actions.toggleLayer(layer.id)}
                />
                {first && <Swatch swatch={first.swatch} />}
                <span class="layer-name">{label}</span>
                {layer.id === 'population' && surface.type === 'ready' && surface.info.modelled && (
                  <span class="badge warn small">{t('coverage.modelledShort')}</span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
      <h3 class="layer-group">{t('ref.title')}</h3>
      <ul class="reference-list" data-testid="reference-panel">
        <li data-testid="reference-existing" data-count={existing?.schools.length ?? 0}>
          <span>
            {existing
              ? t('ref.existing', { count: existing.schools.length, file: existing.source.file })
              : t('ref.existingNone')}
          </span>
          <span class="ref-actions">
            <button
              type="button"
              class="link"
              data-testid="reference-import-existing"
              onClick={() => importer.open('existing')}
            >
              {t('ref.importExisting')}
            </button>
            {existing && (
              <button
                type="button"
                class="link danger"
                data-testid="reference-clear-existing"
                onClick={() => void reference.actions.clearExisting()}
              >
                {t('ref.clearExisting')}
              </button>
            )}
          </span>
        </li>
        <li data-testid="reference-population" data-imported={popSource ? 'true' : 'false'}>
          <span>
            {popSource
              ? t('ref.population', { total: popSource.total, file: popSource.file })
              : t('ref.populationModelled')}
          </span>
          <span class="ref-actions">
            <button
              type="button"
              class="link"
              data-testid="reference-import-population"
              onClick={() => importer.open('population')}
            >
              {t('ref.importPopulation')}
            </button>
            {popSource && (
              <button
                type="button"
                class="link"
                data-testid="reference-restore-population"
                onClick={() => void reference.actions.clearPopulation()}
              >
                {t('ref.restoreModelled')}
              </button>
            )}
          </span>
        </li>
      </ul>
    </section>
  );
}
