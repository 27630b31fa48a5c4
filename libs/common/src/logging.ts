import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Structured JSON logs with a request id: taken from X-Request-Id when a proxy sets a sane one,
 * otherwise generated, and echoed back so a user's report can be matched to the log line.
 */
export function pinoParams(level: string, service: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      genReqId: (req: IncomingMessage, res) => {
        const header = req.headers['x-request-id'];
        const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      // Bull Board takes a login token as ?token=… once; it never reaches the logs.
      serializers: {
        req: (req: { url?: string }) => {
          if (typeof req.url === 'string') req.url = req.url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
          return req;
        },
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    },
  };
}
