// What a signed-in user sees on an admin page their role may not open.
export function ForbiddenNotice({ who }: { who: string }) {
  return (
    <div className="panel forbidden" role="alert" data-status="403">
      <h2>403 · Not allowed</h2>
      <p className="muted">This page is open to {who} only. Ask an admin if you need access.</p>
    </div>
  );
}
