/** Deployment: whether the app works offline here and why not, the browser-too-old page. */
export const zh = {
  'offline.ready': '可离线使用',
  'offline.readyTitle': '本页已缓存，断网后仍可打开。',
  'offline.checking': '正在检查离线可用…',
  'offline.installing': '正在准备离线使用…',
  'offline.insecure': '不可离线：需要 HTTPS 部署',
  'offline.insecureTitle':
    '本地址是 HTTP 而非 HTTPS（不是安全上下文），浏览器不允许离线缓存和私有文件存储：断网后无法打开本页，大底图文件改存 IndexedDB。请信息中心按部署说明改用 HTTPS。方案数据仍保存在本浏览器中。',
  'offline.unsupported': '不可离线：浏览器不支持 Service Worker',
  'offline.blocked': '不可离线：浏览器策略禁止了 Service Worker',
  'offline.failed': '不可离线：离线缓存注册失败',
  'offline.dev': '开发模式：不缓存离线',
  'offline.detail': '浏览器的说明：{detail}',
  'map.noWebGl':
    '无法显示地图：本浏览器没有可用的 WebGL 2（可能被系统策略、显卡驱动黑名单或远程桌面关闭）。请在浏览器设置中开启“使用硬件加速”，或改用 Chrome、Edge 105 及以上版本；项目清单、统计和导出仍可使用。',
};

export const en: Readonly<Record<keyof typeof zh, string>> = {
  'offline.ready': 'Works offline',
  'offline.readyTitle': 'This page is cached and opens with the network off.',
  'offline.checking': 'Checking offline use…',
  'offline.installing': 'Preparing offline use…',
  'offline.insecure': 'No offline use: deploy over HTTPS',
  'offline.insecureTitle':
    'This address is HTTP, not HTTPS (not a secure context): the browser allows no offline cache and no private file storage, so the page does not open with the network off and large basemap files go to IndexedDB. Ask IT to serve it over HTTPS (see the deployment guide). Scenarios are still saved in this browser.',
  'offline.unsupported': 'No offline use: the browser has no service workers',
  'offline.blocked': "No offline use: the browser's policy blocks service workers",
  'offline.failed': 'No offline use: the offline cache could not be registered',
  'offline.dev': 'Development build: no offline cache',
  'offline.detail': "The browser's words: {detail}",
  'map.noWebGl':
    'The map cannot be shown: this browser has no usable WebGL 2 (turned off by a policy, a blocklisted graphics driver or a remote desktop). Turn on “Use hardware acceleration” in the browser settings, or use Chrome or Edge 105 or later; the project list, statistics and exports still work.',
};
