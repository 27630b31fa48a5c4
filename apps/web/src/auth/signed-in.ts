/**
 * Who is signed in on this tab: the bearer token and what the app shows of the user. Kept in
 * sessionStorage (gone when the tab closes; never shared with another site: the CSP allows
 * scripts from this origin only). No React here: the GraphQL client reads the token too.
 */
export interface SignedInUser {
  token: string;
  displayName: string;
  roles: string[];
  organisationName: string | null;
}

const KEY = 'oefenkansen.signedIn';

export function readSignedIn(): SignedInUser | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as SignedInUser) : null;
  } catch {
    return null;
  }
}

export function writeSignedIn(user: SignedInUser | null): void {
  try {
    if (user) sessionStorage.setItem(KEY, JSON.stringify(user));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage blocked: the sign-in lasts until the page reloads
  }
}
