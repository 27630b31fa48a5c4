/**
 * Writes apps/api/schema.gql, the schema the code-first build produces. It is committed so that
 * reviewers see every API change, and a test checks it is current and covers the public contract.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../apps/api/src/graphql/schema-printer';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'apps', 'api', 'schema.gql');

printApiSchema()
  .then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
