import { describeEdit } from '../core/edits/describe';
import { PROJECT_KINDS } from '../core/model/kinds';
import { symbolSvg } from '../../layers/symbols';
import type { App } from '../state/app';
import { Swatch } from './Swatch';

/** Undo and redo, named after the edit they undo or redo. */
export function UndoRedo({ app }: { app: App }) {
  const { state, actions } = app;
  const t = state.t.value;
  const lang = state.lang.value;
  const h = state.history.value;
  return (
    <div class="undo-redo" role="group">
      <button
        type="button"
        class="ghost icon-text"
        data-testid="undo"
        disabled={h.undoCount === 0}
        title={h.undo ? t('history.undoTitle', { edit: describeEdit(h.undo, lang) }) : t('history.nothingToUndo')}
        aria-label={h.undo ? t('history.undoTitle', { edit: describeEdit(h.undo, lang) }) : t('history.undo')}
        onClick={() => void actions.undo()}
      >
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="M8 5 3 9.5 8 14M3.5 9.5H12a5 5 0 0 1 0 10h-2" fill="none" stroke="currentColor" stroke-width="1.8" />
        </svg>
        {t('history.undo')}
      </button>
      <button
        type="button"
        class="ghost icon-text"
        data-testid="redo"
        disabled={h.redoCount === 0}
        title={h.redo ? t('history.redoTitle', { edit: describeEdit(h.redo, lang) }) : t('history.nothingToRedo')}
        aria-label={h.redo ? t('history.redoTitle', { edit: describeEdit(h.redo, lang) }) : t('history.redo')}
        onClick={() => void actions.redo()}
      >
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path
            d="M12 5l5 4.5-5 4.5M16.5 9.5H8a5 5 0 0 0 0 10h2"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
          />
        </svg>
        {t('history.redo')}
      </button>
    </div>
  );
}

/** Add a project of a kind: pick the kind here, then click the map (Terra Draw point mode). */
export function EditToolbar({ app }: { app: App }) {
  const { state, actions } = app;
  const t = state.t.value;
  const mode = state.mode.value;
  return (
    <div class="edit-toolbar" role="toolbar" aria-label={t('edit.toolbar')} data-testid="edit-toolbar">
      <span class="edit-title">{t('edit.toolbar')}</span>
      {PROJECT_KINDS.map((kind) => {
        const active = mode.type === 'add' && mode.kind === kind;
        return (
          <button
            key={kind}
            type="button"
            class={`tool${active ? ' active' : ''}`}
            data-testid={`add-project-${kind}`}
            aria-pressed={active}
            title={t('edit.addKind', { kind: t(`kind.${kind}`) })}
            aria-label={t('edit.addKind', { kind: t(`kind.${kind}`) })}
            onClick={() => actions.setMode(active ? { type: 'select' } : { type: 'add', kind })}
          >
            <Swatch swatch={{ type: 'icon', svg: symbolSvg(kind, 'new', 'planned') }} size={22} />
          </button>
        );
      })}
      <span class="tool-sep" aria-hidden="true" />
      <UndoRedo app={app} />
      {mode.type !== 'select' && (
        <p class="mode-hint" role="status" data-testid="mode-hint">
          {mode.type === 'add' ? t('edit.placeHint', { kind: t(`kind.${mode.kind}`) }) : t('edit.siteHint')}
          <button
            type="button"
            class="link"
            data-testid="mode-cancel"
            onClick={() => actions.setMode({ type: 'select' })}
          >
            {t('edit.cancel')}
          </button>
        </p>
      )}
    </div>
  );
}
