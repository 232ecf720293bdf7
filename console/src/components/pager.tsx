// Cursor paging: the server gives next_cursor; the pages seen so far are kept as a stack of
// cursors, so Previous needs no server support and any page costs one indexed query, however
// many objects the workspace holds.
import { useCallback, useState } from 'react';

export function useCursor(resetOn: unknown) {
  const [state, setState] = useState<{ key: unknown; stack: (string | null)[] }>({ key: resetOn, stack: [null] });
  // A change of filters starts again at the first page.
  const stack = Object.is(state.key, resetOn) ? state.stack : [null];
  const cursor = stack[stack.length - 1] ?? null;
  const next = useCallback((c: string) => setState({ key: resetOn, stack: [...stack, c] }), [resetOn, stack]);
  const previous = useCallback(() => setState({ key: resetOn, stack: stack.slice(0, -1) }), [resetOn, stack]);
  return { cursor, page: stack.length, next, previous, hasPrevious: stack.length > 1 };
}

export function Pager({ page, hasPrevious, nextCursor, onPrevious, onNext, busy }: {
  page: number;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  busy?: boolean;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={!hasPrevious || busy} onClick={onPrevious}>Previous</button>
      <span aria-live="polite">Page {page}</span>
      <button type="button" disabled={!nextCursor || busy} onClick={() => nextCursor && onNext(nextCursor)}>Next</button>
    </nav>
  );
}
