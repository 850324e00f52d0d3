import type { Translate } from '../../state/i18n';
import { useState } from 'preact/hooks';
import { BULK_FIELDS, type BulkField } from '../../core/edits/build';
import { PROJECT_ACTIONS, PROJECT_STATUSES } from '../../core/model/kinds';
import { LOCATION_PRECISIONS, OWNERSHIPS } from '../../core/model/project';
import { YEAR_RANGE, fieldLabelKey, issueMessage } from '../../core/model/validate';
import { useEditing, useI18n, useSelection } from '../context';

/** The values each bulk field can be set to, as [stored value, label]. */
function bulkOptions(field: BulkField, t: Translate): [string, string][] {
  switch (field) {
    case 'status':
      return PROJECT_STATUSES.map((v) => [v, t(`status.${v}`)]);
    case 'action':
      return PROJECT_ACTIONS.map((v) => [v, t(`action.${v}`)]);
    case 'year': {
      const years: [string, string][] = [];
      for (let y = YEAR_RANGE.min; y <= YEAR_RANGE.max; y++) years.push([String(y), String(y)]);
      return years;
    }
    case 'centralDistrict':
      return [
        ['true', t('common.yes')],
        ['false', t('common.no')],
      ];
    case 'ownership':
      return OWNERSHIPS.map((v) => [v, t(`ownership.${v}`)]);
    case 'locationPrecision':
      return LOCATION_PRECISIONS.map((v) => [v, t(`precision.${v}`)]);
  }
}

const bulkValue = (field: BulkField, raw: string): unknown =>
  field === 'year' ? Number(raw) : field === 'centralDistrict' ? raw === 'true' : raw;

export function BulkBar() {
  const editing = useEditing();
  const i18n = useI18n();
  const selection = useSelection();
  const t = i18n.t.value;
  const count = selection.state.checked.value.size;
  const [field, setField] = useState<BulkField>('status');
  const options = bulkOptions(field, t);
  const [value, setValue] = useState<string>(options[0]?.[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  if (count === 0) return null;
  const current = options.some(([v]) => v === value) ? value : (options[0]?.[0] ?? '');
  return (
    <div class="bulk-bar" data-testid="bulk-bar" role="group" aria-label={t('bulk.field')}>
      <strong data-testid="bulk-count">{t('bulk.selected', { count })}</strong>
      <label>
        {t('bulk.field')}
        <select
          data-testid="bulk-field"
          value={field}
          onChange={(e) => {
            const f = e.currentTarget.value as BulkField;
            setField(f);
            setValue(bulkOptions(f, t)[0]?.[0] ?? '');
            setError(null);
          }}
        >
          {BULK_FIELDS.map((f) => {
            const key = fieldLabelKey(f);
            return (
              <option key={f} value={f}>
                {key ? t(key) : f}
              </option>
            );
          })}
        </select>
      </label>
      <select
        data-testid="bulk-value"
        aria-label={t('bulk.value')}
        value={current}
        onChange={(e) => setValue(e.currentTarget.value)}
      >
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="primary small"
        data-testid="bulk-apply"
        onClick={() => {
          void editing.bulkSet(field, bulkValue(field, current)).then((issues) => {
            const [first] = issues;
            if (!first) return setError(null);
            const m = issueMessage(first);
            setError(t(m.key, { ...first.params, field: m.fieldKey ? t(m.fieldKey) : first.field }));
          });
        }}
      >
        {t('bulk.apply')}
      </button>
      <button
        type="button"
        class="ghost small danger"
        data-testid="bulk-delete"
        onClick={() => void editing.deleteProjects([...selection.state.checked.value])}
      >
        {t('bulk.delete')}
      </button>
      <button type="button" class="link" data-testid="bulk-clear" onClick={() => selection.actions.setChecked([])}>
        {t('bulk.clear')}
      </button>
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** A filter drop-down: "all" (null) or one value of a closed set. */
