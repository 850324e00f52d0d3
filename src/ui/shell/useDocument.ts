/**
 * The app's effects on the page around it (kept at the edge, not in state): the document's language and
 * title, keyboard shortcuts, and the browser's "leave page?" question while edits are not stored.
 */
import { useEffect } from 'preact/hooks';
import { effect } from '@preact/signals';
import { useEditing, useI18n, useMeeting, useScenarios, useSelection, useUi } from '../context';

export function useDocument(): void {
  const i18n = useI18n();
  const ui = useUi();
  const meeting = useMeeting();
  const selection = useSelection();
  const editing = useEditing();
  const scenarios = useScenarios();
  useEffect(
    () =>
      // <html lang> and the title follow the language
      effect(() => {
        document.documentElement.lang = i18n.lang.value === 'zh' ? 'zh-CN' : 'en';
        document.title = i18n.t.value('app.title');
      }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (ui.state.settingsOpen.peek() || ui.state.dialog.peek() || meeting.state.presentation.peek()) return;
      if (e.key === 'Escape') {
        // Esc cancels placing or drawing first, then closes the selection
        if (selection.state.mode.peek().type !== 'select') selection.actions.setMode({ type: 'select' });
        else selection.actions.select(null);
        return;
      }
      const target = e.target as HTMLElement | null;
      const typing =
        target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void editing.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void editing.redo();
      }
    };
    // a write still in flight, or edits that are not (or cannot be) stored: ask the browser to confirm leaving
    const onLeave = (e: BeforeUnloadEvent): void => {
      const status = scenarios.state.saveStatus.peek();
      const volatileChanges = status === 'volatile' && scenarios.state.history.peek().undoCount > 0;
      if (status === 'saving' || status === 'unsaved' || volatileChanges) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, []);
}
