import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './request-context';

/** What Apollo's cache-control plugin reads as a header it may narrow: `max-age=N, public|private`. */
const CACHE_CONTROL_IT_PARSES = /^max-age=(\d+), (public|private)$/;

/**
 * The Cache-Control header Apollo's built-in cache-control plugin wrote, without that plugin.
 * The schema has no @cacheControl hints, so the plugin's policy was always max-age 0: it wrote
 * `no-store` on every answer (over any header of its own format) and left other headers alone.
 * It did so after hooking willResolveField, which made Apollo wrap every resolver of the schema and
 * call the plugin on every field of every answer, a tenth of a schedule page's CPU time
 * (bench/README.md). This writes the same header at the end, once per answer.
 */
export const noStoreResponses: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const existing = response.http.headers.get('cache-control');
        if (existing && existing !== 'no-store' && !CACHE_CONTROL_IT_PARSES.test(existing)) return;
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
