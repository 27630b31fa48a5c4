import { readdirSync, readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, WEB_CONTENT_SECURITY_POLICY } from '../../api/src/web/serve-web-app';
import { startTestApi, type TestApi } from '../../api/test/test-api';
import { webBuild } from './web-build';

/** One GET with exactly these headers, the body as sent (fetch would ask for and undo compression itself). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

const decode = (answer: { headers: IncomingHttpHeaders; body: Buffer }): Buffer =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', ['br', 'gzip'], 'br'], // Chromium's header: no preference, so the smaller
    ['gzip, deflate', ['br', 'gzip'], 'gzip'],
    ['br;q=0.5, gzip', ['br', 'gzip'], 'gzip'],
    ['br;q=0, gzip;q=0', ['br', 'gzip'], null],
    ['identity', ['br', 'gzip'], null],
    ['*', ['br', 'gzip'], 'br'],
    ['*;q=0', ['br', 'gzip'], null],
    [undefined, ['br', 'gzip'], null],
    ['br', ['gzip'], null],
    ['BR;Q=1', ['br'], 'br'],
  ] as const)('%s of %j: %s', (header, available, expected) => {
    expect(chooseEncoding(header, [...available])).toBe(expected);
  });
});

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

  it.each(['/', '/sessions/6a1f0c9e-0000-4000-8000-000000000000', '/een/pagina/die/niet/bestaat'])(
    'answers the page %s with index.html and the web CSP',
    async (path) => {
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
    },
  );

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

  it('sends the precompressed brotli or gzip file the browser accepts, the same bytes as the plain one', async () => {
    const [script] = readdirSync(join(build, 'assets')).filter((file) => file.startsWith('index-') && file.endsWith('.js'));
    const [style] = readdirSync(join(build, 'assets')).filter((file) => file.startsWith('index-') && file.endsWith('.css'));
    for (const path of [`/assets/${script}`, `/assets/${style}`, '/index.html', '/', '/sessions/elders']) {
      const original = readFileSync(join(build, path.startsWith('/assets/') ? path : 'index.html'));
      const br = await rawGet(`${api.baseUrl}${path}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      const gzip = await rawGet(`${api.baseUrl}${path}`, { 'accept-encoding': 'gzip, deflate' });
      const identity = await rawGet(`${api.baseUrl}${path}`, { 'accept-encoding': 'identity' });
      const none = await rawGet(`${api.baseUrl}${path}`, {});
      expect([path, br.status, br.headers['content-encoding'], gzip.status, gzip.headers['content-encoding']]).toEqual([path, 200, 'br', 200, 'gzip']);
      expect([path, identity.status, identity.headers['content-encoding'], none.headers['content-encoding']]).toEqual([path, 200, undefined, undefined]);
      for (const answer of [br, gzip, identity, none]) {
        expect([path, decode(answer).equals(original)]).toEqual([path, true]);
        // Caches must keep the variants apart, and each is one type of file whatever its coding.
        expect([path, answer.headers.vary]).toEqual([path, expect.stringMatching(/accept-encoding/i)]);
        expect([path, answer.headers['content-type']]).toEqual([
          path,
          expect.stringMatching(path.endsWith('.js') ? /javascript/ : path.endsWith('.css') ? /^text\/css/ : /^text\/html/),
        ]);
        expect([path, answer.headers['content-security-policy']]).toEqual([path, WEB_CONTENT_SECURITY_POLICY]);
        expect([path, answer.headers['cache-control']]).toEqual([path, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache']);
        expect([path, Number(answer.headers['content-length'])]).toEqual([path, answer.body.length]);
      }
      expect(br.body.length).toBeLessThan(gzip.body.length);
      expect(gzip.body.length).toBeLessThan(original.length);
    }
    // The variants are no addresses of their own.
    expect((await get(`/assets/${script}.br`)).status).toBe(404);
    expect((await get('/index.html.gz')).status).toBe(404);
  });

  it('a first visit of the public schedule: what goes over the wire, compressed', async () => {
    // The page, then the scripts and styles its HTML names (the entry, its preloads and CSS).
    const page = await rawGet(`${api.baseUrl}/`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    const html = decode(page).toString('utf8');
    const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(linked.some((path) => path.endsWith('.js'))).toBe(true);
    let wire = page.body.length;
    let plain = decode(page).length;
    for (const path of linked) {
      const answer = await rawGet(`${api.baseUrl}${path}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect([path, answer.status, answer.headers['content-encoding']]).toEqual([path, 200, 'br']);
      wire += answer.body.length;
      plain += decode(answer).length;
    }
    // README "Web app" quotes this figure (the Dutch strings, loaded next, come on top).
    console.log(`first visit of /: ${linked.length + 1} files, ${(wire / 1000).toFixed(1)} kB brotli (${(plain / 1000).toFixed(1)} kB uncompressed)`);
    expect(wire).toBeLessThan(plain / 3);
  });

  it("names the guessed language's strings in a modulepreload Link header, so they load alongside the bundle", async () => {
    const manifest = JSON.parse(readFileSync(join(build, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const chunk = (language: string) =>
      `</${Object.entries(manifest).find(([source]) => source.endsWith(`locales/${language}/web.json`))![1].file}>; rel=modulepreload`;
    for (const [acceptLanguage, language] of [
      [undefined, 'nl'],
      ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
      ['de-DE, ar-EG;q=0.8, en;q=0.9', 'en'],
      ['fa-AF', 'prs'],
      ['de, ja', 'nl'],
    ] as const) {
      const response = await get('/sessions/elders', acceptLanguage ? { 'accept-language': acceptLanguage } : {});
      expect([acceptLanguage, response.headers.get('link')]).toEqual([acceptLanguage, chunk(language)]);
      expect([acceptLanguage, response.headers.get('vary')]).toEqual([acceptLanguage, expect.stringMatching(/accept-language/i)]);
    }
  });

  it('leaves /graphql, /health, /metrics, /admin and /calendar to the API', async () => {
    const graphql = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ programmes { id } }' }),
    });
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
