import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';

// Lints probe code as if it lived in each folder; type-aware rules are off (the probes are not on disk).
const eslint = new ESLint({
  cwd: join(import.meta.dirname, '..', '..'),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.ruleId === 'no-restricted-imports' ||
        m.ruleId === '@typescript-eslint/no-restricted-imports' ||
        m.ruleId === 'no-restricted-globals',
    )
    .map((m) => m.message.replace(/^.* is restricted from being used by a pattern\. /, ''));
}

describe('folder boundaries (eslint.config.js)', () => {
  it('keeps src/core free of map libraries, Preact, idb and the DOM', async () => {
    expect(await violations('src/core/probe.ts', "import * as m from 'maplibre-gl';\nexport const x = m;\n")).toEqual([
      'src/core is pure: no map libraries.',
    ]);
    expect(
      await violations('src/core/probe.ts', "import { Deck } from '@deck.gl/core';\nexport const x = Deck;\n"),
    ).toHaveLength(1);
    expect(await violations('src/core/probe.ts', "import { h } from 'preact';\nexport const x = h;\n")).toHaveLength(1);
    expect(
      await violations('src/core/probe.ts', "import { openDB } from 'idb';\nexport const x = openDB;\n"),
    ).toHaveLength(1);
    expect(await violations('src/core/probe.ts', 'export const x = document.title;\n')).toHaveLength(1);
    expect(
      await violations('src/core/probe.ts', "import { area } from '@turf/turf';\nexport const x = area;\n"),
    ).toEqual([]);
  });

  it('lets only src/map import MapLibre and deck.gl', async () => {
    const code = "import { IconLayer } from '@deck.gl/layers';\nexport const x = IconLayer;\n";
    expect(await violations('src/ui/Probe.tsx', code)).toEqual(['Only src/map may import MapLibre or deck.gl.']);
    expect(await violations('src/state/probe.ts', code)).toHaveLength(1);
    expect(await violations('layers/probe.ts', code)).toHaveLength(1);
    expect(await violations('src/map/analysisOverlay.ts', code)).toEqual([]);
  });

  it('keeps deck.gl and Terra Draw out of the first map: src/map loads them with import()', async () => {
    const lazy = 'deck.gl and Terra Draw load on first use: import() them (analysisOverlay.ts, editor.ts).';
    const deck = "import { IconLayer } from '@deck.gl/layers';\nexport const x = IconLayer;\n";
    expect(await violations('src/map/MapView.tsx', deck)).toEqual([lazy]);
    expect(
      await violations(
        'src/map/planLayers.ts',
        "import { createAnalysisOverlay } from './analysisOverlay';\nexport const x = createAnalysisOverlay;\n",
      ),
    ).toEqual([lazy]);
    expect(
      await violations('src/map/MapView.tsx', "import { TerraDraw } from 'terra-draw';\nexport const x = TerraDraw;\n"),
    ).toEqual([lazy]);
    // types cost nothing at run time; the modules themselves import their libraries
    expect(
      await violations(
        'src/map/planLayers.ts',
        "import type { AnalysisOverlay } from './analysisOverlay';\nexport type X = AnalysisOverlay;\n",
      ),
    ).toEqual([]);
    expect(await violations('src/map/deckLayers.ts', deck)).toEqual([]);
  });

  it('keeps geometry math out of the UI and storage behind src/persistence', async () => {
    expect(
      await violations('src/ui/Probe.tsx', "import { distance } from '@turf/turf';\nexport const x = distance;\n"),
    ).toEqual(['No geometry math in UI/state: put it in src/core.']);
    expect(await violations('src/ui/Probe.tsx', "import { openDB } from 'idb';\nexport const x = openDB;\n")).toEqual([
      'Storage goes through src/persistence.',
    ]);
    expect(
      await violations(
        'src/main.tsx',
        "import { createIdbRepository } from './persistence/idb';\nexport const x = createIdbRepository;\n",
      ),
    ).toEqual([]);
  });

  it('keeps the UI writing only through actions: no src/persistence in src/ui', async () => {
    const code =
      "import { createMemoryRepository } from '../../persistence/memory';\nexport const x = createMemoryRepository;\n";
    expect(await violations('src/ui/table/Probe.tsx', code)).toEqual([
      'src/ui writes only through the stores’ actions: no src/persistence.',
    ]);
    const types = "import type { Repository } from '../persistence/repository';\nexport type X = Repository;\n";
    expect(await violations('src/ui/Probe.tsx', types)).toHaveLength(1);
    expect(
      await violations('src/ui/table/Probe.tsx', "import { useT } from '../context';\nexport const x = useT;\n"),
    ).toEqual([]);
  });

  it('keeps layers/ pure functions of core types: no src/state, src/ui, src/map', async () => {
    for (const [from, what] of [
      ['../src/state/app', 'createApp'],
      ['../src/ui/context', 'useT'],
      ['../src/map/style', 'buildStyle'],
      ['../src/persistence/memory', 'createMemoryRepository'],
    ])
      expect(
        await violations('layers/probe.ts', `import { ${what} } from '${from}';\nexport const x = ${what};\n`),
      ).toEqual(['layers/ depend only on src/core.']);
    expect(
      await violations(
        'layers/probe.ts',
        "import { PROJECT_KINDS } from '../src/core/model/kinds';\nexport const x = PROJECT_KINDS;\n",
      ),
    ).toEqual([]);
  });

  it('keeps src/state (and the workers) free of components and the map', async () => {
    const ui = "import { useT } from '../ui/context';\nexport const x = useT;\n";
    const map = "import { buildStyle } from '../map/style';\nexport const x = buildStyle;\n";
    const message = 'src/state knows no components and no map: they read the state.';
    expect(await violations('src/state/probe.ts', ui)).toEqual([message]);
    expect(await violations('src/state/probe.ts', map)).toEqual([message]);
    expect(await violations('src/workers/probe.ts', map)).toEqual([message]);
    expect(await violations('src/state/probe.ts', "import { h } from 'preact';\nexport const x = h;\n")).toEqual([
      'State is signals, not components.',
    ]);
    expect(
      await violations('src/state/probe.ts', "import { signal } from '@preact/signals';\nexport const x = signal;\n"),
    ).toEqual([]);
  });

  it('keeps src/persistence below everything: no src/state, src/ui, src/map', async () => {
    const message = 'src/persistence knows nothing above it.';
    for (const from of ['../state/app', '../ui/context', '../map/style'])
      expect(
        await violations('src/persistence/probe.ts', `import * as m from '${from}';\nexport const x = m;\n`),
      ).toEqual([message]);
  });

  it('keeps storage out of src/map', async () => {
    const code = "import { createIdbRepository } from '../persistence/idb';\nexport const x = createIdbRepository;\n";
    expect(await violations('src/map/probe.ts', code)).toEqual([
      'src/map draws the state; storage is not its business.',
    ]);
    expect(
      await violations('src/map/probe.ts', "import type { Stores } from '../state/app';\nexport type X = Stores;\n"),
    ).toEqual([]);
  });
});
