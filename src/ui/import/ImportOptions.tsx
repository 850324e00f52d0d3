import { CRS_CHOICES, type CrsId } from '../../core/io/crs';
import { fieldsFor } from '../../core/io/fields';
import { PROJECT_KINDS, type ProjectKind } from '../../core/model/kinds';
import { useImporter, useT } from '../context';
import { ImportCrsCheck } from './ImportCrsCheck';
import { crsLabel, fieldLabel } from './importText';

/** What the planner can set about a file: which column is which field, the coordinate system, the default kind. */
export function ImportOptions() {
  const t = useT();
  const im = useImporter();
  const session = im.state.session.value;
  const table = session?.table;
  if (!session || !table) return null;
  const population = session.target === 'population';
  return (
    <div class="import-options">
      <section>
        <h3>{t('import.mapping')}</h3>
        <p class="hint">{t('import.mappingHint')}</p>
        <div class="mapping-grid">
          {(population
            ? fieldsFor('population')
            : session.target === 'existing'
              ? fieldsFor('existing')
              : fieldsFor('projects')
          ).map((f) => (
            <label key={f}>
              <span>{fieldLabel(t, f)}</span>
              <select
                data-testid={`import-map-${f}`}
                value={session.mapping[f] === null ? '' : String(session.mapping[f])}
                onChange={(e) => im.setMapping(f, e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
              >
                <option value="">{t('import.column.none')}</option>
                {table.columns.map((c, i) => (
                  <option key={i} value={String(i)} data-i18n-exempt="">
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        {population && session.mapping.population === null && (
          <p class="field-error">{t('import.noPopulationColumn')}</p>
        )}
        {!population &&
          session.mappingNotes.map((n) => (
            <p key={n.code} class="hint warn" data-testid={`import-note-${n.code}`}>
              {n.code === 'nameFromOther' && n.instead === null
                ? t('import.note.nameFrom', { column: n.column })
                : t(`import.note.${n.code}`, {
                    column: n.column,
                    examples: n.code === 'kindRejected' ? n.examples : '',
                    instead: n.code === 'nameFromOther' ? (n.instead ?? '') : '',
                  })}
            </p>
          ))}
      </section>
      <section>
        <h3>{t('import.crs')}</h3>
        <select
          data-testid="import-crs-select"
          value={session.crs}
          onChange={(e) => im.setCrs(e.currentTarget.value as CrsId)}
        >
          {[...new Set<CrsId>([...CRS_CHOICES, session.crs])].map((c) => (
            <option key={c} value={c}>
              {crsLabel(t, c, table.prjName)}
            </option>
          ))}
        </select>
        <ImportCrsCheck />
        <label class="check">
          <input
            type="checkbox"
            data-testid="import-swap"
            checked={session.swapped}
            onChange={(e) => im.setSwapped(e.currentTarget.checked)}
          />
          {t('import.swapped')}
        </label>
        {session.swapped && session.crsReason === 'fit' && <p class="hint warn">{t('import.swappedHint')}</p>}
        {!population && (
          <label class="field">
            <span>{t('import.defaultKind')}</span>
            <select
              data-testid="import-default-kind"
              value={session.defaultKind ?? ''}
              onChange={(e) =>
                im.setDefaultKind(e.currentTarget.value === '' ? null : (e.currentTarget.value as ProjectKind))
              }
            >
              <option value="">{t('import.kindRequired')}</option>
              {PROJECT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {population && <p class="hint">{t('import.populationHint')}</p>}
      </section>
    </div>
  );
}
