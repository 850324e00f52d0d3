/** The words under a printed or presented map: the date and the sources (no drawing code, loads at start). */
import type { Lang } from '../core/i18n/translate';
import type { Stores } from '../state/app';
import { basemapCredit, onlineCreditKey } from '../state/basemap';

/** What printing reads: the scenario, the view, the analysis figures, the slides, the names. */
export type PrintStores = Pick<
  Stores,
  | 'fixed'
  | 'i18n'
  | 'preferences'
  | 'view'
  | 'layers'
  | 'scenarios'
  | 'reference'
  | 'analysis'
  | 'meeting'
  | 'projection'
  | 'basemap'
>;

/** Today as a bureau writes it: 2026年11月29日 / 29 November 2026. */
export function dateText(lang: Lang, d = new Date()): string {
  return lang === 'zh'
    ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
    : d.toLocaleDateString('en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
}

/** The credit line: data sources, the population's source, and the 位置示意 note when illustrative. */
export function creditLines(stores: PrintStores): string[] {
  const t = stores.i18n.t.peek();
  const scenario = stores.scenarios.state.scenario.peek();
  const pop = stores.reference.state.populationSource.peek();
  const lines = [t('credit.scenario', { name: scenario.scenario.name }), t('credit.boundaries'), t('credit.coast')];
  const onlineKey = onlineCreditKey(stores.preferences.state.settings.peek());
  const credit = onlineKey ? t(onlineKey) : basemapCredit(stores.basemap.state.active.peek());
  if (credit) lines.push(t('credit.basemap', { text: credit }));
  lines.push(pop ? t('credit.populationImported', { source: pop.file }) : t('credit.population'));
  const illustrative =
    scenario.scenario.illustrative || scenario.features.some((p) => p.properties.locationPrecision === 'illustrative');
  if (illustrative) lines.push(t('credit.illustrative'));
  return lines;
}
