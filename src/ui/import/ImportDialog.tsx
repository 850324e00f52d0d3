import { useRef } from 'preact/hooks';
import { ACCEPTED_EXTENSIONS } from '../../core/io/registry';
import type { RowProblem } from '../../core/io/types';
import { readPicked } from '../common/files';
import { useModal } from '../common/useModal';
import { ImportOptions } from './ImportOptions';
import { errorText, problemText } from './importText';
import { PreviewMap } from '../../map/PreviewMap';
import { IMPORT_TARGETS, type ImportTarget } from '../../state/importer';
import { useFixed, useI18n, useImporter, useScenarios } from '../context';

const MAX_LISTED = 200;

const formatSize = (n: number): string =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;

/** The import dialog: pick or drop a file, check what was understood, then confirm where it goes. */
export function ImportDialog() {
  const i18n = useI18n();
  const importer = useImporter();
  const fixed = useFixed();
  const scenarios = useScenarios();
  const im = importer;
  const session = importer.state.session.value;
  const t = i18n.t.value;
  const modal = useModal(session !== null, () => im.close());
  const ref = modal.ref;
  const input = useRef<HTMLInputElement>(null);

  if (!session) return <dialog ref={ref} class="import" />;

  const readFiles = async (files: FileList | null): Promise<void> => {
    if (!files || files.length === 0) return;
    const list = await readPicked(files);
    await im.read(list);
  };

  const table = session.table;
  const interp = importer.state.interpretation.value;
  const population = session.target === 'population';
  const own = table?.scenario ?? null;
  const meta = scenarios.state.scenario.value.scenario;

  const review = importer.state.review.value;
  // the import code is still arriving (the first import of a session)
  if (!review)
    return (
      <dialog ref={ref} class="import">
        <p role="status" data-testid="import-loading">
          {t('import.loading')}
        </p>
      </dialog>
    );
  const { problems, errorRows, warnings, total, points, sites, count, canConfirm } = review;

  const at = (p: RowProblem): string =>
    p.row === 0
      ? t('import.at.file')
      : t(table?.unit === 'feature' ? 'import.at.feature' : 'import.at.row', { row: p.row });

  return (
    <dialog
      ref={ref}
      class="import"
      data-testid="import-dialog"
      aria-labelledby="import-title"
      onCancel={modal.onCancel}
    >
      <header>
        <h2 id="import-title">{t('import.title')}</h2>
        <button type="button" class="ghost" data-testid="import-close" onClick={() => im.close()}>
          {t('import.close')}
        </button>
      </header>

      {(session.stage === 'choose' || session.stage === 'failed') && (
        <div
          class="dropzone"
          data-testid="import-dropzone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void readFiles(e.dataTransfer?.files ?? null);
          }}
        >
          <p>
            {t('import.drop')}{' '}
            <button type="button" class="primary small" onClick={() => input.current?.click()}>
              {t('import.choose')}
            </button>
          </p>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            data-testid="import-file-input"
            accept={[...ACCEPTED_EXTENSIONS, '.shp', '.dbf', '.prj', '.cpg'].join(',')}
            onChange={(e) => {
              const files = e.currentTarget.files;
              void readFiles(files).then(() => {
                if (input.current) input.current.value = '';
              });
            }}
          />
          <p class="hint">{t('import.formats')}</p>
        </div>
      )}

      {session.stage === 'failed' && session.error && (
        <div class="import-errors fatal" role="alert" data-testid="import-errors" data-code={session.error.code}>
          <strong>{session.fileName}</strong>
          <p>{errorText(t, session.error)}</p>
        </div>
      )}

      {session.stage === 'reading' && (
        <div class="import-reading" data-testid="import-reading">
          <p>{t('import.reading', { name: session.fileName })}</p>
          <progress max={1} value={session.progress} />
          <button type="button" class="ghost" data-testid="import-cancel-read" onClick={() => im.cancelRead()}>
            {t('import.cancel')}
          </button>
        </div>
      )}

      {table && (session.stage === 'ready' || session.stage === 'saving') && (
        <div class="import-body" data-testid="import-preview" data-count={count} data-errors={errorRows}>
          <p class="file-info" data-i18n-exempt="">
            {t('import.fileInfo', {
              name: session.fileName,
              size: formatSize(session.size),
              format: table.format.toUpperCase(),
            })}
            {table.encoding && ` · ${t('import.encoding', { encoding: table.encoding.toUpperCase() })}`}
            {table.encodingFrom && ` (${t(`import.encodingFrom.${table.encodingFrom}`)})`}
            {table.sheet && ` · ${t('import.sheet', { sheet: table.sheet })}`}
            <button type="button" class="link small" onClick={() => im.open(session.target)}>
              {t('import.another')}
            </button>
          </p>
          {table.layers && table.layers.length > 1 && (
            <label class="field import-layer">
              <span>{t('import.layer', { count: table.layers.length })}</span>
              <select
                data-testid="import-layer"
                value={table.layer ?? ''}
                onChange={(e) => void im.setLayer(e.currentTarget.value)}
              >
                {table.layers.map((l) => (
                  <option key={l.name} value={l.name} data-i18n-exempt="">
                    {t('import.layerOption', {
                      name: l.name,
                      format: l.format.toUpperCase(),
                      geometry: l.geometry,
                      count: l.count,
                    })}
                  </option>
                ))}
              </select>
            </label>
          )}

          <fieldset class="import-target">
            <legend>{t('import.target')}</legend>
            {IMPORT_TARGETS.map((target: ImportTarget) => (
              <label key={target}>
                <input
                  type="radio"
                  name="import-target"
                  data-testid={`import-target-${target}`}
                  checked={session.target === target}
                  disabled={
                    (target === 'population' && own !== null) || (target !== 'population' && table.raster !== undefined)
                  }
                  onChange={() => im.setTarget(target)}
                />
                {target === 'merge' ? (
                  <>
                    {t('import.target.mergeInto')}
                    <select
                      class="merge-into"
                      data-testid="import-merge-into"
                      value={session.mergeInto ?? meta.id}
                      onChange={(e) => im.setMergeInto(e.currentTarget.value)}
                    >
                      {scenarios.state.scenarios.value.map((sc) => (
                        <option key={sc.meta.id} value={sc.meta.id} data-i18n-exempt="">
                          {i18n.lang.value === 'en' && sc.meta.nameEn ? sc.meta.nameEn : sc.meta.name}
                        </option>
                      ))}
                    </select>
                    {t('import.target.undoable')}
                  </>
                ) : (
                  t(`import.target.${target}`)
                )}
              </label>
            ))}
          </fieldset>

          {own && (
            <p class="own-export" data-testid="import-own">
              {t('import.ownExport', {
                name: own.scenario.name,
                count: own.features.length,
                date: table.exportInfo?.exportedAt.slice(0, 10) ?? '—',
              })}
            </p>
          )}

          {table.raster && (
            <p data-testid="import-raster">
              {t('import.raster', {
                width: table.raster.width,
                height: table.raster.height,
                west: table.raster.bbox[0].toFixed(2),
                south: table.raster.bbox[1].toFixed(2),
                east: table.raster.bbox[2].toFixed(2),
                north: table.raster.bbox[3].toFixed(2),
              })}
            </p>
          )}

          <div class={`import-main${own || table.raster ? ' single' : ''}`}>
            {!own && !table.raster && <ImportOptions />}

            <div class="import-result">
              {interp && !interp.ok && (
                <div class="import-errors fatal" role="alert" data-testid="import-errors" data-code={interp.error.code}>
                  <p>{errorText(t, interp.error)}</p>
                </div>
              )}

              {!population && !own && (
                <p class="import-summary" data-testid="import-summary">
                  {t('import.summary', {
                    total,
                    unit: t(`import.unit.${table.unit}`),
                    ok: count,
                    errors: errorRows,
                    warnings,
                  })}
                </p>
              )}
              {!population && (
                <PreviewMap
                  reference={fixed.reference}
                  lang={i18n.lang.value}
                  points={points}
                  sites={sites}
                  candidates={importer.state.candidates.value}
                  chosen={
                    session.crs === 'cgcs2000'
                      ? 'wgs84'
                      : session.crs === 'wgs84' || session.crs === 'gcj02' || session.crs === 'bd09'
                        ? session.crs
                        : null
                  }
                />
              )}
              {!population && !own && count === 0 && interp?.ok && <p class="field-error">{t('import.nothing')}</p>}

              {(!interp || interp.ok) && (
                <div class="import-errors" data-testid="import-errors" data-count={problems.length}>
                  <h3>{t('import.problems')}</h3>
                  {problems.length === 0 ? (
                    <p class="hint">{t('import.problemsNone')}</p>
                  ) : (
                    <ul>
                      {problems.slice(0, MAX_LISTED).map((p, i) => (
                        <li key={i} class={p.severity} data-row={p.row} data-code={p.code}>
                          <span class="at">{at(p)}</span>
                          {p.field && p.field !== 'geometry' && p.code !== 'invalidProject' && (
                            <span class="column" data-i18n-exempt="">
                              {p.field}
                            </span>
                          )}
                          {problemText(t, p)}
                        </li>
                      ))}
                      {problems.length > MAX_LISTED && (
                        <li class="hint">{t('import.moreProblems', { count: problems.length - MAX_LISTED })}</li>
                      )}
                    </ul>
                  )}
                </div>
              )}
            </div>
          </div>

          <div class="dialog-actions">
            <button type="button" class="ghost" onClick={() => im.close()}>
              {t('import.cancel')}
            </button>
            <button
              type="button"
              class="primary"
              data-testid="import-confirm"
              disabled={!canConfirm}
              onClick={() => void im.confirm()}
            >
              {t(`import.confirm.${session.target}`, { count })}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
