/** The project table and the per-county statistics as sheets for CSV/XLSX export (headers re-import as they are). */
import type { ReferenceIndex } from '../geodata/reference';
import { translate, type Lang } from '../i18n/translate';
import { PROJECT_KINDS } from '../model/kinds';
import type { ProjectFeature } from '../model/project';
import type { SheetDoc } from './xlsx';
import type { CellValue } from './types';

/** One row per project, in the planner's language; coordinates in WGS84. */
export function projectSheet(
  projects: readonly ProjectFeature[],
  lang: Lang,
  ref: ReferenceIndex,
  name: string,
): SheetDoc {
  const t = (k: Parameters<typeof translate>[1]): string => translate(lang, k);
  const header = [
    t('field.name'),
    t('field.kind'),
    t('field.action'),
    t('field.status'),
    t('field.year'),
    t('field.seats'),
    t('field.classes'),
    t('field.county'),
    t('field.township'),
    t('field.zone'),
    t('field.centralDistrict'),
    t('field.ownership'),
    t('field.investment'),
    t('field.landArea'),
    lang === 'zh' ? '经度（WGS84）' : 'Longitude (WGS84)',
    lang === 'zh' ? '纬度（WGS84）' : 'Latitude (WGS84)',
    t('field.locationPrecision'),
    t('field.source'),
    t('field.notes'),
    t('field.id'),
  ];
  const rows: CellValue[][] = projects.map((p) => {
    const q = p.properties;
    const county = ref.countyByCode.get(q.countyCode);
    const township = q.townshipCode ? ref.townshipByCode.get(q.townshipCode) : undefined;
    return [
      lang === 'en' && q.nameEn ? q.nameEn : q.name,
      t(`kind.${q.kind}`),
      t(`action.${q.action}`),
      t(`status.${q.status}`),
      q.year,
      q.seats,
      q.classes,
      county ? (lang === 'en' ? county.nameEn : county.name) : q.countyCode,
      township ? township.name : null,
      q.zone ? t(`zone.${q.zone}`) : null,
      lang === 'zh' ? (q.centralDistrict ? '是' : '否') : q.centralDistrict ? 'yes' : 'no',
      q.ownership ? t(`ownership.${q.ownership}`) : null,
      q.investment,
      q.landArea,
      p.geometry.coordinates[0] ?? null,
      p.geometry.coordinates[1] ?? null,
      t(`precision.${q.locationPrecision}`),
      q.source ?? null,
      q.notes ?? null,
      q.id,
    ];
  });
  return { name, header, rows };
}

/** Per county: projects and new seats by kind, and totals; the city last. */
export function countySheet(
  projects: readonly ProjectFeature[],
  lang: Lang,
  ref: ReferenceIndex,
  name: string,
): SheetDoc {
  const t = (k: Parameters<typeof translate>[1]): string => translate(lang, k);
  const header = [t('field.county')];
  for (const k of PROJECT_KINDS)
    header.push(`${t(`kind.${k}`)} ${lang === 'zh' ? '项目数' : 'projects'}`, `${t(`kind.${k}`)} ${t('field.seats')}`);
  header.push(
    lang === 'zh' ? '合计 项目数' : 'Total projects',
    `${lang === 'zh' ? '合计' : 'Total'} ${t('field.seats')}`,
  );
  const counts = new Map<string, number[]>();
  const rowOf = (code: string): number[] => {
    let r = counts.get(code);
    if (!r) {
      r = new Array<number>(PROJECT_KINDS.length * 2 + 2).fill(0);
      counts.set(code, r);
    }
    return r;
  };
  for (const p of projects) {
    const k = PROJECT_KINDS.indexOf(p.properties.kind);
    for (const r of [rowOf(p.properties.countyCode), rowOf('')]) {
      r[k * 2] = (r[k * 2] ?? 0) + 1;
      r[k * 2 + 1] = (r[k * 2 + 1] ?? 0) + p.properties.seats;
      r[PROJECT_KINDS.length * 2] = (r[PROJECT_KINDS.length * 2] ?? 0) + 1;
      r[PROJECT_KINDS.length * 2 + 1] = (r[PROJECT_KINDS.length * 2 + 1] ?? 0) + p.properties.seats;
    }
  }
  const rows: CellValue[][] = [];
  for (const [code, c] of ref.countyByCode)
    rows.push([lang === 'en' ? c.nameEn : c.name, ...(counts.get(code) ?? rowOf(code))]);
  rows.push([lang === 'zh' ? '全市' : 'Whole city', ...rowOf('')]);
  return { name, header, rows };
}
