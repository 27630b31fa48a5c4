import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError } from '@app/common';
import { formatError } from './format-error';

/** How Apollo hands a resolver's exception to formatError: wrapped in a GraphQLError with a path. */
function fromResolver(original: Error) {
  const error = new GraphQLError(original.message, { path: ['login'], originalError: original });
  return formatError({ message: error.message, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
}

describe('formatError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('keeps the code and details of a domain error', () => {
    expect(fromResolver(AppError.notFound('Session', 'x'))).toEqual({
      message: 'Session x does not exist',
      path: ['login'],
      extensions: { code: 'NOT_FOUND', entity: 'Session', id: 'x' },
    });
  });

  it('answers a NUL character PostgreSQL refused (SQLSTATE 22021) as BAD_USER_INPUT, not as a server fault', () => {
    const refused = new QueryFailedError(
      'SELECT 1 WHERE $1 = $1',
      ['a\u0000b'],
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    );

    expect(fromResolver(refused)).toEqual({ message: expect.stringContaining('NUL'), path: ['login'], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('hides any other database error behind INTERNAL_SERVER_ERROR', () => {
    const broken = new QueryFailedError('SELECT nope', [], Object.assign(new Error('column "nope" does not exist'), { code: '42703' }));

    expect(fromResolver(broken)).toEqual({
      message: 'Something went wrong on our side; it has been logged',
      path: ['login'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
