import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdSerializers } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fields of a database error (TypeORM's QueryFailedError, pg's error) that carry the values of a query: names, phones, e-mail addresses. */
const SQL_VALUE_FIELDS = ['parameters', 'detail'] as const;

/** A calendar feed's path is its secret (/calendar/<token>.ics): whoever reads the log could subscribe. */
const CALENDAR_PATH = /(\/calendar\/)[^/?#]+/i;

function withoutSqlValues(error: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...error };
  for (const field of SQL_VALUE_FIELDS) if (field in copy) copy[field] = '[redacted]';
  if (copy.driverError && typeof copy.driverError === 'object') copy.driverError = withoutSqlValues(copy.driverError as Record<string, unknown>);
  return copy;
}

/** The client's X-Request-Id, when sane: logged beside ours so a proxy's trace can be followed, never used as ours. */
export function clientRequestIdOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : undefined;
}

/**
 * Structured JSON logs with a request id we generate for every request (never the client's, which
 * would let anyone write what the audit log and the logs call a request), echoed back in
 * X-Request-Id so a user's report can be matched to the log line; a client's own X-Request-Id is
 * logged apart as clientRequestId. Secrets and query values are redacted.
 */
export function pinoParams(level: string, service: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      genReqId: (_req: IncomingMessage, res) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customProps: (req: IncomingMessage) => {
        const clientRequestId = clientRequestIdOf(req);
        return clientRequestId ? { clientRequestId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      // Bull Board takes a login token as ?token=… once; it never reaches the logs.
      serializers: {
        req: (req: { url?: string; params?: Record<string, unknown> }) => {
          if (typeof req.url === 'string') {
            if (CALENDAR_PATH.test(req.url)) req.params = {};
            req.url = req.url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]').replace(CALENDAR_PATH, '$1[redacted]');
          }
          return req;
        },
        err: (error: Error) => withoutSqlValues(stdSerializers.err(error) as unknown as Record<string, unknown>),
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    },
  };
}
