import { ScenarioBar } from '../scenario/ScenarioBar';
import { MeetingButtons } from '../meeting/MeetingButtons';
import { ImportExport } from '../scenario/ExportMenu';
import { useI18n, usePreferences, useUi } from '../context';

export function Header() {
  const i18n = useI18n();
  const preferences = usePreferences();
  const ui = useUi();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  return (
    <header class="topbar">
      <div class="brand">
        <svg class="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="#0F4C81" />
          <path d="M7 15 16 9l9 6v9H7z" fill="#fff" />
          <path d="M13 24v-5h6v5" fill="#0F4C81" />
          <circle cx="16" cy="14.5" r="1.8" fill="#F28E2B" />
        </svg>
        <div>
          <h1>{t('app.title')}</h1>
          <p class="subtitle">{t('app.subtitle')}</p>
        </div>
      </div>
      <ScenarioBar />
      <div class="top-tools">
        <ImportExport />
        <MeetingButtons />
      </div>
      <div class="top-actions">
        <button
          type="button"
          class="ghost"
          data-testid="lang-toggle"
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          title={t('lang.switchTitle')}
          data-i18n-exempt=""
          onClick={() => preferences.actions.setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('lang.switchTo')}
        </button>
        <button type="button" class="ghost" data-testid="settings-open" onClick={() => ui.actions.openSettings(true)}>
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path
              d="M10 6.8a3.2 3.2 0 1 0 0 6.4 3.2 3.2 0 0 0 0-6.4zm7 4.3v-2.2l-2-.4a5.6 5.6 0 0 0-.6-1.4l1.2-1.7-1.6-1.6-1.7 1.2c-.4-.3-.9-.5-1.4-.6L10.5 2h-2.2l-.4 2c-.5.1-1 .3-1.4.6L4.8 3.4 3.2 5l1.2 1.7c-.3.4-.5.9-.6 1.4l-2 .4v2.2l2 .4c.1.5.3 1 .6 1.4l-1.2 1.7 1.6 1.6 1.7-1.2c.4.3.9.5 1.4.6l.4 2h2.2l.4-2c.5-.1 1-.3 1.4-.6l1.7 1.2 1.6-1.6-1.2-1.7c.3-.4.5-.9.6-1.4z"
              fill="currentColor"
            />
          </svg>
          {t('settings.open')}
        </button>
      </div>
    </header>
  );
}
