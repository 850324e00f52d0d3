/**
 * Generates seeds/scenario-2022.geojson: the illustrative starting scenario "2022年度建设计划（示意）".
 *
 *   npm run seeds
 *
 * Counts and seats per kind equal the 2022 plan (items 10, 11, 12, 15); 43 projects lie in the
 * central urban area (item 20); the rest are spread over the counties roughly by 2021 population.
 * Named projects come from ../shared/reference/named-projects.md. Every site is illustrative
 * (位置示意): a jittered point near a township anchor, accepted only if it falls on land inside the
 * right county. Deterministic: a fixed-seed PRNG, no clock, no network.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCountyLocator } from '../src/core/geodata/locate';
import { indexReference, type Township } from '../src/core/geodata/reference';
import { readReference, ROOT as root } from './lib/reference';
import type { ProjectAction, ProjectKind, ProjectStatus } from '../src/core/model/kinds';
import { SCHEMA_VERSION, type ProjectFeature, type ScenarioCollection } from '../src/core/model/project';
import { validateScenario } from '../src/core/model/validate';
import { mulberry32 } from './lib/prng';
import { UNITS, type Unit } from './lib/units';

const rand = mulberry32(20220308);
function shuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

interface Named {
  unit: string;
  township: string;
  kind: ProjectKind;
  name: string;
  nameEn: string;
  action: ProjectAction;
  status: ProjectStatus;
  classes: number;
  seats: number;
  source: string;
  notes?: string;
}
// ../shared/reference/named-projects.md — real names, positions illustrative.
const NAMED: Named[] = [
  {
    unit: 'fengze',
    township: '东海街道',
    kind: 'primary',
    name: '泉州师范学院第二附属小学扩建',
    nameEn: 'Second Primary School attached to Quanzhou Normal University (expansion)',
    action: 'expand',
    status: 'completed',
    classes: 24,
    seats: 1080,
    source: '东南网 2021-03-15',
    notes: '+24 班，2022年秋季投用；区县为推测（丰泽区）。',
  },
  {
    unit: 'luojiang',
    township: '万安街道',
    kind: 'primary',
    name: '泉州市实验小学洛江第二校区',
    nameEn: 'Quanzhou Experimental Primary School, Luojiang Campus 2',
    action: 'new',
    status: 'completed',
    classes: 48,
    seats: 2160,
    source: '东南网 2021-03-15',
    notes: '2022年底投用。',
  },
  {
    unit: 'qtz',
    township: '东园镇',
    kind: 'nineYear',
    name: '泉州台商投资区第三实验小学',
    nameEn: 'Third Experimental School, Quanzhou Taiwanese Investment Zone',
    action: 'new',
    status: 'underConstruction',
    classes: 66,
    seats: 3060,
    source: '东南网 2021-03-15',
    notes: '小学 2,160 学位（48 班）+ 初中 900 学位（18 班）。',
  },
  {
    unit: 'jinjiang',
    township: '罗山街道',
    kind: 'primary',
    name: '晋江市罗山中心小学（军民小学）',
    nameEn: 'Luoshan Central Primary School, Jinjiang',
    action: 'new',
    status: 'completed',
    classes: 48,
    seats: 2160,
    source: '东南网 2021-03-15',
    notes: '48 班，2022年秋季投用。',
  },
  {
    unit: 'licheng',
    township: '开元街道',
    kind: 'primary',
    name: '泉州晋光小学扩建',
    nameEn: 'Quanzhou Jinguang Primary School (expansion)',
    action: 'expand',
    status: 'underConstruction',
    classes: 20,
    seats: 900,
    source: '泉州晚报 2023-07-31',
    notes: '2022年11月开工；区县为推测（鲤城区）。',
  },
  {
    unit: 'licheng',
    township: '浮桥街道',
    kind: 'primary',
    name: '泉州晋光小学滨海校区',
    nameEn: 'Quanzhou Jinguang Primary School, Binhai Campus',
    action: 'new',
    status: 'underConstruction',
    classes: 24,
    seats: 1080,
    source: '泉州晚报 2023-07-31',
    notes: '2022年12月开工；区县为推测（鲤城区）。',
  },
  {
    unit: 'fengze',
    township: '城东街道',
    kind: 'primary',
    name: '泉州市第二实验小学城东北校区',
    nameEn: 'Quanzhou Second Experimental Primary School, Chengdong North Campus',
    action: 'new',
    status: 'preparing',
    classes: 24,
    seats: 1080,
    source: '泉州晚报 2023-07-31',
    notes: '2023年3月开工；区县为推测（丰泽区）。',
  },
];

/** Classes of the generic (unnamed) projects per kind; seats = classes × class size. Chosen so
 * that, with the named projects, every kind sums exactly to the plan's seats. */
