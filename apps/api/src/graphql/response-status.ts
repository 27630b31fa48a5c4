import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './request-context';

const APPLICATION_JSON = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * GraphQL request errors: the request was well-formed GraphQL-over-HTTP, but its document does not
 * parse or validate, its operation cannot be chosen or its variables do not coerce. Not included:
 * a missing query or malformed parameters (not well-formed requests, 400 by the spec too).
 */
const REQUEST_ERROR_CODES: ReadonlySet<unknown> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
]);

/**
 * The status of a request error as the GraphQL-over-HTTP spec wants it per media type: Apollo
 * answers 400 whatever the client accepts. A client of `application/graphql-response+json` keeps
 * the 400 (the status tells it there is no data); one of `application/json`, or one that names no
 * type, gets 200, because for that older type a 4xx may come from any proxy on the way and such
 * clients (graphql-http's, many tools) read the body only on 200. The errors and their
 * extensions.code are the same either way. The content type is set here, so status and type agree.
 */
export const responseStatusByMediaType: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.http.status !== 400 || response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined || !errors?.length || !errors.every((error) => REQUEST_ERROR_CODES.has(error.extensions?.code))) return;
        // Express negotiates as Apollo does (the same `negotiator`): no Accept header means application/json.
        if (contextValue.req.accepts([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) !== APPLICATION_JSON) return;
        response.http.status = 200;
        response.http.headers.set('content-type', `${APPLICATION_JSON}; charset=utf-8`);
      },
    };
  },
};
