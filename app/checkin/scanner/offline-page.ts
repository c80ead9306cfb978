// Registers public/scanner-sw.js so the scanner page can be reopened without a network, and hands it the
// page and the assets it was built from (they loaded before the worker controlled the page).

export async function keepScannerPageOffline(): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register("/scanner-sw.js", { scope: "/conferences/" });
    const registration = await navigator.serviceWorker.ready;
    const assets = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => new URL(u).origin === location.origin && new URL(u).pathname.startsWith("/assets/"));
    const links = [
      ...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="stylesheet"]'),
    ].map((l) => l.href);
    registration.active?.postMessage({
      type: "scanner-cache",
      urls: [location.href, ...new Set([...assets, ...links])],
    });
  } catch {
    // Without the worker the page still works; it just cannot be reloaded offline.
  }
}

/** Asks the service worker to drop its copies of scanner pages (each embeds a credential that no longer works). */
export async function forgetScannerPages(): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration("/conferences/");
    registration?.active?.postMessage({ type: "scanner-forget" });
  } catch {
    // Nothing cached, or no worker.
  }
}

/** Removes the scanner's service worker and its caches from this device (at logout). */
export async function removeScannerWorker(): Promise<void> {
  try {
    if (typeof caches !== "undefined")
      for (const name of await caches.keys()) if (name.startsWith("hoinghi-scanner")) await caches.delete(name);
    if (typeof navigator !== "undefined" && "serviceWorker" in navigator) {
      for (const r of await navigator.serviceWorker.getRegistrations())
        if (new URL(r.scope).pathname.startsWith("/conferences/")) await r.unregister();
    }
  } catch {
    // Best effort: the logout response's Clear-Site-Data header asks the browser for the same.
  }
}
