import { Link } from 'wouter';
import { PageHeader } from '../components/layout.tsx';

export function NotFound() {
  return (
    <>
      <PageHeader title="No such page" />
      <p>Go to the <Link href="/numbers">numbers</Link>.</p>
    </>
  );
}

/** A page whose API this server does not have yet (see features.ts). */
export function NotYet({ what }: { what: string }) {
  return (
    <>
      <PageHeader title={what} />
      <p className="notice info">{what} is not available on this server yet.</p>
    </>
  );
}
