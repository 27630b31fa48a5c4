import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse } from 'graphql';

/**
 * "An operation its user cannot do in the browser does not exist for them": every mutation of the
 * schema is called by a page of the web app, or stands in README's list of operations reachable
 * only over the API, with the reason. The list is meant to hold machine-to-machine operations only.
 */
const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function schemaMutations(): string[] {
  const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.gql'), 'utf8'));
  return Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The root fields of every mutation document the web app's pages send (graphql(`…`) in apps/web/src). */
export function mutationsCalledByPages(files: readonly string[]): Map<string, string[]> {
  const called = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/graphql\(\s*`([^`]*)`/g)) {
      for (const definition of parse(match[1]).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue;
        for (const selection of definition.selectionSet.selections) {
          if (selection.kind !== Kind.FIELD) continue;
          called.set(selection.name.value, [...(called.get(selection.name.value) ?? []), file.slice(ROOT.length + 1)]);
        }
      }
    }
  }
  return called;
}

/** README's table between the api-only markers: | `name` | reason | */
export function apiOnlyList(readme: string): Map<string, string> {
  const section = readme.match(/<!-- api-only:start -->([\s\S]*?)<!-- api-only:end -->/);
  if (!section) throw new Error('README.md has no <!-- api-only:start --> … <!-- api-only:end --> section');
  const list = new Map<string, string>();
  for (const [, name, reason] of section[1].matchAll(/^\|\s*`([A-Za-z]+)`\s*\|\s*([^|]*?)\s*\|\s*$/gm)) list.set(name, reason);
  return list;
}

describe('every mutation is reachable from the browser, or listed as API-only with a reason', () => {
  const mutations = schemaMutations();
  const called = mutationsCalledByPages(sourceFiles(join(ROOT, 'apps/web/src')));
  const apiOnly = apiOnlyList(README);

  it('finds the mutations of the schema and of the pages', () => {
    expect(mutations.length).toBeGreaterThan(50);
    expect(called.has('login')).toBe(true);
  });

  it('leaves no mutation that no page calls off the API-only list', () => {
    expect(mutations.filter((name) => !called.has(name) && !apiOnly.has(name))).toEqual([]);
  });

  it('lists only mutations that exist and that no page calls, each with its reason', () => {
    const stale = [...apiOnly.keys()].filter((name) => !mutations.includes(name) || called.has(name));
    expect(stale).toEqual([]);
    expect([...apiOnly].filter(([, reason]) => reason.length < 10).map(([name]) => name)).toEqual([]);
  });

  it('counts the calls of a page, and ignores queries', () => {
    const pages = mutationsCalledByPages([join(ROOT, 'apps/web/src/staff/places/queries.ts')]);
    expect(pages.get('createOrganisation')).toEqual(['apps/web/src/staff/places/queries.ts']);
    expect(pages.has('organisations')).toBe(false);
  });
});
