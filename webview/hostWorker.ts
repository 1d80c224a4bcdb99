/**
 * Lets the next webview start without waiting on this one's service worker.
 *
 * VS Code's webview host page (its `pre/index.html`) registers a service worker whose script URL carries the
 * webview's own id, so every new webview replaces the worker of the one before it when the two share an origin: in
 * code-server all webviews do, in VS Code desktop all panels of one view type do. That replacement costs about a
 * second: the old worker has just handled the new host page's navigation, so it is busy, and Chromium activates its
 * successor one second after it stops (ServiceWorkerRegistration::ActivateWaitingVersion, `delay`); the host page
 * shows nothing until then (measured in code-server: its state goes from activating to activated 1.00 s apart at every
 * reopening). With no registration left behind, the next webview registers afresh and is activated at once, as the
 * window's first webview is.
 *
 * So once a page has rendered, it unregisters the worker that VS Code registered for it. The page keeps it: a registration
 * taken away still serves the pages it controls until they close (Service Workers, Unregister), and it is gone from
 * the origin once the last of them closes. It is left alone when it is not this page's (another webview's took its
 * place) or while another webview's worker is installing or waiting: that webview is starting and needs it.
 */

/** The parts of `navigator.serviceWorker` this uses. */
export interface ServiceWorkerRegistry {
  getRegistration(): Promise<HostWorkerRegistration | undefined>;
}

export interface HostWorkerRegistration {
  readonly active: { readonly scriptURL: string } | null;
  readonly installing: unknown;
  readonly waiting: unknown;
  unregister(): Promise<boolean>;
}

/**
 * Unregisters VS Code's service worker for the webview at `pageUrl` (the host page's address, `?id=` naming the
 * webview) when it is that webview's and no other webview's worker is on its way in; says whether it did.
 */
export async function releaseHostWorker(registry: ServiceWorkerRegistry, pageUrl: string): Promise<boolean> {
  const registration = await registry.getRegistration();
  if (!registration?.active || registration.installing || registration.waiting) return false;
  const worker = new URL(registration.active.scriptURL);
  const webviewId = new URL(pageUrl).searchParams.get('id');
  if (!worker.pathname.endsWith('/service-worker.js') || webviewId === null || worker.searchParams.get('id') !== webviewId) return false;
  return registration.unregister();
}

let released = false;

/**
 * Releases this page's worker the first time it is called (both pages call it after their first render, to take
 * nothing from it). Where the page has no service workers there is nothing to release; a failure only leaves the next
 * opening as slow as it was, and no one could act on a message.
 */
export function releaseHostWorkerOnce(): void {
  if (released || !('serviceWorker' in navigator)) return;
  released = true;
  releaseHostWorker(navigator.serviceWorker, location.href).catch(() => undefined);
}
