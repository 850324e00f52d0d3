/**
 * Every user-facing string, in Chinese (default) and English, one file per feature (messages/, and its
 * English in messages/en/). Each feature's English table is typed against its Chinese one, so a key
 * missing in either language is a compile error; the tables are merged here (Chinese, loaded with the
 * page) and in ./en.ts (English, loaded on first use), and a key defined by two features is a test
 * failure (translate.test.ts).
 */
import * as bilingual from './messages/bilingual';
import * as common from './messages/common';
import * as scenario from './messages/scenario';
import * as editing from './messages/editing';
import * as importing from './messages/import';
import * as analysis from './messages/analysis';
import * as layers from './messages/layers';
import * as meeting from './messages/meeting';
import * as compare from './messages/compare';
import * as projection from './messages/projection';
import * as siting from './messages/siting';
import * as basemap from './messages/basemap';
import * as gis from './messages/gis';
import * as deploy from './messages/deploy';

export const zh = {
  ...bilingual.zh,
  ...common.zh,
  ...scenario.zh,
  ...editing.zh,
  ...importing.zh,
  ...analysis.zh,
  ...layers.zh,
  ...meeting.zh,
  ...compare.zh,
  ...projection.zh,
  ...siting.zh,
  ...basemap.zh,
  ...gis.zh,
  ...deploy.zh,
};

export type MessageKey = keyof typeof zh;
export type Messages = Readonly<Record<MessageKey, string>>;

/** The English that is there before ./en.ts has loaded (messages/bilingual.ts). */
export const earlyEn: Readonly<Partial<Record<MessageKey, string>>> = bilingual.en;
