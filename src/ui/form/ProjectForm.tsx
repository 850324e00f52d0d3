import { ProjectCoverage } from './ProjectCoverage';
import type { Translate } from '../../state/i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { ProjectFeature } from '../../core/model/project';
import { squareMetresToMu } from '../../core/edits/build';
import { draftFromProject, type ProjectDraft } from '../../core/edits/form';
import { formatNumber } from '../../core/i18n/translate';
import { KIND_INFO, PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES, isProjectKind } from '../../core/model/kinds';
import { LOCATION_PRECISIONS, OWNERSHIPS, ZONE_IDS } from '../../core/model/project';
import { issueMessage, validateProject, type ValidationIssue } from '../../core/model/validate';
import { symbolSvg } from '../../../layers/symbols';
import { Swatch } from '../common/Swatch';
import { useEditing, useFixed, useI18n, useSelection } from '../context';

type Field = keyof ProjectDraft;

function Row(props: {
  field: string;
  label: string;
  issues: readonly ValidationIssue[];
  t: Translate;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const mine = props.issues.filter((i) => i.field === props.field);
  return (
    <label
      class={`form-row${props.wide ? ' wide' : ''}${mine.some((i) => i.severity === 'error') ? ' invalid' : ''}`}
      data-testid={`form-row-${props.field}`}
    >
      <span class="form-label">{props.label}</span>
      {props.children}
      {mine.map((i, n) => {
        const m = issueMessage(i);
        return (
          <span
            key={n}
            class={i.severity === 'error' ? 'field-error' : 'field-warning'}
            data-testid={`form-${i.severity}-${props.field}`}
          >
            {props.t(m.key, { ...i.params, field: m.fieldKey ? props.t(m.fieldKey) : i.field })}
          </span>
        );
      })}
    </label>
  );
}

/** The selected project: its attributes as an editable, validated form, its site outline and delete. */
export function ProjectForm() {
  const selection = useSelection();
  const p = selection.state.selected.value;
  // one form per project: switching projects starts from that project's stored values
  return p ? <Form key={p.id} p={p} /> : null;
}

function Form({ p }: { p: ProjectFeature }) {
  const editing = useEditing();
  const fixed = useFixed();
  const i18n = useI18n();
  const selection = useSelection();
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const mode = selection.state.mode.value;
  const stored = useMemo(() => draftFromProject(p), [p]);
  const storedKey = JSON.stringify(stored);
  const [d, setDraft] = useState<ProjectDraft>(stored);
  const [base, setBase] = useState<string>(storedKey);
  const [errors, setErrors] = useState<readonly ValidationIssue[]>([]);
  const dirty = JSON.stringify(d) !== base;

  // the project changed underneath (undo, another tab): follow it unless the planner is mid-edit
  const seen = useRef(storedKey);
  useEffect(() => {
    if (seen.current === storedKey) return;
    seen.current = storedKey;
    if (dirty) return;
    setDraft(stored);
    setBase(storedKey);
  }, [storedKey]);

  const formRef = useRef<HTMLFormElement>(null);
  // after a refused save, take the planner to the first field that needs fixing
  useEffect(() => {
    if (!errors.some((i) => i.severity === 'error')) return;
    const el = formRef.current?.querySelector<HTMLElement>('.form-row.invalid input, .form-row.invalid select');
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }, [errors]);
  const q = p.properties;
  const stale = dirty && base !== storedKey;
  const set = <K extends Field>(key: K, value: ProjectDraft[K]): void => {
    setDraft((cur) => ({ ...cur, [key]: value }));
    setErrors((es) => es.filter((i) => i.field !== key && !(key === 'countyCode' && i.field === 'townshipCode')));
  };
  const warnings = (() => {
    const r = validateProject(p, fixed.index);
    return r.ok ? r.value.warnings : [];
  })();
  const issues = [...errors, ...(dirty ? [] : warnings)];
  const kind = isProjectKind(d.kind) ? d.kind : q.kind;
  const info = KIND_INFO[kind];
  const classesNum = Number(d.classes);
  const townships = fixed.reference.townships.filter((tw) => tw.countyAdcode === d.countyCode);
  const [lon, lat] = p.geometry.coordinates;
  const save = async (): Promise<void> => {
    const r = await editing.saveProject(p.id, d);
    setErrors(r.errors);
    if (r.errors.length === 0) {
      setBase(JSON.stringify(d));
    }
  };
  const text = (field: Field, props: Record<string, unknown> = {}) => (
    <input
      data-testid={`form-${field}`}
      value={String(d[field])}
      onInput={(e) => set(field, e.currentTarget.value)}
      {...props}
    />
  );
  const select = (field: Field, options: readonly (readonly [string, string])[], unset?: string) => (
    <select data-testid={`form-${field}`} value={String(d[field])} onChange={(e) => set(field, e.currentTarget.value)}>
      {unset !== undefined && <option value="">{unset}</option>}
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );

  return (
    <aside class="details" data-testid="project-details" aria-labelledby="details-title">
      <header class="details-head">
        <Swatch swatch={{ type: 'icon', svg: symbolSvg(q.kind, q.action, q.status) }} size={30} />
        <div>
          <p class="eyebrow">{t('form.title')}</p>
          <h2 id="details-title" data-testid="details-name" data-i18n-exempt="">
            {i18n.projectName.value(p)}
          </h2>
        </div>
        <button
          type="button"
          class="icon-btn"
          data-testid="details-close"
          aria-label={t('details.close')}
          title={t('details.close')}
          onClick={() => selection.actions.select(null)}
        >
          ×
        </button>
      </header>
      {q.locationPrecision === 'illustrative' && (
        <p class="illustrative-note" data-testid="details-illustrative">
          <strong>{t('badge.illustrative')}</strong> {t('details.illustrativeNote')}
        </p>
      )}
      {stale && (
        <p class="stale-note" role="status" data-testid="form-stale">
          {t('form.stale')}{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              setDraft(stored);
              setBase(storedKey);
              setErrors([]);
            }}
          >
            {t('form.loadLatest')}
          </button>
        </p>
      )}
      <form
        ref={formRef}
        class="project-form"
        data-testid="project-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          // Ctrl+Z inside a text field undoes typing, not the last map edit
          if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'y')) e.stopPropagation();
        }}
      >
        <Row field="name" label={t('field.name')} issues={issues} t={t} wide>
          {text('name', { required: true, 'data-i18n-exempt': '' })}
        </Row>
        <Row field="nameEn" label={`${t('form.nameEn')} ${t('form.optional')}`} issues={issues} t={t} wide>
          {text('nameEn', { 'data-i18n-exempt': '' })}
        </Row>
        <Row field="kind" label={t('field.kind')} issues={issues} t={t}>
          {select(
            'kind',
            PROJECT_KINDS.map((k) => [k, t(`kind.${k}`)]),
          )}
        </Row>
        <Row field="action" label={t('field.action')} issues={issues} t={t}>
          {select(
            'action',
            PROJECT_ACTIONS.map((a) => [a, t(`action.${a}`)]),
          )}
        </Row>
        <Row field="status" label={t('field.status')} issues={issues} t={t}>
          {select(
            'status',
            PROJECT_STATUSES.map((s) => [s, t(`status.${s}`)]),
          )}
        </Row>
        <Row field="year" label={t('field.year')} issues={issues} t={t}>
          {text('year', { inputMode: 'numeric' })}
        </Row>
        <Row field="seats" label={t('field.seats')} issues={issues} t={t}>
          {text('seats', { inputMode: 'numeric' })}
        </Row>
        <Row field="classes" label={t('field.classes')} issues={issues} t={t}>
          {text('classes', { inputMode: 'numeric' })}
        </Row>
        {Number.isInteger(classesNum) && classesNum > 0 && (
          <p class="form-hint wide" data-testid="form-seats-hint">
            {t('form.seatsHint', {
              size: info.standardClassSize,
              classes: classesNum,
              seats: classesNum * info.standardClassSize,
            })}
          </p>
        )}
        <Row field="countyCode" label={t('field.county')} issues={issues} t={t}>
          <select
            data-testid="form-countyCode"
            value={d.countyCode}
            onChange={(e) => {
              const countyCode = e.currentTarget.value;
              setDraft({ ...d, countyCode, townshipCode: '', zone: '' });
            }}
          >
            {fixed.reference.counties.features.map((c) => (
              <option key={c.properties.adcode} value={c.properties.adcode}>
                {i18n.countyName.value(c.properties.adcode)}
              </option>
            ))}
          </select>
        </Row>
        <Row field="townshipCode" label={t('field.township')} issues={issues} t={t}>
          {select(
            'townshipCode',
            townships.map((tw) => [tw.code, lang === 'en' ? tw.nameEn : tw.name]),
            t('form.unset'),
          )}
        </Row>
        <Row field="zone" label={t('field.zone')} issues={issues} t={t}>
          {select(
            'zone',
            ZONE_IDS.map((z) => [z, t(`zone.${z}`)]),
            t('common.none'),
          )}
        </Row>
        {kind === 'kindergarten' && (
          <Row field="ownership" label={t('field.ownership')} issues={issues} t={t}>
            {select(
              'ownership',
              OWNERSHIPS.map((o) => [o, t(`ownership.${o}`)]),
              t('form.unset'),
            )}
          </Row>
        )}
        <Row field="investment" label={t('field.investment')} issues={issues} t={t}>
          {text('investment', { inputMode: 'decimal', placeholder: t('form.optional') })}
        </Row>
        <Row field="landArea" label={t('field.landArea')} issues={issues} t={t}>
          {text('landArea', { inputMode: 'decimal', placeholder: t('form.optional') })}
        </Row>
        <Row field="locationPrecision" label={t('field.locationPrecision')} issues={issues} t={t}>
          {select(
            'locationPrecision',
            LOCATION_PRECISIONS.map((l) => [l, t(`precision.${l}`)]),
          )}
        </Row>
        <label class="form-check wide">
          <input
            type="checkbox"
            data-testid="form-centralDistrict"
            checked={d.centralDistrict}
            onChange={(e) => set('centralDistrict', e.currentTarget.checked)}
          />
          {t('field.centralDistrict')}
        </label>
        <Row field="source" label={t('field.source')} issues={issues} t={t} wide>
          {text('source', { 'data-i18n-exempt': '' })}
        </Row>
        <Row field="notes" label={t('field.notes')} issues={issues} t={t} wide>
          <textarea
            data-testid="form-notes"
            rows={2}
            value={d.notes}
            data-i18n-exempt=""
            onInput={(e) => set('notes', e.currentTarget.value)}
          />
        </Row>
        {errors.some((i) => i.severity === 'error') && (
          <p class="field-error wide" role="alert" data-testid="form-invalid">
            {t('form.invalid')}
          </p>
        )}
        <div class="form-actions wide">
          <button type="submit" class="primary" data-testid="project-form-save" disabled={!dirty}>
            {t('form.save')}
          </button>
          <button
            type="button"
            class="ghost"
            data-testid="project-form-revert"
            disabled={!dirty}
            onClick={() => {
              setDraft(stored);
              setBase(storedKey);
              setErrors([]);
            }}
          >
            {t('form.reset')}
          </button>
        </div>
      </form>

      <section class="form-section" data-testid="site-section">
        <h3>{t('field.site')}</h3>
        <p class="form-hint">
          {q.site
            ? t('form.siteArea', { area: q.landArea ?? 0, mu: squareMetresToMu(q.landArea ?? 0) })
            : t('form.siteNone')}
        </p>
        <div class="form-actions">
          <button
            type="button"
            class="ghost"
            data-testid="site-draw"
            aria-pressed={mode.type === 'site'}
            onClick={() =>
              selection.actions.setMode(mode.type === 'site' ? { type: 'select' } : { type: 'site', projectId: p.id })
            }
          >
            {mode.type === 'site' ? t('edit.cancel') : q.site ? t('form.siteRedraw') : t('form.siteDraw')}
          </button>
          {q.site && (
            <button
              type="button"
              class="ghost danger"
              data-testid="site-remove"
              onClick={() => void editing.setSite(p.id, null)}
            >
              {t('form.siteRemove')}
            </button>
          )}
        </div>
      </section>

      <ProjectCoverage project={p} />

      <section class="form-section">
        <h3>{t('field.coordinates')}</h3>
        <p class="form-hint" data-testid="details-coordinates">
          {(lon ?? 0).toFixed(6)}, {(lat ?? 0).toFixed(6)}
        </p>
        <p class="form-hint">{t('form.moveHint')}</p>
        <p class="form-hint">
          {t('field.seats')}: <span data-testid="details-seats">{formatNumber(lang, q.seats)}</span> · {t('field.id')}:{' '}
          {q.id}
        </p>
      </section>

      <div class="form-actions details-foot">
        <button
          type="button"
          class="ghost"
          data-testid="details-fly"
          onClick={() => selection.actions.select(q.id, { fly: true })}
        >
          {t('details.flyTo')}
        </button>
        <button
          type="button"
          class="ghost danger"
          data-testid="project-delete"
          onClick={() => void editing.deleteProjects([p.id])}
        >
          {t('form.delete')}
        </button>
      </div>
    </aside>
  );
}
