// An API error in plain words: what failed, why, and the request id to quote. A 403 says which
// scope the key lacks; a 412 says someone else changed the object first.
import { SwitchboardError } from '@switchboard/sdk';

export function describe(error: unknown): { title: string; text: string; requestId: string | null } {
  if (error instanceof SwitchboardError) {
    const requestId = error.request_id;
    switch (error.status) {
      case 403:
        return { title: 'Not allowed with this key', text: error.message, requestId };
      case 404:
        return { title: 'Not found', text: error.message, requestId };
      case 412:
        return { title: 'Changed by someone else', text: 'This object changed since you opened it. Reload it to see the latest, then make your change again.', requestId };
      case 429:
        return { title: 'Too many requests', text: `The server asks to wait${error.retry_after ? ` ${error.retry_after} s` : ''} before trying again.`, requestId };
      case 0:
        return { title: 'No answer from the server', text: error.message, requestId };
      default:
        return { title: error.status >= 500 ? 'The server failed' : 'The request was refused', text: error.message, requestId };
    }
  }
  return { title: 'Something went wrong', text: error instanceof Error ? error.message : String(error), requestId: null };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const { title, text, requestId } = describe(error);
  const status = error instanceof SwitchboardError ? error.status : undefined;
  return (
    <div className="notice error" role="alert" data-status={status}>
      <strong>{title}{status ? ` (${status})` : ''}</strong>
      <p>{text}</p>
      {requestId ? <p className="muted">Request id <code>{requestId}</code></p> : null}
      {onRetry ? <button type="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}

/** Why a control is disabled: the scope the key lacks. */
export function NeedsScope({ scope, what }: { scope: string; what: string }) {
  return <p className="notice info" role="note">This key cannot {what}: it needs the <code>{scope}</code> scope.</p>;
}
