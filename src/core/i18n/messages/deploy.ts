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
};
