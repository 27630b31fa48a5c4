import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { request, setUnauthenticatedHandler } from '../graphql/client';
import { graphql } from '../graphql/graphql';
import { readSignedIn, type SignedInUser, SIGN_IN_ANSWER, signedInFrom, writeSignedIn } from './signed-in';

const LOGIN_MUTATION = graphql(
  `
    mutation Login($email: String!, $password: String!) {
      login(email: $email, password: $password) {
        ...SignInAnswer
      }
    }
  `,
  [SIGN_IN_ANSWER],
);

const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

interface Auth {
  user: SignedInUser | null;
  login(email: string, password: string): Promise<SignedInUser>;
  logout(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}

export function AuthProvider(props: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null>(readSignedIn);

  /** Forgets the token here at once; the API revokes it (with the user's other tokens) when it can. */
  const logout = useCallback(() => {
    if (readSignedIn()) request(LOGOUT_MUTATION, {}).catch(() => undefined);
    writeSignedIn(null);
    setUser(null);
  }, []);

  // An expired or revoked token: sign out, so the page asks to sign in again.
  useEffect(() => setUnauthenticatedHandler(logout), [logout]);

  const login = useCallback(async (email: string, password: string) => {
    const { login } = await request(LOGIN_MUTATION, { email, password });
    const signedIn = signedInFrom(login);
    writeSignedIn(signedIn);
    setUser(signedIn);
    return signedIn;
  }, []);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

/** Where a user lands after signing in, by role (more pages follow for the other roles). */
export function homeOf(user: SignedInUser): string {
  if (user.roles.includes('SCHOOL_CONTACT')) return '/school';
  if (user.roles.includes('HOST')) return '/host';
  if (user.roles.includes('VOLUNTEER')) return '/volunteer';
  if (user.roles.includes('COORDINATOR') || user.roles.includes('ADMIN')) return '/staff';
  if (user.roles.includes('FESTIVAL_ORGANISER')) return '/festival';
  return '/';
}
