import { startTestApi, TestApi } from './test-api';

interface HealthBody {
  status: string;
  details: Record<string, { status: string }>;
  error: Record<string, { status: string }>;
}

describe('GET /health on the API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports PostgreSQL and Redis up', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(body.status).toBe('ok');
    expect(body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('sends security headers on the API and tells nothing about the server', async () => {
    for (const response of [
      await fetch(`${api.baseUrl}/health`),
      await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ programmes { id } }"}' }),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'none'");
    }
    // Bull Board's page needs its own scripts and styles, and nothing from elsewhere.
    const board = await fetch(`${api.baseUrl}/admin/queues`);
    expect(board.headers.get('content-security-policy')).toMatch(/^default-src 'self';base-uri 'self';.*font-src 'self'/);
    expect(board.headers.get('content-security-policy')).not.toMatch(/https?:/);
  });

  it('answers with a request id of its own, whatever X-Request-Id the client sends', async () => {
    const given = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'kortrijk-123' } });
    expect(given.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await fetch(`${api.baseUrl}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 naming the database when PostgreSQL is gone', async () => {
    await api.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await api.dataSource.destroy();
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as HealthBody;
    expect(body.error.database.status).toBe('down');
    expect(body.details.redis.status).toBe('up');
    await api.dataSource.initialize();
  });
});
