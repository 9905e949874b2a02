/** What the shell shows while a start-up load runs, and when it failed (with "Prøv igen"). */
export function StartupLoading() {
  return <p className="app-loading" role="status">Henter Ombud …</p>;
}

export function StartupFailed({ message, onRetry }: Readonly<{ message: string; onRetry: () => void }>) {
  return (
    <main className="app-failed">
      <h1>Ombud kunne ikke starte</h1>
      <p role="alert">{message}</p>
      <button type="button" className="button" onClick={onRetry}>Prøv igen</button>
    </main>
  );
}
