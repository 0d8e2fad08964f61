import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginReply, Me, MeReply } from '@yonggong/shared';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { fetchSession, saveMyLocale, sessionQueryKey, signOutSession } from '../api/auth.ts';
import { configureApiClient, setCsrfToken } from '../api/client.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { applyLocale, hasStoredLocale, readCurrentLocale } from '../i18n/index.ts';

/** Why the user was sent to the login page, shown there as a notice. */
export type SignOutReason = 'session_expired' | 'unauthenticated';

interface AuthContextValue {
  /** The signed-in user, or null. Pages below `RequireAuth` may rely on it being set. */
  readonly me: Me | null;
  readonly permissions: ReadonlySet<string>;
  readonly signOutReason: SignOutReason | null;
  readonly completeSignIn: (reply: LoginReply) => void;
  readonly signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

const NO_PERMISSIONS: ReadonlySet<string> = new Set();

/** Reads the session once, then keeps it: the server is asked again only after sign-in or sign-out. */
async function loadSession(): Promise<MeReply | null> {
  const session = await fetchSession();
  setCsrfToken(session?.csrfToken ?? null);
  if (session && session.locale !== readCurrentLocale()) await applyLocale(session.locale);
  return session;
}

/** Provides the signed-in user (from `GET /api/me`) and sign-in/sign-out to the whole app. */
export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signOutReason, setSignOutReason] = useState<SignOutReason | null>(null);
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: loadSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  /** Another user's data must never be shown from the cache, so everything but the session goes. */
  const forgetCachedData = useCallback(() => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  }, [queryClient]);

  useEffect(() => {
    configureApiClient({
      onUnauthenticated: (code) => {
        setCsrfToken(null);
        setSignOutReason(code);
        queryClient.setQueryData(sessionQueryKey, null);
        forgetCachedData();
      },
    });
  }, [queryClient, forgetCachedData]);

  const completeSignIn = useCallback(
    (reply: LoginReply) => {
      setCsrfToken(reply.csrfToken);
      setSignOutReason(null);
      forgetCachedData();
      queryClient.setQueryData(sessionQueryKey, { ...reply.user, csrfToken: reply.csrfToken });
      // A language picked on the login page is the user's latest wish; otherwise their saved one wins.
      const current = readCurrentLocale();
      if (current === reply.user.locale) return;
      if (hasStoredLocale())
        saveMyLocale(current).catch((error: unknown) => console.warn('Could not save the language', error));
      else void applyLocale(reply.user.locale);
    },
    [queryClient, forgetCachedData],
  );

  const signOut = useCallback(async () => {
    try {
      await signOutSession();
    } finally {
      setCsrfToken(null);
      setSignOutReason(null);
      queryClient.setQueryData(sessionQueryKey, null);
      forgetCachedData();
    }
  }, [queryClient, forgetCachedData]);

  const me = session.data ?? null;
  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      permissions: me ? new Set(me.permissions) : NO_PERMISSIONS,
      signOutReason,
      completeSignIn,
      signOut,
    }),
    [me, signOutReason, completeSignIn, signOut],
  );

  if (session.isPending) return <FullPageSpin />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The auth context; throws when used outside `AuthProvider` (a programming error). */
export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user, for components rendered below `RequireAuth`. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe must be used below <RequireAuth>');
  return me;
}