const GENERIC_CLASSES: Record<ProjectKind, { classes: number; juniorClasses?: number }[]> = {
  // 33 kindergartens, 400 classes × 30 = 12,000 seats (《幼儿园工作规程》: mixed classes of 30)
  kindergarten: [...Array<number>(26).fill(12), 15, 15, 15, 15, 9, 9, 10].map((classes) => ({ classes })),
  // 24 generic primaries: 144 classes × 45 (+ 188 named classes) = 14,940 seats
  primary: [12, 12, 12, 12, 9, 9, 9, 9, 6, 6, 6, 6, ...Array<number>(12).fill(3)].map((classes) => ({ classes })),
  // 13 junior middle schools: 90 classes × 50 = 4,500 seats
  junior: [12, 12, 9, 9, 6, 6, 6, 6, 6, 6, 6, 3, 3].map((classes) => ({ classes })),
  // 7 generic nine-year schools: 60 primary classes × 45 + 36 junior classes × 50 = 4,500 seats (+ 3,060 named)
  nineYear: [
    { classes: 12, juniorClasses: 6 },
    { classes: 12, juniorClasses: 6 },
    { classes: 6, juniorClasses: 6 },
    { classes: 6, juniorClasses: 3 },
    { classes: 12, juniorClasses: 6 },
    { classes: 6, juniorClasses: 6 },
    { classes: 6, juniorClasses: 3 },
  ],
  // 4 high schools: 80 classes × 50 = 4,000 seats
  high: [24, 18, 24, 14].map((classes) => ({ classes })),
  // 2 vocational projects: 40 classes × 50 = 2,000 seats
  vocational: [20, 20].map((classes) => ({ classes })),
  special: [],
};
const CLASS_SIZE: Record<ProjectKind, number> = {
  kindergarten: 30,
  primary: 45,
  junior: 50,
  nineYear: 45,
  high: 50,
  vocational: 50,
  special: 10,
};
const KIND_ZH: Record<ProjectKind, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior: '初级中学',
  nineYear: '九年一贯制学校',
  high: '高级中学',
  vocational: '职业技术学校',
  special: '特殊教育学校',
};
const KIND_EN: Record<ProjectKind, string> = {
  kindergarten: 'kindergarten',
  primary: 'primary school',
  junior: 'middle school',
  nineYear: 'nine-year school',
  high: 'senior high school',
  vocational: 'vocational school',
  special: 'special-education school',
};

