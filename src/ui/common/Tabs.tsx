import type { ComponentChildren } from 'preact';

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: ComponentChildren;
}

/** A row of tab buttons (sidebar, drawer, levels, stages): one selected, each with a stable test id. */
export function Tabs<T extends string>({
  items,
  active,
  onSelect,
  testid,
  label,
  class: className,
}: {
  items: readonly TabItem<T>[];
  active: T;
  onSelect: (id: T) => void;
  /** Test ids are `${testid}-${id}`. */
  testid: string;
  label?: string;
  class: string;
}) {
  return (
    <div class={className} role="tablist" aria-label={label}>
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          aria-selected={item.id === active}
          class={item.id === active ? 'active' : ''}
          data-testid={`${testid}-${item.id}`}
          onClick={() => onSelect(item.id)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
