/**
 * Settings → 底图: which basemap is drawn, the street basemap files kept in this browser (load, declare
 * their datum, remove), the archives deployed on the bureau's server, and an intranet tile service with
 * a button that fetches one tile and says what is wrong.
 */
import type { BasemapFileRecord } from '../../core/basemap/record';
import { formatBytes } from '../../core/basemap/quota';
import type { ArchiveInfo } from '../../core/basemap/archive';
import { isBasemapId, isOnlineBasemap, isTileCrs, type TileCrs } from '../../core/settings/settings';
import type { TileProbe } from '../../core/basemap/tileTemplate';
import type { Translate } from '../../state/i18n';
import { useRef } from 'preact/hooks';
import { useBasemap, usePreferences, useT } from '../context';

const deg = (v: number): string => v.toFixed(2);

function describe(t: Translate, info: ArchiveInfo, size: number): string {
  const [w, s, e, n] = info.bounds;
  return `${t('basemap.details', {
    type: t(`basemap.type.${info.tileType}`),
    minZoom: info.minZoom,
    maxZoom: info.maxZoom,
    size: formatBytes(size),
  })} · ${t('basemap.boundsText', { w: deg(w), s: deg(s), e: deg(e), n: deg(n) })}`;
}

function probeText(t: Translate, p: TileProbe): string {
  switch (p.code) {
    case 'ok':
      return t('basemap.probe.ok', { width: p.width, height: p.height });
    case 'status':
      if (p.status === 401 || p.status === 403) return t('basemap.probe.status401', { status: p.status });
      if (p.status === 404) return t('basemap.probe.status404');
      return t('basemap.probe.status', { status: p.status });
    case 'network':
      return t('basemap.probe.network');
    case 'notImage':
      return t('basemap.probe.notImage', { type: p.contentType || '—' });
    case 'size':
      return t('basemap.probe.size', { width: p.width, height: p.height });
  }
}

function CrsSelect(props: { value: TileCrs; onChange: (c: TileCrs) => void; testid: string }) {
  const t = useT();
  return (
    <label class="inline-field">
      <span>{t('basemap.crsLabel')}</span>
      <select
        data-testid={props.testid}
        value={props.value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isTileCrs(v)) props.onChange(v);
        }}
      >
        <option value="wgs84">{t('basemap.crs.wgs84')}</option>
        <option value="gcj02">{t('basemap.crs.gcj02')}</option>
      </select>
    </label>
  );
}

function FileRow({ f }: { f: BasemapFileRecord }) {
  const t = useT();
  const { actions } = useBasemap();
  const settings = usePreferences().state.settings.value;
  const shown = settings.basemap === 'file' && settings.basemapRef === f.id;
  return (
    <li class={shown ? 'basemap-file shown' : 'basemap-file'} data-testid="basemap-file" data-id={f.id}>
      <div class="basemap-file-head">
        <strong data-i18n-exempt="">{f.name}</strong>
        {!shown && (
          <button type="button" class="ghost small" onClick={() => actions.show('file', f.id)}>
            {t('basemap.show')}
          </button>
        )}
        <button
          type="button"
          class="ghost small"
          data-testid="basemap-file-remove"
          title={t('basemap.removeTitle', { name: f.name })}
          onClick={() => void actions.removeFile(f.id)}
        >
          {t('basemap.remove')}
        </button>
      </div>
      <span class="hint" data-testid="basemap-file-details">
        {describe(t, f.info, f.size)}
      </span>
      <span class="hint" data-i18n-exempt="">
        {f.info.attribution ? t('basemap.attribution', { text: f.info.attribution }) : t('basemap.noAttribution')}
      </span>
      <CrsSelect value={f.crs} testid="basemap-file-crs" onChange={(c) => void actions.setFileCrs(f.id, c)} />
    </li>
  );
}

