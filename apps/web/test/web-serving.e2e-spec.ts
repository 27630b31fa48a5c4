import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../../api/test/test-api';
import { WEB_CONTENT_SECURITY_POLICY } from '../../api/src/web/serve-web-app';
import { webBuild } from './web-build';

/** The API process serves the built web app next to its own paths, which it never hands to the app. */
describe('the API serves the web app', () => {
  let api: TestApi;
  let build: string;

  beforeAll(async () => {
    build = webBuild();
    api = await startTestApi({ webRoot: build });
  });

  afterAll(async () => {
    await api?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.baseUrl}${path}`, { headers, redirect: 'manual' });

  it.each(['/', '/sessions/6a1f0c9e-0000-4000-8000-000000000000', '/een/pagina/die/niet/bestaat'])('answers the page %s with index.html and the web CSP', async (path) => {
    const response = await get(path, { accept: 'text/html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff'); // helmet's headers too
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    // Only this origin's bundles: no CDN, no inline script.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/assets\/)[^>]*>/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves the bundles with a long cache (their names change with their content) and 404 for a missing file', async () => {
    const [script] = readdirSync(join(build, 'assets')).filter((file) => file.startsWith('index-') && file.endsWith('.js'));
    const response = await get(`/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect((await get('/assets/index-missing.js')).status).toBe(404);
    expect((await get('/favicon.ico')).status).toBe(404);
    // The build's manifest (a dot folder) is not served.
    expect((await get('/.vite/manifest.json')).status).toBe(404);
  });

  it('leaves /graphql, /health, /metrics, /admin and /calendar to the API', async () => {
    const graphql = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ programmes { id } }' }) });
    expect(graphql.status).toBe(200);
    await expect(graphql.json()).resolves.toEqual({ data: { programmes: [] } });
    for (const path of ['/graphql', '/health', '/metrics', '/admin/queues', '/calendar/unknown.ics', '/calendar/unknown']) {
      const response = await get(path, { accept: 'text/html' });
      expect([path, response.headers.get('content-security-policy')]).not.toEqual([path, WEB_CONTENT_SECURITY_POLICY]);
      expect([path, await response.text()]).not.toEqual([path, expect.stringContaining('<div id="root"></div>')]);
    }
    expect((await get('/health')).status).toBe(200);
    expect((await get('/admin/queues')).status).toBe(401);
  });
});
