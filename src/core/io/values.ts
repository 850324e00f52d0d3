/** Reading planners' cell values: numbers with 千分位 and full-width digits, kinds, statuses, ownership in Chinese. */
import type { ProjectAction, ProjectKind, ProjectStatus } from '../model/kinds';
import { PROJECT_ACTIONS, PROJECT_KINDS, PROJECT_STATUSES } from '../model/kinds';
import { OWNERSHIPS, type Ownership } from '../model/project';
import { halfWidth } from './text';
import type { CellValue } from './types';

export const isBlank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * A number from a cell: 1,234 / 1，234 / １２３４ / "1 234" / 12.5万 (×10,000) / trailing units (个, 班, ㎡, 万元)
 * and a leading currency sign are accepted. Returns null for a blank cell and NaN for text that is not a number.
 */
export function parseNumber(v: CellValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'boolean') return Number.NaN;
  let s = halfWidth(v).trim();
  if (s === '') return null;
  s = s.replace(/[，,](?=\d{3}(\D|$))/g, '').replace(/(\d)\s+(?=\d{3}(\D|$))/g, '$1');
  s = s.replace(/^[¥￥$]/, '').replace(/[。]/g, '.');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(万)?\s*(?:[^\d.\-+]*)$/.exec(s);
  if (!m?.[1]) return Number.NaN;
  const unitText = s.slice(m[1].length).trim();
  // "12.5万元" in an investment column is 12.5 万元; "1.2万" in a seats column is 12,000
  const n = Number(m[1]);
  if (m[2] && !/万元/.test(unitText)) return n * 10_000;
  return n;
}

/** A coordinate in degrees: decimal, or 度分秒 such as 118°35'24.5" / 118度35分24.5秒, with E/W/N/S. */
export function parseCoordinate(v: CellValue): number | null {
  if (typeof v !== 'string') return parseNumber(v);
  const s = halfWidth(v).trim();
  const dms =
    /^([-+]?\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分])?\s*(?:(\d+(?:\.\d+)?)\s*["″秒])?\s*([NSEWnsew东西南北])?$/.exec(
      s,
    );
  if (dms?.[1]) {
    const deg = Number(dms[1]);
    const value = Math.abs(deg) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600;
    const negative = deg < 0 || /[SWsw西南]/.test(dms[4] ?? '');
    return negative ? -value : value;
  }
  const hemi = /^([-+]?\d+(?:\.\d+)?)\s*([NSEWnsew])$/.exec(s);
  if (hemi?.[1]) return /[SWsw]/.test(hemi[2] ?? '') ? -Number(hemi[1]) : Number(hemi[1]);
  return parseNumber(s);
}

const textOf = (v: CellValue): string => (v === null ? '' : halfWidth(String(v)).trim().toLowerCase());

/** 幼儿园 / 小学 / 初中 / 九年一贯制 / 高中 / 中职 / 特殊教育, or the English ids. */
export function parseKind(v: CellValue): ProjectKind | null {
  const s = textOf(v);
  if (s === '') return null;
  if ((PROJECT_KINDS as readonly string[]).includes(s)) return s as ProjectKind;
  if (/九年|nine|一贯/.test(s)) return 'nineYear';
  if (/特殊|特教|special|培智|聋|盲/.test(s)) return 'special';
  if (/幼|kindergarten|preschool|托/.test(s)) return 'kindergarten';
  if (/职|中专|技工|vocational|技术学校/.test(s)) return 'vocational';
  if (/高中|高级中学|完全中学|完中|high|senior/.test(s)) return 'high';
  if (/初中|初级中学|junior|middle|中学/.test(s)) return 'junior';
  if (/小学|primary|elementary/.test(s)) return 'primary';
  return null;
}

export function parseAction(v: CellValue): ProjectAction | null {
  const s = textOf(v);
  if (s === '') return null;
  if ((PROJECT_ACTIONS as readonly string[]).includes(s)) return s as ProjectAction;
  if (/改|重建|迁建|rebuild/.test(s)) return 'rebuild';
  if (/扩|expan/.test(s)) return 'expand';
  if (/新|new/.test(s)) return 'new';
  return null;
}

export function parseStatus(v: CellValue): ProjectStatus | null {
  const s = textOf(v);
  if (s === '') return null;
  if ((PROJECT_STATUSES as readonly string[]).includes(s)) return s as ProjectStatus;
  if (/竣工|建成|完工|完成|交付|投用|completed|done/.test(s)) return 'completed';
  if (/在建|施工|开工|续建|construction/.test(s)) return 'underConstruction';
  if (/前期|准备|prepar/.test(s)) return 'preparing';
  if (/谋划|规划|计划|储备|planned|propos/.test(s)) return 'planned';
  return null;
}

export function parseOwnership(v: CellValue): Ownership | null {
  const s = textOf(v);
  if (s === '') return null;
  if ((OWNERSHIPS as readonly string[]).includes(s)) return s as Ownership;
  if (/普惠|inclusive/.test(s)) return 'privateInclusive';
  if (/民办|private/.test(s)) return 'privateOther';
  if (/公办|public|国有/.test(s)) return 'public';
  return null;
}

/** 是/否, true/false, 1/0, √/×. */
export function parseBoolean(v: CellValue): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = textOf(v);
  if (s === '') return null;
  if (/^(是|true|yes|y|1|√|✓|对)$/.test(s)) return true;
  if (/^(否|false|no|n|0|×|✗)$/.test(s)) return false;
  return null;
}
