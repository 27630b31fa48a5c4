import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExecutionContext, Logger } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { Actor } from '@app/common';
import { Role } from '@app/common';
import type { RequestContext } from '../graphql/request-context';
import { printApiSchema } from '../graphql/schema-printer';
import { accessDecision, accessMatrixMismatches, AccessRule } from './access-matrix';
import { accessMatrixBlockOf, accessMatrixMarkdown, PARTICIPANT_README_END, PARTICIPANT_README_START } from './access-matrix-readme';
import { AccessGuard, AccessMatrixCheck } from './access.guard';
import { participantAccessMarkdown } from './participant-access';

const README = join(__dirname, '..', '..', '..', '..', 'README.md');

const operationsOf = (schema: GraphQLSchema) => {
  const fields = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});
  return { Query: fields(schema.getQueryType()), Mutation: fields(schema.getMutationType()) };
};

const actor = (...roles: string[]): Actor => ({ userId: '00000000-0000-4000-8000-000000000001', roles, organisationId: null });

/** What Nest hands a guard for a root field of a GraphQL request. */
function rootFieldContext(parentType: string, fieldName: string, context: Partial<RequestContext>): ExecutionContext {
  const args = [null, {}, { actor: null, tokenRejected: false, ...context }, { parentType: { name: parentType }, fieldName }];
  return {
    getType: () => 'graphql',
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    getClass: () => Object,
    getHandler: () => () => undefined,
  } as unknown as ExecutionContext;
}

const refusalOf = (run: () => unknown): { code: unknown; message: string } | null => {
  try {
    run();
    return null;
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message };
  }
};

describe('the access matrix', () => {
  it('is in the README as `npm run docs:access` writes it', () => {
    expect(accessMatrixBlockOf(readFileSync(README, 'utf8'))).toBe(accessMatrixMarkdown());
    expect(accessMatrixBlockOf(readFileSync(README, 'utf8'), PARTICIPANT_README_START, PARTICIPANT_README_END)).toBe(participantAccessMarkdown());
  });

  it('has one entry per query and mutation of the schema the resolvers build, and none besides', async () => {
    const schema = buildSchema(await printApiSchema());
    expect(accessMatrixMismatches(operationsOf(schema))).toEqual({ missing: [], unknown: [] });
  });

  it('names what is missing and what is left over', () => {
    const schema = buildSchema('type Query { me: Int, somethingNew: Int } type Mutation { login: Int }');
    const { missing, unknown } = accessMatrixMismatches(operationsOf(schema));
    expect(missing).toEqual(['Query.somethingNew']);
    expect(unknown).toContain('Query.sessions');
    expect(unknown).toContain('Mutation.createUser');
    expect(unknown).not.toContain('Mutation.login');
  });

  describe('decides by role', () => {
    const rule = (...who: AccessRule['who']): AccessRule => ({ who });
    test.each([
      ['anyone, anonymous', 'ALLOWED', rule('ANYONE'), null],
      ['anyone, logged in', 'ALLOWED', rule('ANYONE'), actor('VOLUNTEER')],
      ['any logged-in user, anonymous', 'UNAUTHENTICATED', rule('LOGGED_IN'), null],
      ['any logged-in user, logged in', 'ALLOWED', rule('LOGGED_IN'), actor('FESTIVAL_ORGANISER')],
      ['a role, anonymous', 'UNAUTHENTICATED', rule(Role.ADMIN, Role.HOST), null],
      ['a role, one of them', 'ALLOWED', rule(Role.ADMIN, Role.HOST), actor('HOST')],
      ['a role, one of several the user has', 'ALLOWED', rule(Role.ADMIN, Role.HOST), actor('VOLUNTEER', 'HOST')],
      ['a role, none of them', 'FORBIDDEN', rule(Role.ADMIN, Role.HOST), actor('COORDINATOR', 'VOLUNTEER')],
      ['no roles at all', 'FORBIDDEN', rule(Role.ADMIN), actor()],
    ] as const)('%s → %s', (_name, expected, access, who) => {
      expect(accessDecision(access, who)).toBe(expected);
    });
  });
});

describe('AccessGuard', () => {
  const guard = new AccessGuard();

  it('lets an allowed role through and refuses the others with FORBIDDEN', () => {
    expect(guard.canActivate(rootFieldContext('Mutation', 'createUser', { actor: actor('COORDINATOR') }))).toBe(true);
    expect(refusalOf(() => guard.canActivate(rootFieldContext('Mutation', 'createUser', { actor: actor('HOST') })))).toEqual({
      code: 'FORBIDDEN',
      message: 'createUser is for ADMIN, COORDINATOR',
    });
  });

  it('asks an anonymous caller to log in, and one with a rejected token to log in again', () => {
    expect(refusalOf(() => guard.canActivate(rootFieldContext('Query', 'mySessions', {})))).toEqual({ code: 'UNAUTHENTICATED', message: 'Log in first' });
    expect(refusalOf(() => guard.canActivate(rootFieldContext('Query', 'mySessions', { tokenRejected: true })))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Your session has expired or was revoked; log in again',
    });
    expect(guard.canActivate(rootFieldContext('Query', 'sessions', { tokenRejected: true }))).toBe(true);
  });

  it('refuses an operation without an entry to everyone, an admin too, and logs it', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect(refusalOf(() => guard.canActivate(rootFieldContext('Mutation', 'dropDatabase', { actor: actor('ADMIN') })))?.code).toBe('FORBIDDEN');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('Mutation.dropDatabase has no entry'));
    } finally {
      logged.mockRestore();
    }
  });

  it('leaves fields below an operation to the operation’s check', () => {
    expect(guard.canActivate(rootFieldContext('Session', 'registrations', {}))).toBe(true);
  });
});

describe('AccessMatrixCheck', () => {
  it('stops the start while the schema has an operation without an entry, naming it', () => {
    const check = new AccessMatrixCheck({ schema: buildSchema('type Query { me: Int, secretReport: Int }') } as GraphQLSchemaHost);
    expect(() => check.onApplicationBootstrap()).toThrow(
      /without an entry: Query\.secretReport; entries for operations the schema does not have: .*Mutation\.login/,
    );
  });
});
