import { COVERAGE_LEVELS } from '../../core/analysis/params';
import { PROJECT_KINDS } from '../../core/model/kinds';
import { changeText, fieldsText } from '../../core/compare/diffCsv';
import { CompareMaps, COMPARE_COLORS } from '../../map/CompareMaps';
import { download } from '../common/download';
import { useCompare, useFixed, useI18n, useScenarios } from '../context';
import { formatNumber } from '../../core/i18n/translate';

const signed = (v: number, n: (x: number) => string): string => (v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : '0');

/** 方案比较: two scenarios under a swipe bar or side by side, and a table of what changed. */
export function CompareView() {
  const compare = useCompare();
  const fixed = useFixed();
  const i18n = useI18n();
  const scenarioStore = useScenarios();
  const c = compare.state;
  const session = c.session.value;
  if (!session) return null;
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const n = (v: number): string => formatNumber(lang, Math.round(v));
  const sides = c.sides.value;
  const diff = c.diff.value;
  const coverage = c.coverage.value;
  const scenarios = scenarioStore.state.scenarios.value;
  const countyName = i18n.countyName.value;
  const csv = (which: 'changes' | 'seats'): void => {
    const r = compare.actions.csv(which);
    if (r) download(r.name, r.text, 'text/csv;charset=utf-8');
  };
  const picker = (side: 'a' | 'b') => (
    <label class="field inline">
      <span>{t(side === 'a' ? 'compare.a' : 'compare.b')}</span>
      <select
        data-testid={`compare-${side}`}
        value={session[side]}
        onChange={(e) =>
          side === 'a' ? compare.actions.setA(e.currentTarget.value) : compare.actions.setB(e.currentTarget.value)
        }
      >
        {scenarios.map((s) => (
          <option key={s.meta.id} value={s.meta.id} data-i18n-exempt="">
            {s.meta.name}
          </option>
        ))}
      </select>
    </label>
  );
  // only what changed: kinds and counties whose seats differ (and the whole city)
  const changedKinds = diff ? PROJECT_KINDS.filter((k) => diff.seats.some((r) => r.byKind[k].a !== r.byKind[k].b)) : [];
  const changedCounties = diff
    ? diff.seats.filter(
        (r) =>
          r.countyCode === null || r.total.a !== r.total.b || changedKinds.some((k) => r.byKind[k].a !== r.byKind[k].b),
      )
    : [];
  return (
    <section class="compare" data-testid="compare-view" aria-labelledby="compare-title">
      <header class="compare-bar">
        <h2 id="compare-title">{t('compare.title')}</h2>
        {picker('a')}
        <span aria-hidden="true">→</span>
        {picker('b')}
        <div class="seg" role="group" aria-label={t('compare.mode')}>
          {(['swipe', 'side'] as const).map((m) => (
            <button
              key={m}
              type="button"
              class={session.mode === m ? 'on' : ''}
              aria-pressed={session.mode === m}
              data-testid={`compare-mode-${m}`}
              onClick={() => compare.actions.setMode(m)}
            >
              {t(m === 'swipe' ? 'compare.swipe' : 'compare.side')}
            </button>
          ))}
        </div>
        <span class="spacer" />
        <button
          type="button"
          class="ghost"
          data-testid="compare-export-csv"
          disabled={!diff}
          onClick={() => csv('changes')}
        >
          {t('compare.exportCsv')}
        </button>
        <button
          type="button"
          class="ghost"
          data-testid="compare-export-seats"
          disabled={!diff}
          onClick={() => csv('seats')}
        >
          {t('compare.exportSeats')}
        </button>
        <button type="button" class="primary" data-testid="compare-close" onClick={() => compare.actions.close()}>
          {t('compare.close')}
        </button>
      </header>
      <div class="compare-body">
        <div class="compare-left">
          {sides && (
            <CompareMaps
              reference={fixed.reference}
              lang={lang}
              mode={session.mode}
              a={sides.a.projects}
              b={sides.b.projects}
              diff={diff}
              focus={c.focus.value}
              labels={{ a: `A · ${sides.a.name}`, b: `B · ${sides.b.name}`, handle: t('compare.swipeHandle') }}
            />
          )}
          <ul class="compare-legend small">
            <li>
              <i style={{ borderColor: COMPARE_COLORS.removed }} /> {t('compare.removed')} ({t('compare.legendA')})
            </li>
            <li>
              <i style={{ borderColor: COMPARE_COLORS.added }} /> {t('compare.added')}
            </li>
            <li>
              <i style={{ borderColor: COMPARE_COLORS.moved }} /> {t('compare.moved')}
            </li>
          </ul>
        </div>
        <div class="compare-right">
          {c.loading.value && !diff && <p class="muted">{t('compare.loading')}</p>}
          {session.a === session.b && <p class="muted">{t('compare.pickTwo')}</p>}
          {diff && (
            <>
              <p class="compare-summary" data-testid="compare-summary" data-counts={JSON.stringify(diff.counts)}>
                {t('compare.summary', diff.counts)}
              </p>
              <h3>{t('compare.projects')}</h3>
              {diff.rows.length === 0 ? (
                <p class="muted" data-testid="compare-diff" data-rows="0">
                  {t('compare.same')}
                </p>
              ) : (
                <div class="table-scroll">
                  <table class="data compare-diff" data-testid="compare-diff" data-rows={diff.rows.length}>
                    <thead>
                      <tr>
                        <th>{t('compare.col.change')}</th>
                        <th>{t('field.name')}</th>
                        <th>{t('field.county')}</th>
                        <th class="num">{t('compare.col.distance')}</th>
                        <th>{t('compare.col.fields')}</th>
                        <th class="num">{t('compare.col.seatsDelta')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {diff.rows.map((r) => {
                        const p = r.b ?? r.a;
                        return (
                          <tr
                            key={r.id}
                            data-testid="compare-row"
                            data-id={r.id}
                            data-status={r.status}
                            data-moved={r.moved ? 'true' : 'false'}
                            class={`clickable ${r.status}`}
                            tabIndex={0}
                            title={t('compare.flyTo')}
                            onClick={() => compare.actions.focusRow(r.id)}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') compare.actions.focusRow(r.id);
                            }}
                          >
                            <td>{changeText(r, lang)}</td>
                            <td data-i18n-exempt="">{p ? i18n.projectName.value(p) : r.id}</td>
                            <td>{p ? countyName(p.properties.countyCode) : ''}</td>
                            <td class="num">{r.distance !== null && r.moved ? n(r.distance) : ''}</td>
                            <td>{fieldsText(r, lang)}</td>
                            <td class="num">{signed(r.seatsDelta, n)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              <h3>{t('compare.seats')}</h3>
              <div class="table-scroll">
                <table class="data compare-seats" data-testid="compare-seats">
                  <thead>
                    <tr>
                      <th>{t('field.county')}</th>
                      {changedKinds.map((k) => (
                        <th key={k} class="num">
                          {t(`kind.${k}`)}
                        </th>
                      ))}
                      <th class="num">{t('compare.col.total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changedCounties.map((row) => (
                      <tr
                        key={row.countyCode ?? 'city'}
                        data-county={row.countyCode ?? 'city'}
                        class={row.countyCode ? '' : 'total'}
                      >
                        <th scope="row">{row.countyCode ? countyName(row.countyCode) : t('compare.city')}</th>
                        {changedKinds.map((k) => {
                          const cell = row.byKind[k];
                          const d = cell.b - cell.a;
                          return (
                            <td
                              key={k}
                              class={`num ${d > 0 ? 'up' : d < 0 ? 'down' : ''}`}
                              title={`${n(cell.a)} → ${n(cell.b)}`}
                            >
                              {d === 0 ? '' : signed(d, n)}
                            </td>
                          );
                        })}
                        <td class="num" data-delta={row.total.b - row.total.a}>
                          {signed(row.total.b - row.total.a, n)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h3>{t('compare.coverage')}</h3>
              {coverage?.type === 'waiting' && <p class="muted small">{t('compare.coverageWaiting')}</p>}
              {coverage?.type === 'none' && <p class="muted small">{t('compare.coverageNone')}</p>}
              {coverage?.type === 'ready' && (
                <table class="data compare-coverage" data-testid="compare-coverage">
                  <thead>
                    <tr>
                      <th>{t('compare.city')}</th>
                      <th class="num">A</th>
                      <th class="num">B</th>
                      <th class="num">{t('compare.col.total')} Δ</th>
                    </tr>
                  </thead>
                  <tbody>
                    {COVERAGE_LEVELS.map((level) => {
                      const va = coverage.value.a[level].at(-1) ?? 0;
                      const vb = coverage.value.b[level].at(-1) ?? 0;
                      const total = coverage.value.population.at(-1) ?? 0;
                      const pct = (v: number): string => (total > 0 ? `${((v / total) * 100).toFixed(1)}%` : '—');
                      return (
                        <tr key={level} data-level={level} data-delta={Math.round(vb - va)}>
                          <th scope="row">{t(`level.${level}`)}</th>
                          <td class="num">{pct(va)}</td>
                          <td class="num">{pct(vb)}</td>
                          <td class="num">{signed(vb - va, n)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
