/** The English tables merged: a chunk of its own, loaded on first use (translate.ts, loadLanguage). */
import type { Messages } from './messages';
import * as bilingual from './messages/bilingual';
import { en as common } from './messages/en/common';
import { en as scenario } from './messages/en/scenario';
import { en as editing } from './messages/en/editing';
import { en as importing } from './messages/en/import';
import { en as analysis } from './messages/en/analysis';
import { en as layers } from './messages/en/layers';
import { en as meeting } from './messages/en/meeting';
import { en as compare } from './messages/en/compare';
import { en as projection } from './messages/en/projection';
import { en as siting } from './messages/en/siting';
import { en as basemap } from './messages/en/basemap';
import { en as gis } from './messages/en/gis';
import { en as deploy } from './messages/en/deploy';

export const en: Messages = {
  ...bilingual.en,
  ...common,
  ...scenario,
  ...editing,
  ...importing,
  ...analysis,
  ...layers,
  ...meeting,
  ...compare,
  ...projection,
  ...siting,
  ...basemap,
  ...gis,
  ...deploy,
};
