import { IntrinsicException } from '@nestjs/common';
import { ErrorCode } from './error-code';

/**
 * The one exception type domain code throws. The API maps it to a GraphQL error whose
 * `extensions.code` is `code`; `details` lands in `extensions` too (e.g. which field was wrong).
 * An IntrinsicException, so Nest does not log it as an error with a stack: a refused login or a
 * wrong date is an answer, not a fault (unexpected errors are still logged by formatError).
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(message: string, field?: string): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }

  static notFound(entity: string, id: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${entity} ${id} does not exist`, { entity, id });
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Log in first'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }
}
