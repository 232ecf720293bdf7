// The signed-in key. It lives in this tab's sessionStorage only: never in a URL, a cookie or
// localStorage, so closing the tab signs out. /v1/me says whose key it is and what it may do.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createClient, SwitchboardError, type Me, type SwitchboardClient } from '@switchboard/sdk';
import { allowed, type Scope } from './scopes.ts';

const STORAGE_KEY = 'switchboard.session';

interface Stored {
  apiKey: string;
  me: Me;
}

export interface Session {
  client: SwitchboardClient;
  me: Me;
  can: (scope: Scope) => boolean;
  signOut: (reason?: string) => void;
}

interface SessionState {
  session: Session | null;
  /** Why the last session ended (a revoked key …), for the sign-in page. */
  endedBecause: string | null;
  signIn: (apiKey: string) => Promise<void>;
}

const Context = createContext<SessionState | null>(null);

function read(): Stored | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

const clientFor = (apiKey: string) => createClient({ baseUrl: window.location.origin, apiKey });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(read);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setEndedBecause(reason ?? null);
    setStored(null);
  }, []);

  const signIn = useCallback(async (apiKey: string) => {
    const me = await clientFor(apiKey).me();
    const next = { apiKey, me };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setEndedBecause(null);
    setStored(next);
  }, []);

  const session = useMemo<Session | null>(() => {
    if (!stored) return null;
    return { client: clientFor(stored.apiKey), me: stored.me, can: allowed(stored.me.api_key.scopes), signOut };
  }, [stored, signOut]);

  const value = useMemo(() => ({ session, endedBecause, signIn }), [session, endedBecause, signIn]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(Context);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The session of a signed-in page (the router shows sign-in otherwise). */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a session');
  return session;
}

/** A 401 means the key is gone (revoked, deleted): the session ends. */
export const isUnauthorized = (error: unknown) => error instanceof SwitchboardError && error.status === 401;
