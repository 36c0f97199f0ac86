// Previous / next page links for the devices list; the search is kept.
import Link from "next/link";

type Props = { page: number; pageSize: number; total: number; search: string };

function href(page: number, search: string): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/devices?${query}` : "/devices";
}

export function DevicePager({ page, pageSize, total, search }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link className="btn-ghost" href={href(page - 1, search)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="muted">
        {first}–{last} of {total}
      </span>
      {page < pages ? (
        <Link className="btn-ghost" href={href(page + 1, search)} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
