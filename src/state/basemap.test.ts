import { readFileSync } from 'node:fs';
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type BasemapId, type Settings } from '../core/settings/settings';
import { memoryBasemapStore, type BasemapFileStore } from '../persistence/basemapFiles';
import { basemapCredit, createBasemap, type BasemapDeps } from './basemap';

const bytes = (name: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(new URL(`../../tests/fixtures/basemap/${name}`, import.meta.url)));
const fileOf = (name: string, data: Uint8Array<ArrayBuffer> = bytes(name)): File => new File([data], name);

function setup(store: BasemapFileStore = memoryBasemapStore(), extra: Partial<BasemapDeps> = {}) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  let n = 0;
  const b = createBasemap({
    settings,
    choose: (basemap: BasemapId, ref: string) => (settings.value = { ...settings.value, basemap, basemapRef: ref }),
    openStore: () => Promise.resolve(store),
    sameOrigin: null,
    newId: () => `f${++n}`,
    centre: [118.6, 24.9],
    ...extra,
  });
  return { b, settings, store };
}

describe('basemap files', () => {
  it('stores a valid archive, shows it, and finds it again after a reload', async () => {
    const { b, settings, store } = setup();
    expect(await b.actions.addFile(fileOf('streets.pmtiles'))).toBe(true);
    expect(b.state.files.value.map((f) => [f.name, f.size, f.info.schema])).toEqual([
      ['streets.pmtiles', bytes('streets.pmtiles').length, 'protomaps'],
    ]);
    expect(settings.value).toMatchObject({ basemap: 'file', basemapRef: 'f1' });
    const a = b.state.active.value;
    expect(a.kind === 'archive' && [a.blob?.size, a.info.maxZoom, a.attribution]).toEqual([
      bytes('streets.pmtiles').length,
      14,
      '测试数据 Test data © 泉州学校建设规划地图',
    ]);
    expect(b.state.message.value?.key).toBe('basemap.added');

    // a new page on the same storage, with the stored choice
    const again = setup(store);
    again.settings.value = settings.value;
    await again.b.init();
    expect(again.b.state.files.value).toHaveLength(1);
    expect(again.b.state.active.value.kind).toBe('archive');
    expect(basemapCredit(again.b.state.active.value)).toBe('测试数据 Test data © 泉州学校建设规划地图');
  });

  it('refuses a file that is not an archive with its own message, and changes nothing', async () => {
    const { b, settings } = setup();
    await b.actions.addFile(fileOf('streets.pmtiles'));
    const before = { files: b.state.files.value, settings: settings.value };
    expect(
      await b.actions.addFile(fileOf('notes.pmtiles', new TextEncoder().encode('just some text, not tiles'))),
    ).toBe(false);
    expect(b.state.message.value).toEqual({
      tone: 'error',
      key: 'basemap.err.magic',
      params: { name: 'notes.pmtiles' },
    });
    const cut = bytes('raster.pmtiles').slice(0, 4000);
    expect(await b.actions.addFile(fileOf('raster.pmtiles', cut))).toBe(false);
    expect(b.state.message.value?.key).toBe('basemap.err.truncated');
    expect(b.state.files.value).toBe(before.files);
    expect(settings.value).toBe(before.settings);
  });

  it('refuses a file larger than the storage quota, before writing it', async () => {
    const { b, settings, store } = setup(memoryBasemapStore(10_000));
    expect(await b.actions.addFile(fileOf('streets.pmtiles'))).toBe(false);
    expect(b.state.message.value?.key).toBe('basemap.err.quota');
    expect(b.state.files.value).toEqual([]);
    expect(await store.readFile('f1')).toBeNull();
    expect(settings.value.basemap).toBe('offline');
  });

  it('removes a file and falls back to the offline basemap', async () => {
    const { b, settings, store } = setup();
    await b.actions.addFile(fileOf('raster.pmtiles'));
    await b.actions.setFileCrs('f1', 'gcj02');
    expect(basemapCredit(b.state.active.value)).toBe('栅格测试数据 Raster test data · GCJ-02');
    await b.actions.removeFile('f1');
    expect(b.state.files.value).toEqual([]);
    expect(settings.value.basemap).toBe('offline');
    expect(await store.readFile('f1')).toBeNull();
  });

  it('says when the chosen file is gone', async () => {
    const { b, settings } = setup();
    settings.value = { ...settings.value, basemap: 'file', basemapRef: 'nope' };
    await b.init();
    expect(b.state.active.value.kind).toBe('offline');
    expect(b.state.missing.value).toBe(true);
  });
});

