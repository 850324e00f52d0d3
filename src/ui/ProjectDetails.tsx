import { issueMessage, validateProject } from '../core/model/validate';
import { formatNumber } from '../core/i18n/translate';
import { symbolSvg } from '../../layers/symbols';
import type { App } from '../state/app';
import { Swatch } from './Swatch';

export function ProjectDetails({ app }: { app: App }) {
  const { state, actions } = app;
  const p = state.selected.value;
  if (!p) return null;
  const t = state.t.value;
  const lang = state.lang.value;
  const q = p.properties;
  const [lon, lat] = p.geometry.coordinates;
  const check = validateProject(p, state.index);
  const warnings = check.ok ? check.value.warnings : [];
  const zone = q.zone ? t(`zone.${q.zone}`) : t('common.none');
  const rows: [string, preact.ComponentChildren, string][] = [
    [t('field.kind'), t(`kind.${q.kind}`), 'kind'],
    [t('field.action'), t(`action.${q.action}`), 'action'],
    [t('field.status'), <span class={`status status-${q.status}`}>{t(`status.${q.status}`)}</span>, 'status'],
    [t('field.year'), String(q.year), 'year'],
    [
      t('field.seats'),
      <>
        {formatNumber(lang, q.seats)}
        {q.classes > 0 && <small> · {t('details.seatsPerClass', { value: Math.round(q.seats / q.classes) })}</small>}
      </>,
      'seats',
    ],
    [t('field.classes'), String(q.classes), 'classes'],
    [t('field.county'), state.countyName.value(q.countyCode), 'county'],
    [t('field.township'), state.townshipName.value(q.townshipCode), 'township'],
    [t('field.zone'), zone, 'zone'],
    [t('field.centralDistrict'), q.centralDistrict ? t('common.yes') : t('common.no'), 'central'],
    [t('field.locationPrecision'), t(`precision.${q.locationPrecision}`), 'precision'],
    [t('field.coordinates'), `${(lon ?? 0).toFixed(5)}, ${(lat ?? 0).toFixed(5)}`, 'coordinates'],
    [t('field.id'), q.id, 'id'],
  ];
  return (
    <aside class="details" data-testid="project-details" aria-labelledby="details-title">
      <header class="details-head">
        <Swatch swatch={{ type: 'icon', svg: symbolSvg(q.kind, q.action, q.status) }} size={30} />
        <div>
          <p class="eyebrow">{t('details.title')}</p>
          <h2 id="details-title" data-testid="details-name">
            {state.projectName.value(p)}
          </h2>
        </div>
        <button
          type="button"
          class="icon-btn"
          data-testid="details-close"
          aria-label={t('details.close')}
          title={t('details.close')}
          onClick={() => actions.select(null)}
        >
          ×
        </button>
      </header>
      {q.locationPrecision === 'illustrative' && (
        <p class="illustrative-note" data-testid="details-illustrative">
          <strong>{t('badge.illustrative')}</strong> {t('details.illustrativeNote')}
        </p>
      )}
      <dl class="facts">
        {rows.map(([label, value, key]) => (
          <div key={key} data-testid={`details-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {q.source && (
          <div data-testid="details-source">
            <dt>{t('field.source')}</dt>
            <dd data-i18n-exempt="">{q.source}</dd>
          </div>
        )}
        {q.notes && (
          <div data-testid="details-notes">
            <dt>{t('field.notes')}</dt>
            <dd data-i18n-exempt="">{q.notes}</dd>
          </div>
        )}
      </dl>
      {warnings.length > 0 && (
        <div class="warnings" data-testid="details-warnings">
          <h3>{t('details.warnings')}</h3>
          <ul>
            {warnings.map((w, i) => {
              const m = issueMessage(w);
              return <li key={i}>{t(m.key, { ...w.params, field: m.fieldKey ? t(m.fieldKey) : w.field })}</li>;
            })}
          </ul>
        </div>
      )}
      <button
        type="button"
        class="primary"
        data-testid="details-fly"
        onClick={() => actions.select(q.id, { fly: true })}
      >
        {t('details.flyTo')}
      </button>
    </aside>
  );
}
