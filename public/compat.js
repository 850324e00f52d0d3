/*
 * Runs before the app (a classic script, ES5, so that any browser can run it): if the browser lacks what
 * the app needs (the app is built for Chromium 105+, Firefox ESR 115+, Safari 16.4+), the page says so in
 * both languages instead of staying blank. WebGL 2 is checked when the map starts (src/map/MapView.tsx).
 * IndexedDB is not checked: a browser without it (a policy, some private windows) runs the app, which
 * keeps the work in memory and says so.
 */
(function () {
  var ok =
    typeof window.structuredClone === 'function' &&
    typeof Array.prototype.at === 'function' &&
    typeof Object.hasOwn === 'function' &&
    typeof window.HTMLDialogElement === 'function' &&
    typeof window.WebGL2RenderingContext === 'function' &&
    'noModule' in document.createElement('script');
  if (ok) return;
  window.__qzTooOld = true;
  function show() {
    var app = document.getElementById('app');
    if (!app) return;
    app.innerHTML =
      '<div class="fatal" role="alert" data-testid="browser-unsupported" style="max-width:640px;margin:15vh auto;padding:24px;font:15px/1.6 sans-serif;color:#1f2937">' +
      '<h1 style="font-size:20px">浏览器版本过旧，无法打开泉州学校建设规划地图</h1>' +
      '<p>请使用 Chrome、Edge 105 及以上版本，基于 Chromium 105 及以上内核的国产浏览器（如 360 安全浏览器、奇安信可信浏览器的极速模式），Firefox ESR 115 及以上，或 Safari 16.4 及以上。</p>' +
      '<p lang="en"><strong>This browser is too old for the Quanzhou School Construction Planning Map.</strong> ' +
      'Use Chrome or Edge 105 or later, a Chromium-based browser of version 105 or later, Firefox ESR 115 or later, or Safari 16.4 or later.</p>' +
      '</div>';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
