import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { print } from '@0no-co/graphql.web';

/**
 * The API's allowlist of persisted queries (apps/api/src/graphql/persisted-queries.json) is the web
 * app's public documents exactly as its client prints and hashes them. `npm run web:persisted`
 * runs this file with WRITE_PERSISTED_QUERIES=1 to write the list; otherwise it checks it.
 */
const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'apps/api/src/graphql/persisted-queries.json');

function manifest(): Record<string, string> {
  // Required, not imported: the root typecheck leaves the web app's sources to the web's own tsconfig.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PERSISTED_DOCUMENTS } = require(join(ROOT, 'apps/web/src/graphql/public-operations.ts')) as { PERSISTED_DOCUMENTS: Parameters<typeof print>[0][] };
  const entries = PERSISTED_DOCUMENTS.map((document) => {
    const text = print(document);
    return [createHash('sha256').update(text).digest('hex'), text] as const;
  });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe('persisted queries', () => {
  it('are the web app’s public documents, as its client prints them', () => {
    const expected = manifest();
    if (process.env.WRITE_PERSISTED_QUERIES === '1') writeFileSync(MANIFEST, `${JSON.stringify(expected, null, 2)}\n`);
    expect(JSON.parse(readFileSync(MANIFEST, 'utf8'))).toEqual(expected);
  });
});
