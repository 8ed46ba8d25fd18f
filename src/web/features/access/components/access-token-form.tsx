import { LogIn } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { signIn } from '../../../api/console';
import { webText } from '../../../lib/i18n/text';

/** Asked once when the console listens beyond loopback (or has CORS_CONSOLE_TOKEN set). */
export function AccessTokenForm({ onSignedIn }: { onSignedIn: () => void }) {
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
      <h2>{webText('access.token')}</h2>
      <p>{webText('access.lead')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <TextField label={webText('access.token')} type="password" autoComplete="current-password" value={token} onChange={(e) => setToken(e.target.value)} required />
        <Button type="submit" variant="primary" icon={LogIn} disabled={busy || token.trim() === ''}>
          {webText('access.sign-in')}
        </Button>
      </form>
      {error !== null && <ErrorMessage error={error} title={webText('access.failed')} />}
    </main>
  );
}
