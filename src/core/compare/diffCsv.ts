import { translate, type Lang } from '../i18n/translate';
import { writeCsv } from '../io/csv';
import { fieldLabelKey } from '../model/validate';
import { PROJECT_KINDS } from '../model/kinds';
import type { ScenarioDiff } from './diff';

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
    const change =
      r.status === 'modified'
        ? [r.moved ? t('compare.moved') : null, r.fields.length > 0 ? t('compare.changed') : null]
            .filter((x) => x !== null)
            .join(lang === 'zh' ? '、' : ', ')
        : t(`compare.${r.status}`);
    const fields = r.fields.map((f) => {
      const key = fieldLabelKey(f);
      return key ? t(key) : f;
    });
    return [
      change,
      p?.properties.name ?? '',
      p ? t(`kind.${p.properties.kind}`) : '',
      p ? countyName(p.properties.countyCode) : '',
      r.distance === null ? null : Math.round(r.distance),
      fields.join(lang === 'zh' ? '、' : '; '),
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
