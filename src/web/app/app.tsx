import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { AccessTokenForm } from '../features/access/components/access-token-form';
import { AppHeader } from './app-header';
import { Layout } from './layout';
import { createQueryClient } from './query-client';

export function App() {
  const [needsToken, setNeedsToken] = useState(false);
  const [queryClient] = useState(() => createQueryClient({ onUnauthenticated: () => setNeedsToken(true) }));
  const signedIn = () => {
    setNeedsToken(false);
    // Everything that failed for want of a session is asked again.
    void queryClient.invalidateQueries();
  };
  return (
    <QueryClientProvider client={queryClient}>
      {needsToken ? (
        <div className="layout">
          <AppHeader />
          <AccessTokenForm onSignedIn={signedIn} />
        </div>
      ) : (
        <Layout onSignedOut={() => setNeedsToken(true)} />
      )}
    </QueryClientProvider>
  );
}
