/**
 * What the projection rests on, in words: births, imported data, calibration, enrolment, survival and
 * today's seats. One text for the panel, the CSV/XLSX and the PDF page, so none can say less than another.
 */
import type { Stage } from '../core/analysis/params';
import type { Lang } from '../core/i18n/translate';
import type { Demography } from '../core/projection/demography';
import type { ImportedDemography, Projection } from '../core/projection/project';
import type { Translate } from './i18n';

export interface NotesInput {
  readonly t: Translate;
  readonly lang: Lang;
  readonly projection: Projection;
  readonly demography: Demography;
  readonly imported: ImportedDemography | null;
  readonly enrolment: Readonly<Record<Stage, number>>;
  readonly unitName: (id: string) => string;
}

/** The last year with a national birth rate: after it, births follow the variant. */
export const lastDataYear = (d: Demography): number => Math.max(...Object.keys(d.nationalBirthRate).map(Number));

/** The headline (title · variant · modelled) and one line per assumption. */
export function projectionNotes(i: NotesInput): string[] {
  const { t, lang, projection: p, demography: d } = i;
  const counties = p.units.filter((u) => u.id !== 'city');
  const own = counties.filter((u) => u.calibration?.basis === 'census');
  const group = counties.find((u) => u.calibration?.basis === 'censusGroup');
  const named = (key: string): string => {
    const s = d.sources[key];
    return s ? (lang === 'zh' ? s.zh : s.en) : '';
  };
  const file = i.imported?.source.file ?? '';
  return [
    `${t('projection.title')} · ${t(`projection.variantShort.${p.variant}`)} · ${t('projection.modelled')}`,
    t('projection.src.births', {
      detail: t('projection.src.birthsDefault', {
        published: d.cityBirthRate.map((r) => r.year).join(lang === 'zh' ? '、' : ', '),
        future: String(lastDataYear(d)),
      }),
    }),
    ...counties
      .filter((u) => u.importedBirths > 0)
      .map((u) => t('projection.src.birthsImported', { unit: i.unitName(u.id), count: u.importedBirths, file })),
    ...counties
      .filter((u) => u.importedAges)
      .map((u) => t('projection.src.agesImported', { unit: i.unitName(u.id), file })),
    own.length > 0 || group
      ? t('projection.src.calibration', {
          own: own.map((u) => i.unitName(u.id)).join(lang === 'zh' ? '、' : ', '),
          ownFactor: own.map((u) => (u.calibration?.factor ?? 1).toFixed(2)).join(lang === 'zh' ? '、' : ', '),
          groupFactor: (group?.calibration?.factor ?? 1).toFixed(2),
        })
      : t('projection.src.noCalibration'),
    t('projection.src.enrolment', {
      preschool: i.enrolment.preschool,
      primary: i.enrolment.primary,
      junior: i.enrolment.junior,
      upper: i.enrolment.upperSecondary,
      vocational: p.vocationalPct,
      vocSource: named('moeBulletin2022'),
    }),
    t('projection.src.mortality', {
      infant: d.mortality.infant,
      under5: d.mortality.under5,
      child: d.mortality.childPerYear,
      source: named('nhcMortality'),
    }),
    t(`projection.src.baseline.${p.baseline}`),
  ];
}
