/**
 * Code loaded on first need: a dialog's component (and what it imports) is fetched the first time it is
 * wanted and kept afterwards. Until it has arrived, `null` (the caller shows nothing, or a busy state).
 */
import { useEffect, useState } from 'preact/hooks';

export function useLazy<T>(wanted: boolean, load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    void load().then((value) => {
      if (live) setLoaded({ value });
    });
    return () => {
      live = false;
    };
  }, [wanted, loaded === null]);
  return loaded?.value ?? null;
}
