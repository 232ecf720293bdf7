// The frame of every signed-in page: a skip link, the nav (entries the key may read), who is
// signed in, and the page. On a narrow screen the nav folds behind a button.
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { NAV } from '../routes.tsx';
import { useSession } from '../session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { me, can, signOut } = useSession();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const entries = NAV.filter((e) => e.enabled && can(e.needs));
  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href="/numbers" className="brand">Switchboard</Link>
        <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="nav" onClick={() => setOpen(!open)}>Menu</button>
        <div className="whoami">
          <span title={`key ${me.api_key.prefix}… (${me.api_key.scopes.join(', ')})`}>
            {me.workspace.name} · {me.api_key.name}
          </span>
          <button type="button" className="link" onClick={() => signOut()}>Sign out</button>
        </div>
      </header>
      <nav id="nav" aria-label="Main" className={open ? 'nav open' : 'nav'}>
        <ul>
          {entries.map((e) => {
            const current = location === e.path || location.startsWith(`${e.path}/`);
            return (
              <li key={e.path}>
                <Link href={e.path} aria-current={current ? 'page' : undefined} onClick={() => setOpen(false)}>{e.label}</Link>
              </li>
            );
          })}
          <li><a href="/docs">API docs</a></li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}

/** A page's title and its actions. */
export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children ? <div className="actions">{children}</div> : null}
    </div>
  );
}
