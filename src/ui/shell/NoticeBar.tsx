import { describeEdit } from '../../core/edits/describe';
import { fieldLabelKey } from '../../core/model/validate';
import { basemapCredit, onlineCreditKey } from '../../state/basemap';
import { offlineStatus } from '../../state/updates';
import { useBasemap, useEditing, useI18n, usePreferences, useScenarios, useUi } from '../context';
import { useExportScenario } from '../scenario/ExportMenu';

/** The map's credit line: our sources, and the online basemap's when one is chosen. */
export function Credits() {
  const i18n = useI18n();
  const preferences = usePreferences();
  const active = useBasemap().state.active.value;
  const t = i18n.t.value;
  // a loaded archive or an intranet service: its own data credit (and GCJ-02 when declared)
  const own = active.kind === 'archive' || active.kind === 'tiles' ? basemapCredit(active) : '';
  const onlineKey = onlineCreditKey(preferences.state.settings.value);
  const online = onlineKey ? t(onlineKey) : null;
  const off = offlineStatus.value;
  const title =
    off.reason === 'insecure'
      ? t('offline.insecureTitle')
      : off.reason === 'ready'
        ? t('offline.readyTitle')
        : off.detail
          ? t('offline.detail', { detail: off.detail })
          : undefined;
  return (
    <p class="credits" data-testid="credits">
      <span
        class={off.available ? 'offline-status ok' : 'offline-status'}
        data-testid="offline-status"
        data-available={String(off.available)}
        data-reason={off.reason}
        title={title}
      >
        {t(`offline.${off.reason}`)}
      </span>
      {' · '}
      {online && <span>{online} · </span>}
      {own && (
        <span data-testid="basemap-attribution" data-i18n-exempt="">
          {own}
        </span>
      )}
      {own && ' · '}
      {t('credit.text')}
    </p>
  );
}

/** The message of the moment, in the planner's language, with the button it offers. */
export function NoticeBar() {
  const editing = useEditing();
  const i18n = useI18n();
  const scenarios = useScenarios();
  const ui = useUi();
  const exportScenario = useExportScenario();
  const n = ui.state.notice.value;
  if (!n) return null;
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const params = {
    ...n.params,
    ...(n.edit ? { edit: describeEdit(n.edit, lang) } : {}),
    ...(n.fields
      ? {
          fields: n.fields
            .map((f) => {
              const key = fieldLabelKey(f);
              return key ? t(key) : f;
            })
            .join(lang === 'zh' ? '、' : ', '),
        }
      : {}),
  };
  return (
    <div
      class={`notice ${n.tone}`}
      role={n.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      data-key={n.key}
    >
      <span>{t(n.key, params)}</span>
      {n.action === 'undo' && (
        <button
          type="button"
          class="link"
          data-testid="notice-undo"
          onClick={() => {
            ui.actions.dismissNotice();
            void editing.undo();
          }}
        >
          {t('history.undo')}
        </button>
      )}
      {n.action === 'retrySave' && (
        <button
          type="button"
          class="link"
          data-testid="notice-retry"
          onClick={() => {
            ui.actions.dismissNotice();
            void editing.retrySave();
          }}
        >
          {t('storage.retry')}
        </button>
      )}
      {n.action === 'reload' && (
        <button type="button" class="link" data-testid="notice-reload" onClick={() => location.reload()}>
          {t('storage.reloadPage')}
        </button>
      )}
      {n.offerExport && (
        <button type="button" class="link" data-testid="notice-export" onClick={() => void exportScenario('geojson')}>
          {t('storage.export')}
        </button>
      )}
      {n.action === 'restoreScenario' && (
        <button
          type="button"
          class="link"
          data-testid="notice-restore"
          onClick={() => void scenarios.actions.restoreDeletedScenario()}
        >
          {t('scenario.restore')}
        </button>
      )}
      <button
        type="button"
        class="icon-btn"
        aria-label={t('notice.dismiss')}
        onClick={() => ui.actions.dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}
