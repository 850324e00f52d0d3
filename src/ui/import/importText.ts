/** Words of the import dialog that several of its parts use: field names, systems, errors, problems. */
import { gaussKruger, epsgOf, type CrsId } from '../../core/io/crs';
import type { MappedField } from '../../core/io/fields';
import type { IoError, RowProblem } from '../../core/io/types';
import type { MessageKey, Params } from '../../core/i18n/translate';
import { fieldLabelKey } from '../../core/model/validate';

export type T = (key: MessageKey, params?: Params) => string;

export function fieldLabel(t: T, f: MappedField): string {
  if (f === 'lon' || f === 'lat' || f === 'population' || f === 'central' || f === 'enrolled')
    return t(`import.field.${f}`);
  const key = fieldLabelKey(f === 'county' ? 'countyCode' : f === 'township' ? 'townshipCode' : f);
  return key ? t(key) : f;
}

export function crsLabel(t: T, crs: CrsId, prjName?: string): string {
  if (crs === 'prj') return t('crs.prj', { name: prjName ?? '' });
  const code = epsgOf(crs);
  const gk = code === null ? null : gaussKruger(code);
  if (gk)
    return t('crs.gk', {
      width: gk.width,
      cm: gk.centralMeridian,
      zone: gk.zone === null ? '' : t('crs.gkZone', { zone: gk.zone }),
      code: String(gk.epsg),
    });
  if (crs === 'wgs84' || crs === 'cgcs2000' || crs === 'gcj02' || crs === 'bd09') return t(`crs.${crs}`);
  return crs;
}

export function errorText(t: T, e: IoError): string {
  return t(`io.error.${e.code}`, { ...e.params });
}

export function problemText(t: T, p: RowProblem): string {
  const params: Record<string, string | number> = { ...p.params };
  if (p.code === 'invalidProject') {
    const issue = typeof params.issue === 'string' ? params.issue : '';
    const fieldKey = fieldLabelKey(p.field ?? '');
    const text = t(`issue.${issue}` as MessageKey, { ...params, field: fieldKey ? t(fieldKey) : (p.field ?? '') });
    return text;
  }
  return t(`io.problem.${p.code}`, params);
}
