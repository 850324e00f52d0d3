/**
 * How components reach the stores: one context, typed accessors. A component asks for the stores it uses
 * (`useSelection()`, `useT()`…) and never holds the whole app; state is read through signals, written
 * only through the stores' actions.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MapStores, Stores } from '../state/app';
import type { Translate } from '../state/i18n';
import type { PrintStores } from '../map/credits';

export const StoresContext = createContext<Stores | null>(null);

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('A component that reads the stores is rendered outside <StoresContext.Provider>.');
  return stores;
}

/** The reference geography, the plan's targets, the kind of storage: what never changes while the page is open. */
export const useFixed = (): Stores['fixed'] => useStores().fixed;
/** The language and the helpers that name things in it. */
export const useI18n = (): Stores['i18n'] => useStores().i18n;
/** The message function of the current language (re-renders when the language changes). */
export const useT = (): Translate => useStores().i18n.t.value;
export const useUi = (): Stores['ui'] => useStores().ui;
export const usePreferences = (): Stores['preferences'] => useStores().preferences;
export const useView = (): Stores['view'] => useStores().view;
export const useSelection = (): Stores['selection'] => useStores().selection;
export const useTable = (): Stores['table'] => useStores().table;
export const useLayers = (): Stores['layers'] => useStores().layers;
export const useScenarios = (): Stores['scenarios'] => useStores().scenarios;
export const useEditing = (): Stores['editing'] => useStores().editing;
export const useReferenceLayers = (): Stores['reference'] => useStores().reference;
export const useAnalysis = (): Stores['analysis'] => useStores().analysis;
export const useImporter = (): Stores['importer'] => useStores().importer;
export const useMeeting = (): Stores['meeting'] => useStores().meeting;
export const useCompare = (): Stores['compare'] => useStores().compare;
export const useProjection = (): Stores['projection'] => useStores().projection;
export const useSiting = (): Stores['siting'] => useStores().siting;

/** The stores the map adapter reads (src/map takes them as a prop: it does not import src/ui). */
export const useMapStores = (): MapStores => useStores();

/** The stores PNG/PDF export reads (src/map/print.ts). */
export const usePrintStores = (): PrintStores => useStores();
export const useBasemap = (): Stores['basemap'] => useStores().basemap;
