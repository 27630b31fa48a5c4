import { type FragmentOf, readFragment } from 'gql.tada';
import { graphql } from '../graphql/graphql';

/**
 * Who is signed in on this tab: the bearer token and what the app shows of the user. Kept in
 * sessionStorage (gone when the tab closes; never shared with another site: the CSP allows
 * scripts from this origin only) and in memory, for when storage is blocked. No React here:
 * the GraphQL client reads the token from it for every request.
 */
export interface SignedInUser {
  token: string;
  displayName: string;
  roles: string[];
  organisationName: string | null;
}

const KEY = 'oefenkansen.signedIn';
/** undefined: not read from storage yet. */
let current: SignedInUser | null | undefined;

export function readSignedIn(): SignedInUser | null {
  if (current === undefined) {
    try {
      const stored = sessionStorage.getItem(KEY);
      current = stored ? (JSON.parse(stored) as SignedInUser) : null;
    } catch {
      current = null;
    }
  }
  return current;
}

export function writeSignedIn(user: SignedInUser | null): void {
  current = user;
  try {
    if (user) sessionStorage.setItem(KEY, JSON.stringify(user));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage blocked: the sign-in lasts until the page reloads
  }
}

/** What login, acceptInvitation and changePassword answer: the token and who it belongs to. */
export const SIGN_IN_ANSWER = graphql(`
  fragment SignInAnswer on AuthPayload {
    token
    user {
      displayName
      roles
      organisation {
        name
      }
    }
  }
`);

export function signedInFrom(masked: FragmentOf<typeof SIGN_IN_ANSWER>): SignedInUser {
  const answer = readFragment(SIGN_IN_ANSWER, masked);
  return { token: answer.token, displayName: answer.user.displayName, roles: [...answer.user.roles], organisationName: answer.user.organisation?.name ?? null };
}
