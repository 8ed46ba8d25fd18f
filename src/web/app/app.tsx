import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { QuickCheck } from '../features/quick-check/quick-check';
import { createQueryClient } from './query-client';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <header className="app-header">
        <h1>cors-console</h1>
        <p>Bucket CORS rules, explained. Bucket browsing and editing arrive with the console server.</p>
      </header>
      <main>
        <QuickCheck />
      </main>
    </QueryClientProvider>
  );
}
