/**
 * Focus an element that a section renders only after its data has arrived (a request, a henstilling
 * the closing check points at): now if it is there, else as soon as it appears. Gives up when the
 * returned function is called (the adviser moved on) or after a minute.
 */
export function focusWhenPresent(id: string): () => void {
  const now = document.getElementById(id);
  if (now) { now.focus(); return () => undefined; }
  const observer = new MutationObserver(() => {
    const el = document.getElementById(id);
    if (el) { stop(); el.focus(); }
  });
  const timer = window.setTimeout(() => stop(), 60_000);
  function stop() { observer.disconnect(); window.clearTimeout(timer); }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
