/**
 * Writes locales/pseudo/ from locales/nl/: every letter accented, each text in [ ] and about 40 %
 * longer, ICU syntax unchanged. Select it in a dev build with ?lang=pseudo to find texts that are
 * cut off, overflow or are not translated. locales.spec.ts checks the files are current.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_FILES, type LocaleTree, PSEUDO_LOCALE, pseudoTree, serialise } from '../libs/messaging/src/templates/locale-files';

// Run from dist/scripts: the repository's locales/, not the copy in dist/.
const LOCALES = join(__dirname, '..', '..', 'locales');

mkdirSync(join(LOCALES, PSEUDO_LOCALE), { recursive: true });
for (const file of LOCALE_FILES) {
  const dutch = JSON.parse(readFileSync(join(LOCALES, 'nl', file), 'utf8')) as LocaleTree;
  const path = join(LOCALES, PSEUDO_LOCALE, file);
  writeFileSync(path, serialise(pseudoTree(dutch)));
  console.log(`wrote ${path}`);
}
