export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
export const short = (id: string | null | undefined) => (id ? `${id.slice(0, 8)}…` : '—');
