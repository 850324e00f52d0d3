import { formatTime } from '../common/format';
import { useFixed, useI18n, usePreferences, useScenarios, useT, useUi } from '../context';
import { Menu, type MenuItem } from '../common/Menu';
import { useExportScenario } from './ExportMenu';

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

/** The scenario (方案) picker, its operations in a menu, and the save state. */
export function ScenarioBar() {
  const t = useT();
  const lang = useI18n().lang.value;
  const scenarios = useScenarios();
  const { state } = scenarios;
  const ui = useUi();
  const meta = state.scenario.value.scenario;
  const list = state.scenarios.value;
  const seedId = useFixed().illustrativeId;
  const only = list.length <= 1;
  const open = (type: 'newScenario' | 'duplicateScenario' | 'renameScenario' | 'deleteScenario' | 'resetScenario') =>
    ui.actions.openDialog({ type });
  const items: MenuItem[] = [
    {
      testid: 'scenario-new',
      label: t('dialog.newTitle'),
      title: t('scenario.newTitle'),
      onSelect: () => open('newScenario'),
    },
    {
      testid: 'scenario-duplicate',
      label: t('dialog.duplicateTitle'),
      title: t('scenario.duplicateTitle'),
      onSelect: () => open('duplicateScenario'),
    },
    {
      testid: 'scenario-rename',
      label: t('dialog.renameTitle'),
      title: t('scenario.renameTitle'),
      onSelect: () => open('renameScenario'),
    },
    // the illustrative scenario can be reset while it is shown, or brought back once deleted
    ...(meta.id === seedId || !list.some((s) => s.meta.id === seedId)
      ? [
          {
            testid: 'scenario-reset',
            label: t('dialog.resetTitle'),
            title: t('scenario.resetTitle'),
            onSelect: () => open('resetScenario'),
          },
        ]
      : []),
    {
      testid: 'scenario-delete',
      label: t('dialog.deleteTitle'),
      title: only ? t('scenario.deleteLast') : t('scenario.deleteTitle'),
      disabled: only,
      danger: true,
      onSelect: () => open('deleteScenario'),
    },
  ];
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
        onChange={(e) => void scenarios.actions.switchScenario(e.currentTarget.value)}
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
      <Menu testid="scenario-menu" class="scenario-menu" label="⋯" title={t('scenario.menu')} items={items} />
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
      <SaveStatus />
    </div>
  );
}
