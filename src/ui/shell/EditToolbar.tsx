import { describeEdit } from '../../core/edits/describe';
import { PROJECT_KINDS } from '../../core/model/kinds';
import { symbolSvg } from '../../../layers/symbols';
import { Swatch } from '../common/Swatch';
import { useEditing, useI18n, useScenarios, useSelection, useT } from '../context';

const HISTORY_BUTTONS = [
  {
    dir: 'undo',
    icon: 'M8 5 3 9.5 8 14M3.5 9.5H12a5 5 0 0 1 0 10h-2',
    titleKey: 'history.undoTitle',
    emptyKey: 'history.nothingToUndo',
  },
  {
    dir: 'redo',
    icon: 'M12 5l5 4.5-5 4.5M16.5 9.5H8a5 5 0 0 0 0 10h2',
    titleKey: 'history.redoTitle',
    emptyKey: 'history.nothingToRedo',
  },
] as const;

/** Undo and redo, named after the edit they undo or redo. */
function UndoRedo() {
  const t = useT();
  const lang = useI18n().lang.value;
  const h = useScenarios().state.history.value;
  const editing = useEditing();
  return (
    <div class="undo-redo" role="group">
      {HISTORY_BUTTONS.map((b) => {
        const label = h[b.dir];
        const named = label ? t(b.titleKey, { edit: describeEdit(label, lang) }) : null;
        return (
          <button
            key={b.dir}
            type="button"
            class="ghost icon-text"
            data-testid={b.dir}
            disabled={(b.dir === 'undo' ? h.undoCount : h.redoCount) === 0}
            title={named ?? t(b.emptyKey)}
            aria-label={named ?? t(`history.${b.dir}`)}
            onClick={() => void editing[b.dir]()}
          >
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path d={b.icon} fill="none" stroke="currentColor" stroke-width="1.8" />
            </svg>
            {t(`history.${b.dir}`)}
          </button>
        );
      })}
    </div>
  );
}

/** Add a project of a kind: pick the kind here, then click the map (Terra Draw point mode). */
export function EditToolbar() {
  const t = useT();
  const { state, actions } = useSelection();
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
      <UndoRedo />
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
