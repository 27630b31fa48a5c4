import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './index';

// The migrations run in the order of MIGRATIONS, while TypeORM records them by class name: a file
// left out of the list, listed twice, out of timestamp order or with a class named after another
// timestamp would apply the schema differently on a fresh database than on a migrated one.
describe('MIGRATIONS', () => {
  const files = readdirSync(__dirname)
    .filter((file) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(file))
    .sort((a, b) => Number(a.slice(0, 13)) - Number(b.slice(0, 13)));

  it('lists every migration file in the folder, once each, in timestamp order', () => {
    const expected = files.map((file) => {
      const [, timestamp, name] = /^(\d{13})-([A-Za-z0-9]+)\.ts$/.exec(file)!;
      return `${name}${timestamp}`;
    });
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(expected);
  });

  it('names each class after its file, in the file and in its `name` property', () => {
    for (const file of files) {
      const [, timestamp, name] = /^(\d{13})-([A-Za-z0-9]+)\.ts$/.exec(file)!;
      const text = readFileSync(join(__dirname, file), 'utf8');
      expect(text).toContain(`export class ${name}${timestamp} implements MigrationInterface`);
      const migration = MIGRATIONS.find((m) => m.name === `${name}${timestamp}`)!;
      expect(new (migration as new () => { name?: string })().name ?? migration.name).toBe(`${name}${timestamp}`);
    }
  });

  it('holds nothing else but index.ts and this spec', () => {
    const others = readdirSync(__dirname).filter((file) => !files.includes(file));
    expect(others.sort()).toEqual(['index.ts', 'migrations.spec.ts']);
  });
});
