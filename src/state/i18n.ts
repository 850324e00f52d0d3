/** The language and the helpers that name things in it (messages, projects, counties, townships). */
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ReferenceIndex } from '../core/geodata/reference';
import {
  languageLoaded,
  loadLanguage,
  translate,
  type Lang,
  type MessageKey,
  type Params,
} from '../core/i18n/translate';
import type { ProjectFeature } from '../core/model/project';

export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18nState {
  /** The language shown: the planner's choice once its messages have loaded (Chinese until then). */
  readonly lang: ReadonlySignal<Lang>;
  readonly t: ReadonlySignal<Translate>;
  readonly projectName: ReadonlySignal<(p: ProjectFeature) => string>;
  readonly countyName: ReadonlySignal<(code: string) => string>;
  readonly townshipName: ReadonlySignal<(code: string | null) => string>;
}

export function createI18n(chosen: ReadonlySignal<Lang>, index: ReferenceIndex): I18nState {
  // English loads the first time it is chosen (here, in another tab, or stored): until then, Chinese
  const ready = signal(languageLoaded('en'));
  // (loaded by anyone: main.tsx fetches it once the first map is drawn, so a switch is instant)
  const lang = computed<Lang>(() =>
    chosen.value === 'en' && !ready.value && !languageLoaded('en') ? 'zh' : chosen.value,
  );
  effect(() => {
    if (chosen.value !== 'en' || languageLoaded('en')) return;
    loadLanguage('en').then(
      () => (ready.value = true),
      (e: unknown) => console.error('the English messages could not be loaded', e),
    );
  });
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
