import { datumUndeclared } from '../../core/io/choices';
import { DATUMS, type Datum } from '../../core/io/datum';
import { formatNumber } from '../../core/i18n/translate';
import { crsLabel } from './importText';
import { DATUM_COLORS } from '../../../layers/importColors';
import { useI18n, useImporter } from '../context';

/**
 * Why the dialog proposes a coordinate system, what a declared one is overridden by, and — when the file
 * does not itself declare its degrees — the three datums side by side, each with how far the file's
 * outlines lie from our county lines under it. The preview map draws the data under each one.
 */
export function ImportCrsCheck() {
  const i18n = useI18n();
  const importer = useImporter();
  const session = importer.state.session.value;
  const table = session?.table;
  if (!session || !table) return null;
  const t = i18n.t.value;
  const lang = i18n.lang.value;
  const s = session.suggestion;
  const fits = new Map((s?.fits ?? []).map((f) => [f.datum, f.medianM]));
  const chosen: Datum | null =
    session.crs === 'cgcs2000'
      ? 'wgs84'
      : (DATUMS as readonly string[]).includes(session.crs)
        ? (session.crs as Datum)
        : null;
  return (
    <div class="crs-check" data-testid="import-crs-check" data-reason={session.crsReason ?? ''}>
      {session.crsReason && (
        <p class="hint" data-testid="import-crs-reason">
          {t(`import.crsReason.${session.crsReason}`, { evidence: s?.evidence ?? '' })}
        </p>
      )}
      {s?.overrides && (
        <p class="hint warn" data-testid="import-crs-overrides">
          {t('import.crsOverrides', { declared: crsLabel(t, s.overrides, table.prjName) })}
        </p>
      )}
      {datumUndeclared(table, session.crs) && (
        <fieldset class="datum-choices" data-testid="import-datums">
          <legend>{t('import.datumTitle')}</legend>
          {DATUMS.map((d) => (
            <label key={d} class={`datum-choice${chosen === d ? ' chosen' : ''}`} data-datum={d}>
              <input
                type="radio"
                name="datum"
                data-testid={`import-datum-${d}`}
                checked={chosen === d}
                onChange={() => importer.setCrs(d)}
              />
              <span class="swatch" style={{ background: DATUM_COLORS[d] }} aria-hidden="true" />
              <span>{crsLabel(t, d)}</span>
              {fits.has(d) && (
                <span
                  class="muted small"
                  data-testid={`import-datum-fit-${d}`}
                  data-median={Math.round(fits.get(d) ?? 0)}
                >
                  {t('import.datumFit', { m: formatNumber(lang, Math.round(fits.get(d) ?? 0)) })}
                </span>
              )}
            </label>
          ))}
          <p class="hint small">{t(fits.size > 0 ? 'import.datumHintFit' : 'import.datumHint')}</p>
        </fieldset>
      )}
    </div>
  );
}
