import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../src/graphql/schema-printer';

const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA_FILE = join(ROOT, 'apps', 'api', 'schema.gql');
const CONTRACT_TOOL = join(ROOT, '..', 'shared', 'tools', 'check-contract.mjs');
/** Beside api-contract.graphql; check-contract.mjs finds it by this name. */
const SELF_SERVICE_CONTRACT = 'api-contract-self-service.graphql';

/**
 * Contract items that later issues build, by issue. Each must leave this list in the issue
 * that implements it: the test fails when an item listed here is already in the schema.
 */
const PENDING: Record<string, string[]> = {};

describe('the GraphQL schema', () => {
  it('is committed as emitted by the code (run `npm run schema:emit` after changing resolvers)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printApiSchema());
  });

  const contractPresent = existsSync(CONTRACT_TOOL);
  (contractPresent ? it : it.skip)('contains the public contract, except the items later issues build', () => {
    expect(contractDifferences().sort()).toEqual(Object.values(PENDING).flat().sort());
  });

  // Issue 21: the self-service extension (personal links, seat offers, walk-ins), checked together with the main contract.
  const extensionPresent = contractPresent && existsSync(join(CONTRACT_TOOL, '..', '..', SELF_SERVICE_CONTRACT));
  (extensionPresent ? it : it.skip)('contains the self-service extension too (--with api-contract-self-service.graphql)', () => {
    expect(contractDifferences('--with', SELF_SERVICE_CONTRACT).sort()).toEqual(Object.values(PENDING).flat().sort());
  });
});

/** What check-contract.mjs reports missing or different (its summary line left out); none when it passes. */
function contractDifferences(...options: string[]): string[] {
  let output = '';
  try {
    output = execFileSync(process.execPath, [CONTRACT_TOOL, ...options, SCHEMA_FILE], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('contract:'));
}