export function BasemapSettings() {
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const { state: prefs, actions: prefActions } = usePreferences();
  const { state, actions } = useBasemap();
  const { basemap, basemapRef, customTiles } = prefs.settings.value;
  const files = state.files.value;
  const deployed = state.deployed.value;
  const busy = state.busy.value;
  const message = state.message.value;
  const probe = state.probe.value;
  const tplError = state.templateError.value;
  const value = basemap === 'file' || basemap === 'deployed' ? `${basemap}:${basemapRef}` : basemap;
  const kind = state.storeKind.value;
  const active = state.active.value;
  return (
    <section class="basemap-settings" data-testid="basemap-settings">
      <label class="field">
        <span>{t('settings.basemap')}</span>
        <select
          data-testid="basemap-select"
          value={value}
          onChange={(e) => {
            const v = e.currentTarget.value;
            const [k = '', ...rest] = v.split(':');
            if (k === 'file' || k === 'deployed') actions.show(k, rest.join(':'));
            else if (isBasemapId(v)) prefActions.setBasemap(v);
          }}
        >
          <option value="offline">{t('basemap.offline')}</option>
          {files.map((f) => (
            <option key={f.id} value={`file:${f.id}`}>
              {t('basemap.fileOption', { name: f.name })}
            </option>
          ))}
          {deployed.map((d) => (
            <option key={d.file} value={`deployed:${d.file}`}>
              {t('basemap.deployedOption', { name: d.label })}
            </option>
          ))}
          {basemap === 'file' && !files.some((f) => f.id === basemapRef) && (
            <option value={value}>{t('basemap.file')}</option>
          )}
          {basemap === 'deployed' && !deployed.some((d) => d.file === basemapRef) && (
            <option value={value}>{t('basemap.deployed')}</option>
          )}
          <option value="custom">{t('basemap.custom')}</option>
          <option value="osm">{t('basemap.osm')}</option>
          <option value="tdtVector">{t('basemap.tdtVector')}</option>
          <option value="tdtImagery">{t('basemap.tdtImagery')}</option>
        </select>
      </label>
      <p class={isOnlineBasemap(basemap) || active.kind === 'tiles' ? 'hint warn' : 'hint'} data-testid="basemap-hint">
        {isOnlineBasemap(basemap)
          ? t('settings.onlineWarning')
          : active.kind === 'tiles'
            ? t('basemap.customHost', { host: active.template.host })
            : t('settings.offlineActive')}
      </p>
      {state.missing.value && (
        <p class="hint warn" data-testid="basemap-missing">
          {t('basemap.missing')}
        </p>
      )}
      {(active.kind === 'archive' || active.kind === 'tiles') && active.crs === 'gcj02' && (
        <p class="hint warn">{t('basemap.gcjWarning')}</p>
      )}

      <h3>{t('basemap.filesTitle')}</h3>
      <p class="hint">{t('basemap.fileHint')}</p>
      <button type="button" class="primary small" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
        {t('basemap.fileInput')}
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        accept=".pmtiles,application/vnd.pmtiles"
        data-testid="basemap-file-input"
        disabled={busy !== null}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) void actions.addFile(file);
        }}
      />
      {busy && (
        <p class="hint" role="status" data-testid="basemap-busy">
          <progress max={busy.size} value={busy.written} />{' '}
          {t('basemap.storing', { name: busy.name, done: formatBytes(busy.written), size: formatBytes(busy.size) })}
        </p>
      )}
      {message && (
        <p
          class={message.tone === 'error' ? 'hint warn' : 'hint'}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="basemap-message"
          data-tone={message.tone}
        >
          {t(message.key, message.params)}
        </p>
      )}
      {files.length > 0 && (
        <ul class="basemap-files" data-testid="basemap-files">
          {files.map((f) => (
            <FileRow key={f.id} f={f} />
          ))}
        </ul>
      )}
      {kind && kind !== 'opfs' && <p class="hint">{t(`basemap.store.${kind}`)}</p>}

      <h3>{t('basemap.deployedTitle')}</h3>
      {deployed.length === 0 ? (
        <p class="hint" data-testid="basemap-deployed-none">
          {t('basemap.noneDeployed')}
        </p>
      ) : (
        <ul class="basemap-files">
          {deployed.map((d) => (
            <li key={d.file} class="basemap-file" data-testid="basemap-deployed">
              <strong data-i18n-exempt="">{d.label}</strong>
              <span class="hint">{describe(t, d.info, d.size)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('basemap.customTitle')}</h3>
      <label class="field">
        <span>{t('basemap.customUrl')}</span>
        <input
          type="url"
          data-testid="basemap-custom-url"
          spellcheck={false}
          autocomplete="off"
          placeholder={t('basemap.customPlaceholder')}
          value={customTiles.template}
          onChange={(e) => prefActions.setCustomTiles({ ...customTiles, template: e.currentTarget.value.trim() })}
        />
      </label>
      {tplError && (
        <p class="hint warn" data-testid="basemap-custom-error">
          {tplError.code === 'placeholders'
            ? t('basemap.tpl.placeholders', { missing: tplError.missing.join(' ') })
            : t(`basemap.tpl.${tplError.code}`)}
        </p>
      )}
      <div class="inline-row">
        <CrsSelect
          value={customTiles.crs}
          testid="basemap-custom-crs"
          onChange={(crs) => prefActions.setCustomTiles({ ...customTiles, crs })}
        />
        <button
          type="button"
          class="ghost small"
          data-testid="basemap-custom-test"
          disabled={customTiles.template === '' || tplError !== null || probe === 'testing'}
          onClick={() => void actions.testCustom()}
        >
          {t('basemap.customTest')}
        </button>
      </div>
      <label class="field">
        <span>{t('basemap.customAttribution')}</span>
        <input
          type="text"
          data-testid="basemap-custom-attribution"
          value={customTiles.attribution}
          onChange={(e) => prefActions.setCustomTiles({ ...customTiles, attribution: e.currentTarget.value.trim() })}
        />
      </label>
      {probe && (
        <p
          class={probe !== 'testing' && probe.code !== 'ok' ? 'hint warn' : 'hint'}
          role="status"
          data-testid="basemap-custom-result"
          data-code={probe === 'testing' ? 'testing' : probe.code}
        >
          {probe === 'testing' ? t('basemap.testing') : probeText(t, probe)}
        </p>
      )}
    </section>
  );
}
