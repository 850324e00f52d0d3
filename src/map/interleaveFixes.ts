/**
 * Workarounds for two known bugs of @deck.gl/maplibre 9.4 interleaved mode on maplibre-gl 6:
 *
 * - visgl/deck.gl#10700 (maplibre/maplibre-gl-js#8413): MapLibre 6 keeps its per-frame uniform
 *   block bound on uniform-buffer binding points and does not rebind them after a custom layer;
 *   luma.gl binds deck.gl's uniform buffers to the same points, so MapLibre layers drawn after a
 *   deck.gl layer (our labels) break. We save the bindings before deck.gl draws and restore them after.
 * - visgl/deck.gl#10733: layer groups (`beforeId`) are not resolved while the style is still
 *   loading, so the first frames ignore `beforeId`. Re-setting the layers once the map is idle fixes it.
 */
const MAX_BINDINGS = 16;

export interface UniformBindingGuard {
  readonly onBeforeRender: (ctx: { gl: WebGL2RenderingContext }) => void;
  readonly onAfterRender: (ctx: { gl: WebGL2RenderingContext }) => void;
}

export function createUniformBindingGuard(): UniformBindingGuard {
  let saved: (WebGLBuffer | null)[] = [];
  let generic: WebGLBuffer | null = null;
  return {
    onBeforeRender: ({ gl }) => {
      const n = Math.min(MAX_BINDINGS, Number(gl.getParameter(gl.MAX_UNIFORM_BUFFER_BINDINGS)));
      saved = Array.from(
        { length: n },
        (_, i) => gl.getIndexedParameter(gl.UNIFORM_BUFFER_BINDING, i) as WebGLBuffer | null,
      );
      generic = gl.getParameter(gl.UNIFORM_BUFFER_BINDING) as WebGLBuffer | null;
    },
    onAfterRender: ({ gl }) => {
      saved.forEach((buffer, i) => gl.bindBufferBase(gl.UNIFORM_BUFFER, i, buffer));
      gl.bindBuffer(gl.UNIFORM_BUFFER, generic);
    },
  };
}

/** The parts of MapLibreOverlay (private `_deck`) and luma.gl's canvas context that the fix below touches. */
interface DeckSizeInternals {
  _deck?: {
    device?: {
      canvasContext?: {
        getCurrentFramebuffer?: () => {
          width: number;
          height: number;
          resize?: (size: [number, number]) => void;
        };
      };
    };
  };
}

/**
 * deck.gl#9666: in interleaved mode luma.gl's default-framebuffer object keeps the size it was
 * created with when the map's container changes size (the header wrapping, the details column
 * opening). deck.gl computes its GL viewport from that stale height, so its layers drift from
 * MapLibre's by the change. Before each deck.gl frame, size that framebuffer object to the map
 * canvas's drawing buffer. Guarded: does nothing if the members are gone (fixed upstream).
 */
export function syncDeckFramebuffer(overlay: object, canvas: HTMLCanvasElement): void {
  const fb = (overlay as DeckSizeInternals)._deck?.device?.canvasContext?.getCurrentFramebuffer?.();
  if (!fb || typeof fb.resize !== 'function') return;
  if (fb.width !== canvas.width || fb.height !== canvas.height) fb.resize([canvas.width, canvas.height]);
}
