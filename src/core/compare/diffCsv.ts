import { translate, type Lang } from '../i18n/translate';
import { writeCsv } from '../io/csv';
import { fieldLabelKey } from '../model/validate';
import { PROJECT_KINDS } from '../model/kinds';
import type { ProjectDiff, ScenarioDiff } from './diff';

const list = (items: readonly string[], lang: Lang): string => items.join(lang === 'zh' ? '、' : ', ');

/** What happened to a project: 新增 / 删除 / 移动、修改. */
export function changeText(r: ProjectDiff, lang: Lang): string {
  if (r.status !== 'modified') return translate(lang, `compare.${r.status}`);
  const parts: string[] = [];
  if (r.moved) parts.push(translate(lang, 'compare.moved'));
  if (r.fields.length > 0) parts.push(translate(lang, 'compare.changed'));
  return list(parts, lang);
}

/** The fields that changed, named in the planner's language. */
export function fieldsText(r: ProjectDiff, lang: Lang): string {
  return list(
    r.fields.map((f) => {
      const key = fieldLabelKey(f);
      return key ? translate(lang, key) : f;
    }),
    lang,
  );
}

/** The diff's project rows as CSV (UTF-8 with BOM), in the planner's language. */
export function diffCsv(diff: ScenarioDiff, lang: Lang, countyName: (code: string) => string): string {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]): string =>
    translate(lang, key, params);
  const header = [
    t('compare.col.change'),
    t('field.name'),
    t('field.kind'),
    t('field.county'),
    t('compare.col.distance'),
    t('compare.col.fields'),
    t('compare.col.seatsA'),
    t('compare.col.seatsB'),
    t('compare.col.seatsDelta'),
    'id',
  ];
  const rows = diff.rows.map((r) => {
    const p = r.b ?? r.a;
    return [
      changeText(r, lang),
      p?.properties.name ?? '',
      p ? t(`kind.${p.properties.kind}`) : '',
      p ? countyName(p.properties.countyCode) : '',
      r.distance === null ? null : Math.round(r.distance),
      fieldsText(r, lang),
      r.a?.properties.seats ?? null,
      r.b?.properties.seats ?? null,
      r.seatsDelta,
      r.id,
    ];
  });
  return writeCsv(header, rows);
}

/** Seats per county and kind in A and B, and the change, as CSV. */
export function seatsDiffCsv(diff: ScenarioDiff, lang: Lang, countyName: (code: string) => string): string {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]): string =>
    translate(lang, key, params);
  const header = [
    t('field.county'),
    ...PROJECT_KINDS.flatMap((k) => {
      const kind = t(`kind.${k}`);
      return [`${kind} A`, `${kind} B`, `${kind} Δ`];
    }),
    `${t('compare.col.total')} A`,
    `${t('compare.col.total')} B`,
    `${t('compare.col.total')} Δ`,
  ];
  const rows = diff.seats.map((row) => [
    row.countyCode === null ? t('compare.city') : countyName(row.countyCode),
    ...PROJECT_KINDS.flatMap((k) => [row.byKind[k].a, row.byKind[k].b, row.byKind[k].b - row.byKind[k].a]),
    row.total.a,
    row.total.b,
    row.total.b - row.total.a,
  ]);
  return writeCsv(header, rows);
}
