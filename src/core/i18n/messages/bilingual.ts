/**
 * The few messages needed in both languages before the English tables have loaded: the load error and
 * the blocked-storage and no-WebGL notices (shown in both languages at once), and the kind names and
 * the siting name that new projects get as their English names.
 */
export const zh = {
  'app.loadError': '数据加载失败：{message}',
  'app.reload': '重新加载',
  'kind.kindergarten': '幼儿园',
  'kind.primary': '小学',
  'kind.junior': '初中',
  'kind.nineYear': '九年一贯制学校',
  'kind.high': '高中（含完全中学）',
  'kind.vocational': '中职学校',
  'kind.special': '特殊教育学校',
  'map.noWebGl':
    '无法显示地图：本浏览器没有可用的 WebGL 2（可能被系统策略、显卡驱动黑名单或远程桌面关闭）。请在浏览器设置中开启“使用硬件加速”，或改用 Chrome、Edge 105 及以上版本；项目清单、统计和导出仍可使用。',
  'storage.blocked':
    '另一个标签页仍在使用旧版本的本程序，数据库无法升级。请关闭或重新加载那个标签页；关闭后本页会自动继续加载。',
  'storage.versionChange':
    '本程序已在另一个标签页中更新并升级了数据库，本页无法再保存修改。请重新加载此页面：已保存的内容不会丢失；之后的修改请先导出备份。',
  'siting.projectName': '建议选址{kind}{n}',
} as const;

export const en: Readonly<Record<keyof typeof zh, string>> = {
  'app.loadError': 'Could not load the data: {message}',
  'app.reload': 'Reload',
  'kind.kindergarten': 'Kindergarten',
  'kind.primary': 'Primary school',
  'kind.junior': 'Junior middle school',
  'kind.nineYear': 'Nine-year school',
  'kind.high': 'Senior high school',
  'kind.vocational': 'Vocational school',
  'kind.special': 'Special-education school',
  'map.noWebGl':
    'The map cannot be shown: this browser has no usable WebGL 2 (turned off by a policy, a blocklisted graphics driver or a remote desktop). Turn on “Use hardware acceleration” in the browser settings, or use Chrome or Edge 105 or later; the project list, statistics and exports still work.',
  'storage.blocked':
    'Another tab is still running an older version of this app, so the database cannot be upgraded. Close or reload that tab; this page carries on by itself once it is closed.',
  'storage.versionChange':
    'The app was updated in another tab and upgraded the database: this page can no longer save changes. Reload it: nothing saved is lost; export a backup of any later change first.',
  'siting.projectName': 'Suggested {kind} {n}',
};
