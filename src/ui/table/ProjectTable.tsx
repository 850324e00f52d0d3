import { useEffect, useRef, useState } from 'preact/hooks';
import { PROJECT_KINDS, PROJECT_STATUSES, isProjectKind, isProjectStatus } from '../../core/model/kinds';
import type { MessageKey } from '../../core/i18n/messages';
import { isFilterActive, type SortKey } from '../../core/table/query';
import { formatNumber } from '../../core/i18n/translate';
import { useLazy } from '../common/lazy';
import { Tabs } from '../common/Tabs';
import { BulkBar } from './BulkBar';
import { useFixed, useI18n, useScenarios, useSelection, useTable, useUi, useView } from '../context';

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

/** Rows are a fixed height so only those in view are rendered (10,000 projects stay fast). */
const ROW_HEIGHT = 33;
const OVERSCAN = 12;

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

export function ProjectTable() {
  const fixed = useFixed();
  const i18n = useI18n();
  const scenarios = useScenarios();
  const selection = useSelection();
  const table = useTable();
  const ui = useUi();
  const view = useView();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const rows = table.state.rows.value;
  const filter = table.state.filter.value;
  const sort = table.state.sort.value;
  const selectedId = selection.state.selectedId.value;
  const open = view.state.tableOpen.value;
  const tab = ui.state.drawerTab.value;
  // the table of seats against demand loads the first time its tab is opened
  const DemandTable = useLazy(open && tab === 'demand', () =>
    import('../analysis/DemandTable').then((m) => m.DemandTable),
  );
  const total = scenarios.state.scenario.value.features.length;
  const seats = rows.reduce((s, p) => s + p.properties.seats, 0);
  const checked = selection.state.checked.value;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => setViewport(el.clientHeight || 400);
    const onScroll = (): void => setScrollTop(el.scrollTop);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [open, tab]);

  // bring the selected project's row into view (it may not be rendered yet)
  useEffect(() => {
    const el = scroller.current;
    if (!selectedId || !el) return;
    const i = rows.findIndex((p) => p.id === selectedId);
    if (i < 0) return;
    const top = i * ROW_HEIGHT;
    const head = 34;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight - head)
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [selectedId, open]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const shown = rows.slice(first, last);
  const allChecked = rows.length > 0 && rows.every((p) => checked.has(p.id));

  return (
    <section
      class={`table-drawer${open ? '' : ' collapsed'}`}
      data-testid="project-table"
      aria-labelledby="table-title"
    >
      <header class="table-head">
        <h2 id="table-title" class="sr-only">
          {t('table.title')}
        </h2>
        <Tabs
          class="drawer-tabs"
          testid="drawer-tab"
          label={t('table.title')}
          items={(['projects', 'demand'] as const).map((id) => ({ id, label: t(`drawer.${id}`) }))}
          active={tab}
          onSelect={(id) => ui.actions.setDrawerTab(id)}
        />
        {open && tab === 'projects' && (
          <div class="table-filters">
            <input
              type="search"
              data-testid="table-search"
              placeholder={t('table.search')}
              aria-label={t('table.search')}
              value={filter.text}
              onInput={(e) => table.actions.setFilter({ text: e.currentTarget.value })}
            />
            <FilterSelect
              testid="table-filter-county"
              label={t('field.county')}
              allLabel={t('table.allCounties')}
              value={filter.countyCode}
              options={fixed.reference.counties.features.map((c) => [
                c.properties.adcode,
                i18n.countyName.value(c.properties.adcode),
              ])}
              parse={(v) => (fixed.index.countyByCode.has(v) ? v : null)}
              onChange={(countyCode) => table.actions.setFilter({ countyCode })}
            />
            <FilterSelect
              testid="table-filter-kind"
              label={t('field.kind')}
              allLabel={t('table.allKinds')}
              value={filter.kind}
              options={PROJECT_KINDS.map((k) => [k, t(`kind.${k}`)])}
              parse={(v) => (isProjectKind(v) ? v : null)}
              onChange={(kind) => table.actions.setFilter({ kind })}
            />
            <FilterSelect
              testid="table-filter-status"
              label={t('field.status')}
              allLabel={t('table.allStatuses')}
              value={filter.status}
              options={PROJECT_STATUSES.map((st) => [st, t(`status.${st}`)])}
              parse={(v) => (isProjectStatus(v) ? v : null)}
              onChange={(status) => table.actions.setFilter({ status })}
            />
            <label class="check">
              <input
                type="checkbox"
                data-testid="table-filter-central"
                checked={filter.centralOnly}
                onChange={(e) => table.actions.setFilter({ centralOnly: e.currentTarget.checked })}
              />
              {t('table.centralOnly')}
            </label>
            {isFilterActive(filter) && (
              <button type="button" class="link" data-testid="table-clear" onClick={() => table.actions.clearFilter()}>
                {t('table.clear')}
              </button>
            )}
          </div>
        )}
        {tab === 'projects' && (
          <span
            class="table-summary"
            data-testid="table-summary"
            title={t('table.summary', { shown: rows.length, total, seats })}
          >
            {t('table.summary', { shown: rows.length, total, seats })}
          </span>
        )}
        <button
          type="button"
          class="ghost"
          data-testid="table-toggle"
          aria-expanded={open}
          onClick={() => view.actions.toggleTable()}
        >
          {open ? t('table.hide') : t('table.show')}
        </button>
      </header>
      {open && tab === 'demand' && DemandTable && <DemandTable />}
      {open && tab === 'projects' && <BulkBar />}
      {open && tab === 'projects' && (
        <div class="table-scroll" ref={scroller}>
          <table>
            <thead>
              <tr>
                <th class="check-col">
                  <input
                    type="checkbox"
                    data-testid="table-check-all"
                    aria-label={t('table.checkAll')}
                    title={t('table.checkAll')}
                    checked={allChecked}
                    onChange={(e) => selection.actions.setChecked(e.currentTarget.checked ? rows.map((p) => p.id) : [])}
                  />
                </th>
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
                        onClick={() => table.actions.sortBy(c.key)}
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
            <tbody>
              {first > 0 && (
                <tr key="spacer-top" class="spacer" aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} />
              )}
              {shown.map((p) => {
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
                    onClick={() => selection.actions.select(p.id, { fly: true })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        selection.actions.select(p.id, { fly: true });
                      }
                    }}
                  >
                    <td class="check-col" onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        data-testid={`project-check-${p.id}`}
                        aria-label={t('table.check')}
                        checked={checked.has(p.id)}
                        onChange={() => selection.actions.toggleChecked(p.id)}
                      />
                    </td>
                    <td class="name" data-i18n-exempt="">
                      {i18n.projectName.value(p)}
                      {q.locationPrecision === 'illustrative' && <span class="tag">{t('table.illustrativeTag')}</span>}
                    </td>
                    <td>{t(`kind.${q.kind}`)}</td>
                    <td>{t(`action.${q.action}`)}</td>
                    <td>{i18n.countyName.value(q.countyCode)}</td>
                    <td>{i18n.townshipName.value(q.townshipCode)}</td>
                    <td>
                      <span class={`status status-${q.status}`}>{t(`status.${q.status}`)}</span>
                    </td>
                    <td class="num">{q.year}</td>
                    <td class="num">{formatNumber(lang, q.seats)}</td>
                    <td class="num">{q.classes}</td>
                  </tr>
                );
              })}
              {last < rows.length && (
                <tr
                  key="spacer-bottom"
                  class="spacer"
                  aria-hidden="true"
                  style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }}
                />
              )}
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
