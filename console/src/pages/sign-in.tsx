import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../components/errors.tsx';
import { useSessionState } from '../session.tsx';

export function SignIn() {
  const { signIn, endedBecause } = useSessionState();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
      // The key is in session storage now; the address shows where the operator goes, never the key.
      if (window.location.pathname === '/sign-in') window.history.replaceState(null, '', '/numbers');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Switchboard</h1>
      <form onSubmit={submit} method="post" action="#" aria-describedby="key-help">
        {endedBecause ? <p className="notice info" role="status">{endedBecause}</p> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <label htmlFor="api-key">API key</label>
        <input id="api-key" name="api-key" type="password" autoComplete="off" spellCheck={false} required placeholder="sb_…" value={key} onChange={(e) => setKey(e.target.value)} />
        <small id="key-help" className="muted">
          The key stays in this browser tab only (session storage) and is sent to this server alone. Closing the tab signs you out.
          What the key's scopes do not allow is hidden or disabled.
        </small>
        <button type="submit" className="primary" disabled={busy || !key.trim()}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
