import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  readonly testid: string;
  readonly label: string;
  /** A longer explanation, shown as the item's tooltip. */
  readonly title?: string;
  readonly disabled?: boolean;
  readonly danger?: boolean;
  readonly onSelect: () => void;
}

/**
 * A button that opens a short list of actions (role="menu"). It closes on a choice, Escape, a click
 * elsewhere or focus leaving it; the arrow keys move between items. Items are only in the page while it
 * is open.
 */
export function Menu(props: {
  readonly testid: string;
  /** What the button says (an icon or a word). */
  readonly label: ComponentChildren;
  /** The button's accessible name and tooltip. */
  readonly title: string;
  readonly items: readonly MenuItem[];
  readonly class?: string;
}) {
  const [open, setOpen] = useState(false);
  /** Which edge of the button the list lines up with: its right edge, unless that runs off the window. */
  const [align, setAlign] = useState<'end' | 'start'>('end');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!open) {
      setAlign('end');
      return;
    }
    const r = list.current?.getBoundingClientRect();
    if (r && r.left < 0) setAlign('start');
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node | null)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const move = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = items.findIndex((b) => b === document.activeElement);
    const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
  };

  return (
    <div
      class={`menu${props.class ? ` ${props.class}` : ''}`}
      ref={root}
      onKeyDown={move}
      onFocusOut={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="ghost"
        data-testid={props.testid}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={props.title}
        title={props.title}
        onClick={() => setOpen(!open)}
      >
        {props.label}
      </button>
      {open && (
        <div ref={list} class={`menu-list ${align}`} role="menu" aria-label={props.title}>
          {props.items.map((i) => (
            <button
              key={i.testid}
              type="button"
              role="menuitem"
              class={i.danger ? 'danger' : undefined}
              data-testid={i.testid}
              disabled={i.disabled}
              title={i.title}
              onClick={() => {
                setOpen(false);
                i.onSelect();
              }}
            >
              {i.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
