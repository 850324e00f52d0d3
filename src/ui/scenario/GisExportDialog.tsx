/**
 * 导出 → GIS 与外业格式: the coordinate system (Shapefile, projected GeoJSON/CSV), the KML datum, and one
 * button per file with what it holds. The writers and the projection library load on the first export.
 */
import { useState } from 'preact/hooks';
import type { GisExportKind } from '../../core/export/gisFiles';
import { crsLabel, defaultExportZone, EXPORT_CRS, isExportCrs, type ExportCrs } from '../../core/io/write/exportCrs';
import type { MessageKey } from '../../core/i18n/translate';
import { useModal } from '../common/useModal';
import { useI18n, useScenarios, useT } from '../context';
import { useExportGis } from './ExportMenu';

const FILES: readonly { kind: GisExportKind; testid: string; title: MessageKey; hint: MessageKey }[] = [
  { kind: 'shapefile', testid: 'export-shapefile', title: 'gis.shapefile', hint: 'gis.shapefileHint' },
  { kind: 'kml', testid: 'export-kml', title: 'gis.kml', hint: 'gis.kmlHint' },
  { kind: 'kmz', testid: 'export-kmz', title: 'gis.kmz', hint: 'gis.kmzHint' },
  {
    kind: 'geojsonProjected',
    testid: 'export-geojson-projected',
    title: 'gis.geojsonProjected',
    hint: 'gis.geojsonProjectedHint',
  },
  { kind: 'csvProjected', testid: 'export-csv-projected', title: 'gis.csvProjected', hint: 'gis.csvProjectedHint' },
];

export function GisExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const { state } = useScenarios();
  const modal = useModal(open, onClose);
  const exportGis = useExportGis();
  const features = state.scenario.value.features;
  const [chosen, setChosen] = useState<ExportCrs | null>(null);
  const [datum, setDatum] = useState<'wgs84' | 'gcj02'>('wgs84');
  const [error, setError] = useState<string | null>(null);
  const crs = chosen ?? defaultExportZone(features.map((p) => p.geometry.coordinates[0] ?? 0));
  const sites = features.filter((p) => p.properties.site).length;
  return (
    <dialog
      ref={modal.ref}
      class="settings gis-export"
      data-testid="export-gis-dialog"
      aria-labelledby="gis-title"
      onCancel={modal.onCancel}
    >
      <header>
        <h2 id="gis-title">{t('gis.title')}</h2>
        <button type="button" class="icon-btn" aria-label={t('gis.close')} title={t('gis.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="hint">{t('gis.intro')}</p>
      <label class="field">
        <span>{t('gis.crs')}</span>
        <select
          data-testid="export-crs"
          value={crs}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isExportCrs(v)) setChosen(v);
          }}
        >
          {EXPORT_CRS.map((c) => (
            <option key={c} value={c}>
              {crsLabel(c, lang.value)}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">{t('gis.crsHint')}</p>
      <label class="field">
        <span>{t('gis.kmlDatum')}</span>
        <select
          data-testid="export-kml-datum"
          value={datum}
          onChange={(e) => setDatum(e.currentTarget.value === 'gcj02' ? 'gcj02' : 'wgs84')}
        >
          <option value="wgs84">{t('gis.kmlDatum.wgs84')}</option>
          <option value="gcj02">{t('gis.kmlDatum.gcj02')}</option>
        </select>
      </label>
      <ul class="gis-files">
        {FILES.map((f) => (
          <li key={f.kind}>
            <div>
              <strong>{t(f.title)}</strong>
              <p class="hint">{t(f.hint, { sites })}</p>
            </div>
            <button
              type="button"
              class="primary small"
              data-testid={f.testid}
              onClick={() => void exportGis(f.kind, crs, datum).then(setError)}
            >
              {t('gis.download')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="hint warn" role="alert" data-testid="export-gis-error">
          {t('gis.failed', { message: error })}
        </p>
      )}
    </dialog>
  );
}
