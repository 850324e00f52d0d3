/** Vitest setup: every language's messages loaded, as the app does before it shows one. */
import { loadLanguage } from '../../src/core/i18n/translate';

await loadLanguage('en');
