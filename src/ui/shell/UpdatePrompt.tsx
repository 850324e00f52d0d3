import { applyUpdate, dismissUpdate, updates } from '../../state/updates';
import { useT } from '../context';

/** "新版本已就绪 — 重新加载以更新": shown when a new version has installed; saves first, then reloads. */
export function UpdatePrompt() {
  const t = useT();
  if (!updates.ready.value || updates.dismissed.value) return null;
  const applying = updates.applying.value;
  return (
    <div class="update-prompt" role="status" data-testid="update-prompt">
      <span>{applying ? t('update.waitSave') : t('update.ready')}</span>
      <button
        type="button"
        class="primary small"
        data-testid="update-reload"
        disabled={applying}
        onClick={() => void applyUpdate()}
      >
        {t('update.reload')}
      </button>
      <button type="button" class="ghost small" disabled={applying} onClick={() => dismissUpdate()}>
        {t('update.later')}
      </button>
    </div>
  );
}
