import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '@app/common';
import { PgErrorCode, pgErrorCode } from '@app/database';

const logger = new Logger('GraphQL');

/** Codes that Apollo itself sets for malformed requests; they pass through unchanged. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && 'originalError' in current && current.originalError) current = current.originalError as typeof current;
  return current;
}

/**
 * Every error leaves with a stable extensions.code. Domain errors keep their code and details;
 * anything unexpected is logged with its stack and shown only as INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { ...original.details, code: original.code } };
  }
  // PostgreSQL cannot store U+0000 in text; the services' text rules refuse it, and whatever path
  // lets one through to a query (a lookup by e-mail at login) still sent bad input, not a server fault.
  if (pgErrorCode(original) === PgErrorCode.CHARACTER_NOT_IN_REPERTOIRE) {
    return {
      message: 'The input contains a character that cannot be stored (U+0000, NUL)',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  let code = formatted.extensions?.code;
  // A scalar refusing a value written inline in the query (a DateTime without offset) is the same
  // bad input as that value in a variable; Apollo would report it as a validation failure.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GraphQLError && original.extensions?.code === ErrorCode.BAD_USER_INPUT)
    code = ErrorCode.BAD_USER_INPUT;
  if (typeof code === 'string' && CLIENT_CODES.has(code))
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
  return { message: 'Something went wrong on our side; it has been logged', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
