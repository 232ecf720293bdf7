// The console: the API through the SDK (react-query caches and refetches), one route per page.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { SwitchboardError } from '@switchboard/sdk';
import { Layout } from './components/layout.tsx';
import { Pages } from './routes.tsx';
import { isUnauthorized, SessionProvider, useSessionState } from './session.tsx';
import { SignIn } from './pages/sign-in.tsx';

function Signed() {
  const { session } = useSessionState();
  // One cache per session: a new key never sees what the last one read.
  const client = useMemo(() => {
    const onError = (error: unknown) => {
      if (isUnauthorized(error)) session?.signOut('This key is no longer valid (revoked or deleted). Sign in with another.');
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          staleTime: 5_000,
          // A 4xx will not change by asking again; a network error or a 5xx may.
          retry: (count, error) => count < 2 && !(error instanceof SwitchboardError && error.status >= 400 && error.status < 500),
        },
      },
    });
  }, [session]);
  if (!session) return <SignIn />;
  return (
    <QueryClientProvider client={client}>
      <Layout>
        <Pages />
      </Layout>
    </QueryClientProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Signed />
    </SessionProvider>
  );
}
