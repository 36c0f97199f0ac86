// Shown while an alert page's data loads (the history's query, an alert's log and deliveries).
export default function AlertsLoading() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted" role="status">
        Loading alerts…
      </p>
    </main>
  );
}
