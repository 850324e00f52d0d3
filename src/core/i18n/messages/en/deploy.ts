/** English for ../deploy.ts (loaded on first use, see ../../translate.ts). */
import type { zh } from '../deploy';

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
};
