import { useEffect, useRef } from 'preact/hooks';
import { PROJECT_KINDS, PROJECT_STATUSES, isProjectKind, isProjectStatus } from '../core/model/kinds';
import type { MessageKey } from '../core/i18n/messages';
import { isFilterActive, type SortKey } from '../core/table/query';
import { formatNumber } from '../core/i18n/translate';
import type { App } from '../state/app';

const COLUMNS: { key: SortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'name', label: 'field.name' },
  { key: 'kind', label: 'field.kind' },
  { key: 'action', label: 'field.action' },
  { key: 'county', label: 'field.county' },
  { key: 'township', label: 'field.township' },
  { key: 'status', label: 'field.status' },
  { key: 'year', label: 'field.year', numeric: true },
  { key: 'seats', label: 'field.seats', numeric: true },
  { key: 'classes', label: 'field.classes', numeric: true },
];

/** A filter drop-down: "all" (null) or one value of a closed set. */
function FilterSelect<T extends string>(props: {
  testid: string;
  label: string;
  allLabel: string;
  value: T | null;
  options: readonly (readonly [T, string])[];
  parse: (v: string) => T | null;
  onChange: (v: T | null) => void;
}) {
  return (
    <select
      data-testid={props.testid}
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(props.parse(e.currentTarget.value))}
    >
      <option value="">{props.allLabel}</option>
      {props.options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

export function ProjectTable({ app }: { app: App }) {
  const { state, actions } = app;
  const t = state.t.value;
  const lang = state.lang.value;
  const rows = state.rows.value;
  const filter = state.filter.value;
  const sort = state.sort.value;
  const selectedId = state.selectedId.value;
  const open = state.tableOpen.value;
  const total = state.scenario.value.features.length;
  const seats = rows.reduce((s, p) => s + p.properties.seats, 0);
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    body.current?.querySelector(`[data-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, open]);

  return (
    <section
      class={`table-drawer${open ? '' : ' collapsed'}`}
      data-testid="project-table"
      aria-labelledby="table-title"
    >
      <header class="table-head">
        <h2 id="table-title">{t('table.title')}</h2>
        {open && (
          <div class="table-filters">
            <input
              type="search"
              data-testid="table-search"
              placeholder={t('table.search')}
              aria-label={t('table.search')}
              value={filter.text}
              onInput={(e) => actions.setFilter({ text: e.currentTarget.value })}
            />
            <FilterSelect
              testid="table-filter-county"
              label={t('field.county')}
              allLabel={t('table.allCounties')}
              value={filter.countyCode}
              options={state.reference.counties.features.map((c) => [
                c.properties.adcode,
                state.countyName.value(c.properties.adcode),
              ])}
              parse={(v) => (state.index.countyByCode.has(v) ? v : null)}
              onChange={(countyCode) => actions.setFilter({ countyCode })}
            />
            <FilterSelect
              testid="table-filter-kind"
              label={t('field.kind')}
              allLabel={t('table.allKinds')}
              value={filter.kind}
              options={PROJECT_KINDS.map((k) => [k, t(`kind.${k}`)])}
              parse={(v) => (isProjectKind(v) ? v : null)}
              onChange={(kind) => actions.setFilter({ kind })}
            />
            <FilterSelect
              testid="table-filter-status"
              label={t('field.status')}
              allLabel={t('table.allStatuses')}
              value={filter.status}
              options={PROJECT_STATUSES.map((st) => [st, t(`status.${st}`)])}
              parse={(v) => (isProjectStatus(v) ? v : null)}
              onChange={(status) => actions.setFilter({ status })}
            />
            <label class="check">
              <input
                type="checkbox"
                data-testid="table-filter-central"
                checked={filter.centralOnly}
                onChange={(e) => actions.setFilter({ centralOnly: e.currentTarget.checked })}
              />
              {t('table.centralOnly')}
            </label>
            {isFilterActive(filter) && (
              <button type="button" class="link" data-testid="table-clear" onClick={() => actions.clearFilter()}>
                {t('table.clear')}
              </button>
            )}
          </div>
        )}
        <span class="table-summary" data-testid="table-summary">
          {t('table.summary', { shown: rows.length, total, seats })}
        </span>
        <button
          type="button"
          class="ghost"
          data-testid="table-toggle"
          aria-expanded={open}
          onClick={() => actions.toggleTable()}
        >
          {open ? t('table.hide') : t('table.show')}
        </button>
      </header>
      {open && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                {COLUMNS.map((c) => {
                  const active = sort.key === c.key;
                  return (
                    <th
                      key={c.key}
                      class={c.numeric ? 'num' : ''}
                      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    >
                      <button
                        type="button"
                        data-testid={`table-sort-${c.key}`}
                        title={t('table.sortBy', { column: t(c.label) })}
                        onClick={() => actions.sortBy(c.key)}
                      >
                        {t(c.label)}
                        <span class="sort-mark" aria-hidden="true">
                          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody ref={body}>
              {rows.map((p) => {
                const q = p.properties;
                return (
                  <tr
                    key={p.id}
                    data-id={p.id}
                    data-testid={`project-row-${p.id}`}
                    class={p.id === selectedId ? 'selected' : ''}
                    tabIndex={0}
                    title={t('table.rowHint')}
                    aria-selected={p.id === selectedId}
                    onClick={() => actions.select(p.id, { fly: true })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        actions.select(p.id, { fly: true });
                      }
                    }}
                  >
                    <td class="name">
                      {state.projectName.value(p)}
                      {q.locationPrecision === 'illustrative' && <span class="tag">{t('table.illustrativeTag')}</span>}
                    </td>
                    <td>{t(`kind.${q.kind}`)}</td>
                    <td>{t(`action.${q.action}`)}</td>
                    <td>{state.countyName.value(q.countyCode)}</td>
                    <td>{state.townshipName.value(q.townshipCode)}</td>
                    <td>
                      <span class={`status status-${q.status}`}>{t(`status.${q.status}`)}</span>
                    </td>
                    <td class="num">{q.year}</td>
                    <td class="num">{formatNumber(lang, q.seats)}</td>
                    <td class="num">{q.classes}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length === 0 && (
            <p class="table-empty" data-testid="table-empty">
              {t('table.empty')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
