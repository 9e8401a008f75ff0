// A process-wide signal that public pages changed. `invalidate()` (lib/cache.ts) raises it after
// every write; scripts/server.ts listens and drops its response cache. The listeners live on
// globalThis because the server script and the Next.js bundles load separate copies of this module.
type Listener = () => void;

const KEY = Symbol.for("atrium.page-change-listeners");
const registry = globalThis as typeof globalThis & { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
  return (registry[KEY] ??= new Set());
}

export function onPageChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function signalPageChange() {
  for (const listener of listeners()) listener();
}