function pickWeighted<T extends string>(weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [k, w] of entries) {
    r -= w;
    if (r <= 0) return k;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

function main(): void {
  const ref = readReference();
  const locate = createCountyLocator(ref.counties);
  const township = (countyCode: string, name: string): Township => {
    const t = ref.townships.find((x) => x.countyAdcode === countyCode && x.name === name);
    if (!t) throw new Error(`township ${name} not found in ${countyCode}`);
    return t;
  };

  const placed: [number, number][] = [];
  const site = (unit: Unit, anchor: [number, number]): [number, number] => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const r = 0.004 + 0.01 * Math.sqrt(rand());
      const a = rand() * 2 * Math.PI;
      const lon = Math.round((anchor[0] + (r * Math.cos(a)) / Math.cos((anchor[1] * Math.PI) / 180)) * 1e6) / 1e6;
      const lat = Math.round((anchor[1] + r * Math.sin(a)) * 1e6) / 1e6;
      if (locate(lon, lat) !== unit.countyCode) continue;
      // keep sites at least ~350 m apart so symbols stay distinguishable at district zoom
      if (placed.some(([x, y]) => Math.hypot((x - lon) * 0.907, y - lat) < 0.0032)) continue;
      placed.push([lon, lat]);
      return [lon, lat];
    }
    throw new Error(`could not place a site near ${JSON.stringify(anchor)} in ${unit.zh}`);
  };

  const pools: Record<ProjectKind, { classes: number; juniorClasses?: number }[]> = {
    kindergarten: shuffle(GENERIC_CLASSES.kindergarten),
    primary: shuffle(GENERIC_CLASSES.primary),
    junior: shuffle(GENERIC_CLASSES.junior),
    nineYear: shuffle(GENERIC_CLASSES.nineYear),
    high: [...GENERIC_CLASSES.high],
    vocational: [...GENERIC_CLASSES.vocational],
    special: [],
  };

  const features: ProjectFeature[] = [];
  const serial: Partial<Record<string, number>> = {};
  for (const unit of UNITS) {
    const anchorNames = Object.keys(unit.anchors);
    let anchorTurn = Math.floor(rand() * anchorNames.length);
    const named = NAMED.filter((n) => n.unit === unit.key);
    const slots: ProjectKind[] = [];
    for (const [kind, n] of Object.entries(unit.kinds) as [ProjectKind, number][])
      for (let i = 0; i < n; i++) slots.push(kind);
    for (const n of named) {
      const i = slots.indexOf(n.kind);
      if (i < 0) throw new Error(`no ${n.kind} slot in ${unit.key} for ${n.name}`);
      slots.splice(i, 1);
    }
    const add = (
      kind: ProjectKind,
      p: Omit<
        ProjectFeature['properties'],
        | 'id'
        | 'kind'
        | 'countyCode'
        | 'zone'
        | 'centralDistrict'
        | 'locationPrecision'
        | 'year'
        | 'ownership'
        | 'investment'
        | 'landArea'
        | 'site'
      >,
      at: [number, number],
    ): void => {
      const id = `qz2022-${String(features.length + 1).padStart(3, '0')}`;
      features.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: at },
        properties: {
          id,
          kind,
          countyCode: unit.countyCode,
          zone: unit.zone,
          centralDistrict: unit.central,
          locationPrecision: 'illustrative',
          year: 2022,
          // the plan builds public kindergartens (公办园); ownership of the unnamed ones is illustrative too
          ownership: kind === 'kindergarten' ? 'public' : null,
          investment: null,
          landArea: null,
          site: null,
          ...p,
        },
      });
    };
    for (const n of named) {
      const anchor = unit.anchors[n.township];
      if (!anchor) throw new Error(`no anchor ${n.township}`);
      add(
        n.kind,
        {
          name: n.name,
          nameEn: n.nameEn,
          action: n.action,
          status: n.status,
          seats: n.seats,
          classes: n.classes,
          townshipCode: township(unit.countyCode, n.township).code,
          source: n.source,
          ...(n.notes ? { notes: n.notes } : {}),
        },
        site(unit, anchor),
      );
    }
    for (const kind of slots) {
      const size = pools[kind].shift();
      if (!size) throw new Error(`ran out of ${kind} sizes`);
      const tName = anchorNames[anchorTurn++ % anchorNames.length] as string;
      const seats =
        kind === 'nineYear' ? size.classes * 45 + (size.juniorClasses ?? 0) * 50 : size.classes * CLASS_SIZE[kind];
      const classes = size.classes + (size.juniorClasses ?? 0);
      const key = `${unit.zh}${kind}`;
      const k = (serial[key] = (serial[key] ?? 0) + 1);
      const action: ProjectAction =
        classes >= 15 || kind === 'high' || kind === 'vocational'
          ? 'new'
          : pickWeighted({ new: 2, rebuild: 1, expand: 1 });
      const status = pickWeighted<ProjectStatus>({ completed: 3, underConstruction: 4, preparing: 2, planned: 1 });
      add(
        kind,
        {
          name: `${unit.zh}示意${KIND_ZH[kind]}${k}`,
          nameEn: `${unit.en} illustrative ${KIND_EN[kind]} ${k}`,
          action,
          status,
          seats,
          classes,
          townshipCode: township(unit.countyCode, tName).code,
          source: '示意项目：数量与学位依据《2022年泉州市教育工作要点》，位置为示意',
          ...(kind === 'nineYear' ? { notes: `小学 ${size.classes} 班 + 初中 ${size.juniorClasses ?? 0} 班。` } : {}),
        },
        site(unit, unit.anchors[tName] as [number, number]),
      );
    }
  }
  for (const [kind, rest] of Object.entries(pools))
    if (rest.length > 0) throw new Error(`${rest.length} unused ${kind} sizes`);

  const scenario: ScenarioCollection = {
    type: 'FeatureCollection',
    scenario: {
      id: 'illustrative-2022',
      name: '2022年度建设计划（示意）',
      nameEn: '2022 construction programme (illustrative)',
      planYear: 2022,
      illustrative: true,
      schemaVersion: SCHEMA_VERSION,
      description: '按《2022年泉州市教育工作要点》的项目数量与新增学位生成的示意方案；项目位置为示意，并非真实选址。',
      descriptionEn:
        'An illustrative scenario matching the project counts and new seats of the 2022 Quanzhou Education Work Plan; project locations are illustrative, not actual sites.',
    },
    features,
  };
  const check = validateScenario(JSON.parse(JSON.stringify(scenario)), indexReference(ref));
  if (!check.ok) throw new Error(`generated scenario is invalid: ${JSON.stringify(check.error.slice(0, 5))}`);
  if (check.value.warnings.length > 0)
    console.log(
      `${check.value.warnings.length} scale warnings (large named schools, 15-class kindergartens) — shown in the UI as warnings`,
    );
  const lines = [
    `{"type":"FeatureCollection","scenario":${JSON.stringify(scenario.scenario)},"features":[`,
    features.map((f) => JSON.stringify(f)).join(',\n'),
    ']}',
  ];
  writeFileSync(join(root, 'seeds', 'scenario-2022.geojson'), `${lines.join('\n')}\n`);
  const by = (k: ProjectKind): string => {
    const fs = features.filter((f) => f.properties.kind === k);
    return `${k} ${fs.length}/${fs.reduce((s, f) => s + f.properties.seats, 0)}`;
  };
  console.log(
    `${features.length} projects, ${features.filter((f) => f.properties.centralDistrict).length} central; ${(['kindergarten', 'primary', 'junior', 'nineYear', 'high', 'vocational'] as const).map(by).join(', ')}`,
  );
}

main();
