// A modal on the native <dialog>: focus moves into it, Escape closes it, the page behind is inert.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="dialog-title" onClose={onClose}>
      <h2 id="dialog-title">{title}</h2>
      {open ? children : null}
    </dialog>
  );
}

/** A secret the API shows once: copy it now. */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  return (
    <div className="secret">
      <label>
        {label}
        <input readOnly value={secret} onFocus={(e) => e.currentTarget.select()} data-secret="" />
      </label>
      <p className="muted">Shown this once: store it now. Switchboard keeps only a hash or an encrypted copy.</p>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>Copy</button>
    </div>
  );
}
