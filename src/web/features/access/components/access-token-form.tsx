import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { signIn } from '../../../api/console';

/** Asked once when the console listens beyond loopback (or has CORS_CONSOLE_TOKEN set). */
export function AccessTokenForm({ onSignedIn }: { onSignedIn: () => void }) {
  const inputId = useId();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(token.trim());
      setToken('');
      onSignedIn();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="content access-token">
      <h2>Access token</h2>
      <p>This console is protected. Enter its access token: the CORS_CONSOLE_TOKEN setting, or the token it printed when it started.</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId}>Access token</label>
        <input id={inputId} type="password" autoComplete="current-password" value={token} onChange={(e) => setToken(e.target.value)} required />
        <button type="submit" disabled={busy || token.trim() === ''}>
          Sign in
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} title="Not signed in." />}
    </main>
  );
}
