/**
 * Migration CLI on the compiled code: `run`, `revert`, `generate <Name>`, `show`.
 * Reads DATABASE_URL only, so it also runs as the one-off step of a production deployment.
 */
import 'reflect-metadata';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSourceOptions } from '@app/database';
import { ENTITIES } from '../apps/api/src/entities';

async function main(): Promise<void> {
  const [command = 'run', name] = process.argv.slice(2);
  const config = loadConfig(process.env, 'cli');
  const dataSource = new DataSource(createDataSourceOptions(config.databaseUrl, { applicationName: 'oefenkansen-migrate', entities: ENTITIES }));
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'show') {
      console.log((await dataSource.showMigrations()) ? 'there are pending migrations' : 'database is up to date');
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
      await generate(dataSource, name);
    } else {
      throw new Error(`unknown command "${command}" (run, revert, show, generate <Name>)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Writes the SQL that brings the database to the entities, as a migration in the source tree. */
async function generate(dataSource: DataSource, name: string): Promise<void> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('no changes: the entities match the database');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const quote = (query: string) => '`' + query.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
  const lines = (queries: { query: string }[]) => queries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
  const dir = join(process.cwd(), 'libs/database/src/migrations');
  const file = `${timestamp}-${name}`;
  writeFileSync(
    join(dir, `${file}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(sql.upQueries)}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${lines([...sql.downQueries].reverse())}\n  }\n}\n`,
  );
  const indexPath = join(dir, 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/^(\/\/.*\n)/, `$1import { ${className} } from './${file}';\n`)
    .replace(
      /\[([^\]]*)\];/,
      (_m, items: string) =>
        `[${[
          ...items
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          className,
        ].join(', ')}];`,
    );
  writeFileSync(indexPath, index);
  console.log(`wrote libs/database/src/migrations/${file}.ts and registered it in migrations/index.ts`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
