"use client";
// The foot of a paged admin list: how many rows are shown and "Load more".
type Props = {
  shown: number;
  noun: [one: string, many: string];
  more: boolean;
  pending: boolean;
  error: string | null;
  onMore: () => void;
};

export function LoadMore({ shown, noun, more, pending, error, onMore }: Props) {
  return (
    <div className="list-foot">
      <span className="muted">
        {shown} {shown === 1 ? noun[0] : noun[1]}
        {more ? " shown, more to load" : ""}
      </span>
      {more && (
        <button className="btn-ghost btn-small" type="button" disabled={pending} onClick={onMore}>
          {pending ? "Loading…" : "Load more"}
        </button>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
