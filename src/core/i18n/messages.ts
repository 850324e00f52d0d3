/**
 * Every user-facing string, in Chinese (default) and English, one file per feature (messages/). Each
 * feature's English table is typed against its Chinese one, so a key missing in either language is a
 * compile error; the tables are merged here and a key defined by two features is a test failure.
 */
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

/** The features' tables, for the check that no key is defined twice. */
export const FEATURE_TABLES = {
  common,
  scenario,
  editing,
  importing,
  analysis,
  layers,
  meeting,
  compare,
  projection,
  siting,
  basemap,
  gis,
  deploy,
} as const;

export const zh = {
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

export const en: Messages = {
  ...common.en,
  ...scenario.en,
  ...editing.en,
  ...importing.en,
  ...analysis.en,
  ...layers.en,
  ...meeting.en,
  ...compare.en,
  ...projection.en,
  ...siting.en,
  ...basemap.en,
  ...gis.en,
  ...deploy.en,
};
