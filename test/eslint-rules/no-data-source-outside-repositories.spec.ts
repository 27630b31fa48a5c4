import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from '../../eslint/rules/no-data-source-outside-repositories.cjs';

const ruleTester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module' } } });

const INJECTING_SERVICE = `
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}
}
`;

// RuleTester calls describe/it itself, so Jest reports every case as its own test.
ruleTester.run('no-data-source-outside-repositories', rule, {
  valid: [
    { name: 'a repository may inject and hold the DataSource', filename: 'libs/scheduling/src/sessions/sessions.repository.ts', code: INJECTING_SERVICE },
    {
      name: 'a service that takes its repository',
      filename: 'libs/scheduling/src/sessions/sessions.service.ts',
      code: `import { Injectable } from '@nestjs/common';
        import { EntityManager } from 'typeorm';
        @Injectable()
        export class SessionsService {
          constructor(private readonly sessions: SessionsRepository) {}
          move(manager: EntityManager) {}
        }`,
    },
    { name: 'other typeorm imports', filename: 'libs/scheduling/src/a.ts', code: `import { EntityManager, In, Repository } from 'typeorm';` },
    { name: 'a DataSource of another package', filename: 'libs/scheduling/src/a.ts', code: `import { DataSource } from 'apollo-datasource';` },
    {
      name: 'other decorators',
      filename: 'libs/scheduling/src/a.ts',
      code: `class A { constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {} }`,
    },
  ],
  invalid: [
    {
      name: 'a service that injects the DataSource',
      filename: 'libs/scheduling/src/sessions/sessions.service.ts',
      code: INJECTING_SERVICE,
      errors: [
        { messageId: 'import', line: 4 },
        { messageId: 'parameter', line: 8 },
        { messageId: 'inject', line: 8 },
      ],
    },
    {
      name: 'a plain constructor parameter typed DataSource',
      filename: 'libs/festival/src/stands.ts',
      code: `class Stands { constructor(dataSource: DataSource) {} }`,
      errors: [{ messageId: 'parameter' }],
    },
    {
      name: 'a qualified typeorm.DataSource parameter',
      filename: 'libs/festival/src/stands.ts',
      code: `class Stands { constructor(private readonly db: typeorm.DataSource) {} }`,
      errors: [{ messageId: 'parameter' }],
    },
    {
      name: 'a property typed DataSource',
      filename: 'libs/festival/src/stands.ts',
      code: `class Stands { private dataSource: DataSource; }`,
      errors: [{ messageId: 'property' }],
    },
    {
      name: 'a renamed import and a bare decorator',
      filename: 'apps/api/src/x.resolver.ts',
      code: `import { DataSource as Db } from 'typeorm';\nclass X { @InjectDataSource db: unknown; }`,
      errors: [{ messageId: 'import' }, { messageId: 'inject' }],
    },
    {
      name: 'a file that only looks like a repository',
      filename: 'libs/festival/src/stands.repository.helpers.ts',
      code: `import { DataSource } from 'typeorm';`,
      errors: [{ messageId: 'import' }],
    },
  ],
});
