import { isPlausibleTiandituKey, needsTiandituKey } from '../../core/settings/settings';
import { BasemapSettings } from './BasemapSettings';
import { AnalysisSettings } from '../analysis/AnalysisSettings';
import { useModal } from '../common/useModal';
import { usePreferences, useT, useUi } from '../context';

export function SettingsDialog() {
  const { state, actions } = usePreferences();
  const ui = useUi();
  const t = useT();
  const modal = useModal(ui.state.settingsOpen.value, () => ui.actions.openSettings(false));
  const { basemap, tiandituKey, lang } = state.settings.value;
  const keyNeeded = needsTiandituKey(basemap);
  const keyOk = isPlausibleTiandituKey(tiandituKey);
  return (
    <dialog
      ref={modal.ref}
      class="settings"
      data-testid="settings-dialog"
      aria-labelledby="settings-title"
      onCancel={modal.onCancel}
    >
      <header>
        <h2 id="settings-title">{t('settings.title')}</h2>
        <button
          type="button"
          class="icon-btn"
          data-testid="settings-close"
          aria-label={t('settings.close')}
          title={t('settings.close')}
          onClick={() => ui.actions.openSettings(false)}
        >
          ×
        </button>
      </header>
      <label class="field">
        <span>{t('settings.language')}</span>
        <select
          data-testid="settings-lang"
          value={lang}
          onChange={(e) => actions.setLang(e.currentTarget.value === 'en' ? 'en' : 'zh')}
        >
          <option value="zh" lang="zh-CN" data-i18n-exempt="">
            中文
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </label>
      <BasemapSettings />
      <label class="field">
        <span>{t('settings.tk')}</span>
        <input
          type="text"
          data-testid="settings-tk"
          spellcheck={false}
          autocomplete="off"
          placeholder={t('settings.tkPlaceholder')}
          value={tiandituKey}
          onChange={(e) => actions.setTiandituKey(e.currentTarget.value)}
        />
      </label>
      {keyNeeded && !keyOk && (
        <p class="hint warn" data-testid="settings-tk-missing">
          {tiandituKey === '' ? t('settings.tkMissing') : t('settings.keyInvalid')}
        </p>
      )}
      <AnalysisSettings />
    </dialog>
  );
}
