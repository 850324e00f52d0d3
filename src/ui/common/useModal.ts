/**
 * A <dialog> shown as a modal exactly while `open` is true. The state decides, always: Escape asks
 * `dismiss` and never closes the element itself, so a queued `close` event from an earlier closing can
 * never undo a reopening, and a dialog that must stay (an export drawing) simply does not dismiss.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function useModal(
  open: boolean,
  dismiss: () => void,
): { readonly ref: RefObject<HTMLDialogElement | null>; readonly onCancel: (e: Event) => void } {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    else if (!open && el.open) el.close();
  }, [open]);
  return {
    ref,
    onCancel: (e) => {
      e.preventDefault();
      dismiss();
    },
  };
}
