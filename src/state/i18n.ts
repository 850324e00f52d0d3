/** The language and the helpers that name things in it (messages, projects, counties, townships). */
import { computed, type ReadonlySignal } from '@preact/signals';
import type { ReferenceIndex } from '../core/geodata/reference';
import { translate, type Lang, type MessageKey, type Params } from '../core/i18n/translate';
import type { ProjectFeature } from '../core/model/project';

export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18nState {
  readonly lang: ReadonlySignal<Lang>;
  readonly t: ReadonlySignal<Translate>;
  readonly projectName: ReadonlySignal<(p: ProjectFeature) => string>;
  readonly countyName: ReadonlySignal<(code: string) => string>;
  readonly townshipName: ReadonlySignal<(code: string | null) => string>;
}

export function createI18n(lang: ReadonlySignal<Lang>, index: ReferenceIndex): I18nState {
  const t = computed<Translate>(() => {
    const l = lang.value;
    return (key, params) => translate(l, key, params);
  });
  const projectName = computed(() => {
    const l = lang.value;
    return (p: ProjectFeature) => (l === 'en' && p.properties.nameEn ? p.properties.nameEn : p.properties.name);
  });
  const countyName = computed(() => {
    const l = lang.value;
    return (code: string) => {
      const c = index.countyByCode.get(code);
      return c ? (l === 'en' ? c.nameEn : c.name) : code;
    };
  });
  const townshipName = computed(() => {
    const l = lang.value;
    return (code: string | null) => {
      if (code === null) return translate(l, 'common.none');
      const tw = index.townshipByCode.get(code);
      return tw ? (l === 'en' ? tw.nameEn : tw.name) : code;
    };
  });
  return { lang, t, projectName, countyName, townshipName };
}
