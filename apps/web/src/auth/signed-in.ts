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

/** What login and acceptInvitation answer: the token and who it belongs to. */
export interface SignInAnswer {
  token: string;
  user: { displayName: string; roles: readonly string[]; organisation?: { name: string } | null };
}

export function signedInFrom(answer: SignInAnswer): SignedInUser {
  return { token: answer.token, displayName: answer.user.displayName, roles: [...answer.user.roles], organisationName: answer.user.organisation?.name ?? null };
}
