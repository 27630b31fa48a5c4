import type { IncomingMessage, ServerResponse } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { pinoParams } from './logging';

type Http = {
  genReqId(req: IncomingMessage, res: ServerResponse): string;
  customProps(req: IncomingMessage): Record<string, unknown>;
  serializers: Record<string, (value: any) => any>;
};
const http = pinoParams('info', 'oefenkansen-api').pinoHttp as unknown as Http;
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('request logs', () => {
  it('use a request id of ours, logging a client’s X-Request-Id apart', () => {
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
    const id = http.genReqId(request({ 'x-request-id': 'forged-by-client' }), res);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['x-request-id']).toBe(id);
    expect(http.customProps(request({ 'x-request-id': 'forged-by-client' }))).toEqual({ clientRequestId: 'forged-by-client' });
    expect(http.customProps(request({ 'x-request-id': 'no spaces please' }))).toEqual({});
  });

  it('redact a calendar feed’s secret path and a login token in the URL', () => {
    expect(
      http.serializers.req({ url: '/calendar/3f9c0b1e2d4a5b6c7d8e9f00112233445566.ics', params: { file: '3f9c0b1e2d4a5b6c7d8e9f00112233445566.ics' } }),
    ).toEqual({ url: '/calendar/[redacted]', params: {} });
    expect(http.serializers.req({ url: '/admin/queues/?token=abc.def' }).url).toBe('/admin/queues/?token=[redacted]');
  });

  it('redact the values of a failed SQL query, keeping the query and the error', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email"'), {
      code: '23505',
      detail: 'Key (email)=(amina@example.be) already exists.',
      parameters: ['amina@example.be'],
    });
    const error = new QueryFailedError('INSERT INTO app_user (email) VALUES ($1)', ['amina@example.be'], driverError);
    const logged = http.serializers.err(error);
    expect(JSON.stringify(logged)).not.toContain('amina@example.be');
    expect(logged).toMatchObject({
      query: 'INSERT INTO app_user (email) VALUES ($1)',
      parameters: '[redacted]',
      driverError: { detail: '[redacted]', code: '23505' },
      message: expect.stringContaining('duplicate key'),
    });
  });
});
