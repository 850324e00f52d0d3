import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dialog } from '../../state/ui';
import { useModal } from '../common/useModal';
import { useScenarios, useT, useUi } from '../context';

/** Dialogs for scenario operations: a name to type, or a confirmation. */
export function ScenarioDialog() {
  const { state, actions } = useScenarios();
  const ui = useUi();
  const dialog = ui.state.dialog.value;
  const modal = useModal(dialog !== null && dialog.type !== 'deleteProjects', () => ui.actions.openDialog(null));
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  const t = useT();
  const meta = state.scenario.value.scenario;

  useEffect(() => {
    if (!dialog || dialog.type === 'deleteProjects') return;
    setError(false);
    setName(initialName(dialog));
    requestAnimationFrame(() => input.current?.select());
  }, [dialog]);

  function initialName(d: Dialog): string {
    if (d.type === 'renameScenario') return meta.name;
    if (d.type === 'duplicateScenario') return t('scenario.copyOf', { name: meta.name });
    if (d.type === 'newScenario') return t('scenario.defaultName', { n: state.scenarios.value.length + 1 });
    return '';
  }

  if (!dialog || dialog.type === 'deleteProjects') return <dialog ref={modal.ref} class="modal" />;
  const asksName =
    dialog.type === 'newScenario' || dialog.type === 'duplicateScenario' || dialog.type === 'renameScenario';
  const title =
    dialog.type === 'newScenario'
      ? t('dialog.newTitle')
      : dialog.type === 'duplicateScenario'
        ? t('dialog.duplicateTitle')
        : dialog.type === 'renameScenario'
          ? t('dialog.renameTitle')
          : dialog.type === 'deleteScenario'
            ? t('dialog.deleteTitle')
            : t('dialog.resetTitle');

  const confirm = (): void => {
    if (asksName && name.trim() === '') {
      setError(true);
      return;
    }
    if (dialog.type === 'newScenario') void actions.newScenario(name);
    else if (dialog.type === 'duplicateScenario') void actions.duplicateScenario(name);
    else if (dialog.type === 'renameScenario') void actions.renameScenario(name);
    else if (dialog.type === 'deleteScenario') void actions.deleteScenario();
    else void actions.resetIllustrative();
  };

  return (
    <dialog
      ref={modal.ref}
      class="modal"
      data-testid="scenario-dialog"
      aria-labelledby="scenario-dialog-title"
      onCancel={modal.onCancel}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <h2 id="scenario-dialog-title">{title}</h2>
        {asksName && (
          <label class="field">
            <span>{t('scenario.nameLabel')}</span>
            <input
              ref={input}
              data-testid="scenario-name-input"
              value={name}
              maxLength={80}
              aria-invalid={error}
              onInput={(e) => {
                setName(e.currentTarget.value);
                setError(false);
              }}
            />
            {error && <span class="field-error">{t('scenario.nameRequired')}</span>}
          </label>
        )}
        {dialog.type === 'deleteScenario' && (
          <p>{t('dialog.deleteText', { name: meta.name, count: state.scenario.value.features.length })}</p>
        )}
        {dialog.type === 'resetScenario' && <p>{t('dialog.resetText')}</p>}
        <div class="dialog-actions">
          <button type="button" class="ghost" data-testid="dialog-cancel" onClick={() => ui.actions.openDialog(null)}>
            {t('dialog.cancel')}
          </button>
          <button
            type="submit"
            class={dialog.type === 'deleteScenario' ? 'primary danger' : 'primary'}
            data-testid="dialog-confirm"
          >
            {dialog.type === 'deleteScenario' ? t('scenario.delete') : t('dialog.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
