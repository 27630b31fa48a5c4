import { graphql } from './graphql';

/**
 * The documents of the public pages, sent as GET by persisted-query id (client.ts) so that the API's
 * response cache and any reverse proxy can answer them. Every document here is in the API's
 * allowlist, apps/api/src/graphql/persisted-queries.json: after changing one, run
 * `npm run web:persisted` (test/web/persisted-queries.spec.ts fails until then).
 */

/**
 * One request draws the page: every session of the two weeks with what the cards and the
 * filters need. Filtering happens here, so changing a filter sends no request (the API limits
 * anonymous requests per minute). Cancelled sessions come too: whoever planned to come sees
 * them crossed out until they would have ended (the API drops them then: `from` is on endsAt).
 */
export const SCHEDULE_QUERY = graphql(`
  query PublicSchedule($from: DateTime!, $to: DateTime!, $after: String) {
    sessions(first: 100, after: $after, filter: { from: $from, to: $to, includeCancelled: true }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          startsAt
          endsAt
          status
          helpLanguages
          availableSeats
          waitlistCount
          programme {
            id
            name
            languages
          }
          venue {
            id
            name
            organisation {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** One session's page. */
export const SESSION_QUERY = graphql(`
  query PublicSession($id: ID!) {
    session(id: $id) {
      id
      title
      startsAt
      endsAt
      status
      cancellationReason
      capacity
      availableSeats
      waitlistCount
      helpLanguages
      programme {
        id
        name
      }
      venue {
        id
        name
        room
        address
        accessibilityNotes
        organisation {
          id
          name
        }
      }
    }
  }
`);

/** What client.ts sends by id; the rest of the app's documents go by POST with their text. */
export const PERSISTED_DOCUMENTS: readonly object[] = [SCHEDULE_QUERY, SESSION_QUERY];