describe('deployed archives', () => {
  /** A same-origin server that answers range requests from the fixture files. */
  const server = (files: Record<string, Uint8Array<ArrayBuffer> | string>) => ({
    url: (p: string) => `http://jyj.intranet/app/${p}`,
    fetch: (path: string, init?: RequestInit): Promise<Response> => {
      const f = files[path];
      if (f === undefined) return Promise.resolve(new Response('no', { status: 404 }));
      if (typeof f === 'string') return Promise.resolve(new Response(f, { status: 200 }));
      const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('Range') ?? '');
      if (!range) return Promise.resolve(new Response(f, { status: 200 }));
      const from = Number(range[1]);
      const to = Math.min(f.length - 1, Number(range[2]));
      return Promise.resolve(
        new Response(f.slice(from, to + 1), {
          status: 206,
          headers: { 'Content-Range': `bytes ${from}-${to}/${f.length}` },
        }),
      );
    },
  });

  it('finds basemap.pmtiles beside index.html and the files a manifest names, same origin only', async () => {
    const sameOrigin = server({
      'basemap.pmtiles': bytes('streets.pmtiles'),
      'tiles/imagery.pmtiles': bytes('raster.pmtiles'),
      'basemaps.json': JSON.stringify({
        basemaps: [
          { file: 'tiles/imagery.pmtiles', name: '影像', crs: 'gcj02' },
          { file: 'https://elsewhere.example/x.pmtiles' },
          { file: '../secret.pmtiles' },
        ],
      }),
    });
    const { b, settings } = setup(memoryBasemapStore(), { sameOrigin });
    await b.init();
    expect(b.state.deployed.value.map((d) => [d.file, d.label, d.crs, d.info.tileType, d.url])).toEqual([
      ['tiles/imagery.pmtiles', '影像', 'gcj02', 'png', 'http://jyj.intranet/app/tiles/imagery.pmtiles'],
      ['basemap.pmtiles', 'basemap.pmtiles', 'wgs84', 'mvt', 'http://jyj.intranet/app/basemap.pmtiles'],
    ]);
    b.actions.show('deployed', 'basemap.pmtiles');
    expect(settings.value).toMatchObject({ basemap: 'deployed', basemapRef: 'basemap.pmtiles' });
    const a = b.state.active.value;
    expect(a.kind === 'archive' && a.url).toBe('http://jyj.intranet/app/basemap.pmtiles');
  });

  it('offers nothing when the server has no archive', async () => {
    const { b } = setup(memoryBasemapStore(), { sameOrigin: server({}) });
    await b.init();
    expect(b.state.deployed.value).toEqual([]);
  });
});

describe('intranet tile service', () => {
  it('checks the template, and draws only a valid one', () => {
    const { b, settings } = setup();
    const custom = (template: string) =>
      (settings.value = {
        ...settings.value,
        basemap: 'custom',
        customTiles: { template, crs: 'wgs84', attribution: '' },
      });
    custom('http://gis/{z}/{x}.png');
    expect(b.state.templateError.value).toEqual({ code: 'placeholders', missing: ['{y}'] });
    expect(b.state.active.value.kind).toBe('offline');
    expect(b.state.missing.value).toBe(true);
    custom('http://gis.intranet/{z}/{x}/{y}.png');
    expect(b.state.templateError.value).toBeNull();
    expect(b.state.active.value.kind).toBe('tiles');
    expect(basemapCredit(b.state.active.value)).toBe('gis.intranet');
  });

  it('tests one tile over the city and reports what came back', async () => {
    const asked: string[] = [];
    const { b, settings } = setup(memoryBasemapStore(), {
      fetchTile: (url) => {
        asked.push(url);
        return Promise.resolve({ code: 'status', status: 403 });
      },
    });
    settings.value = {
      ...settings.value,
      customTiles: { template: 'http://gis/{z}/{x}/{y}.png?tk=abc', crs: 'wgs84', attribution: '' },
    };
    await b.actions.testCustom();
    expect(asked).toEqual(['http://gis/12/3397/1755.png?tk=abc']);
    expect(b.state.probe.value).toEqual({ code: 'status', status: 403 });
  });
});
