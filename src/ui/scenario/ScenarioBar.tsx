import { formatTime } from '../common/format';
import { useFixed, useI18n, usePreferences, useScenarios, useT, useUi } from '../context';
import { ImportExport, useExportScenario } from './ExportMenu';

function SaveStatus() {
  const t = useT();
  const { lang } = useI18n();
  const { state } = useScenarios();
  const { storageNote } = useFixed();
  const exportScenario = useExportScenario();
  const status = state.saveStatus.value;
  const at = state.lastSavedAt.value ?? state.summary.value?.modifiedAt ?? null;
  const persisted = usePreferences().state.persisted.value;
  const title =
    status === 'volatile'
      ? [t('storage.volatileTitle'), storageNote ? t('storage.volatileReason', { message: storageNote }) : '']
          .filter(Boolean)
          .join(' ')
      : status === 'unsaved'
        ? t('save.unsavedTitle', { count: state.unsavedCount.value })
        : [
            at !== null ? t('save.savedAt', { time: formatTime(lang.value, at) }) : '',
            persisted === true ? t('save.persisted') : persisted === false ? t('save.notPersisted') : '',
          ]
            .filter(Boolean)
            .join(' ');
  return (
    <span class="save-status-group">
      <span class={`save-status ${status}`} data-testid="save-status" data-status={status} role="status" title={title}>
        <span class="dot" aria-hidden="true" />
        {t(`save.${status}`)}
        {status === 'volatile' && <span class="save-note">{t('save.volatileShort')}</span>}
      </span>
      {(status === 'volatile' || status === 'unsaved') && (
        <button
          type="button"
          class="link small"
          data-testid="save-export"
          onClick={() => void exportScenario('geojson')}
        >
          {t('storage.export')}
        </button>
      )}
    </span>
  );
}

/** The scenario (方案) picker with its operations, the save state and undo/redo. */
export function ScenarioBar() {
  const t = useT();
  const lang = useI18n().lang.value;
  const { state, actions } = useScenarios();
  const ui = useUi();
  const meta = state.scenario.value.scenario;
  const list = state.scenarios.value;
  const seedId = useFixed().illustrativeId;
  return (
    <div class="scenario" data-testid="scenario-info">
      <label class="scenario-label" for="scenario-select">
        {t('scenario.label')}
      </label>
      <select
        id="scenario-select"
        data-testid="scenario-select"
        title={t('scenario.select')}
        value={meta.id}
        onChange={(e) => void actions.switchScenario(e.currentTarget.value)}
      >
        {list.map((s) => (
          <option key={s.meta.id} value={s.meta.id} data-i18n-exempt="">
            {t('scenario.option', {
              name: lang === 'en' && s.meta.nameEn ? s.meta.nameEn : s.meta.name,
              count: s.projectCount,
              time: formatTime(lang, s.modifiedAt),
            })}
          </option>
        ))}
      </select>
      {meta.imported && (
        <span
          class="badge info"
          data-testid="imported-badge"
          title={t('scenario.importedTitle', {
            file: meta.imported.file,
            format: meta.imported.format.toUpperCase(),
            crs: meta.imported.crs,
            at: meta.imported.at.slice(0, 16).replace('T', ' '),
          })}
        >
          {t('scenario.imported')}
        </span>
      )}
      {meta.illustrative && (
        <span class="badge" data-testid="illustrative-badge" title={t('badge.illustrativeHint')}>
          {t('badge.illustrative')}
        </span>
      )}
      <div class="scenario-actions" role="group" aria-label={t('scenario.label')}>
        <button
          type="button"
          class="ghost small"
          data-testid="scenario-new"
          title={t('scenario.newTitle')}
          onClick={() => ui.actions.openDialog({ type: 'newScenario' })}
        >
          {t('scenario.new')}
        </button>
        <button
          type="button"
          class="ghost small"
          data-testid="scenario-duplicate"
          title={t('scenario.duplicateTitle')}
          onClick={() => ui.actions.openDialog({ type: 'duplicateScenario' })}
        >
          {t('scenario.duplicate')}
        </button>
        <button
          type="button"
          class="ghost small"
          data-testid="scenario-rename"
          title={t('scenario.renameTitle')}
          onClick={() => ui.actions.openDialog({ type: 'renameScenario' })}
        >
          {t('scenario.rename')}
        </button>
        <button
          type="button"
          class="ghost small danger"
          data-testid="scenario-delete"
          disabled={list.length <= 1}
          title={list.length <= 1 ? t('scenario.deleteLast') : t('scenario.deleteTitle')}
          onClick={() => ui.actions.openDialog({ type: 'deleteScenario' })}
        >
          {t('scenario.delete')}
        </button>
        {(meta.id === seedId || !list.some((s) => s.meta.id === seedId)) && (
          <button
            type="button"
            class="ghost small"
            data-testid="scenario-reset"
            title={t('scenario.resetTitle')}
            onClick={() => ui.actions.openDialog({ type: 'resetScenario' })}
          >
            {t('scenario.reset')}
          </button>
        )}
      </div>
      <ImportExport />
      <SaveStatus />
    </div>
  );
}
