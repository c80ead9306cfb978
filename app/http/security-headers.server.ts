// Security headers of every response. The production server (scripts/serve.js) sets them on every
// request before any handler runs; app/entry.server.tsx sets them again on HTML documents with the
// document's nonce (so `npm run dev`, which does not go through serve.js, has them on pages too).
import crypto from "node:crypto";

/** A fresh nonce per document: the only inline scripts allowed are the ones Remix and React render with it. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy. Why each source:
 * - script-src 'self' + nonce: the build's /assets and the inline scripts Remix renders (hydration
 *   context, module loader, ScrollRestoration, single-fetch streaming), each carrying the nonce.
 * - style-src 'unsafe-inline': React `style={{…}}` props become style attributes (indentation of
 *   the organisation tree and score grid), and the mail preview's iframe (srcdoc, inherits this
 *   policy) shows e-mail HTML whose styles are inline by necessity. Styles cannot run code; scripts
 *   stay nonce-only.
 * - img-src data: — the outbox's mail preview shows the e-mail's QR code (a cid: part) as a data: URL.
 *   (The scanner's camera preview is a MediaStream in srcObject and its sounds are Web Audio oscillators:
 *   neither is a fetch that CSP governs; charts are inline SVG.)
 * - connect-src 'self' — check-in API, connectivity test (upload/download), fetchers.
 * - worker-src 'self' — the scanner's service worker (public/scanner-sw.js).
 * - frame-src 'self' — the mail preview iframe (srcdoc); nothing else is framed.
 * - frame-ancestors 'none' — no page of the app may be framed (click-jacking of the RSVP and roll-call
 *   buttons); X-Frame-Options: DENY says the same to older browsers.
 * - form-action 'self', base-uri 'none', object-src 'none' — no posting elsewhere, no <base> hijack, no plugins.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Pages reached through a secret in their URL: the link is the credential, so it must not leave in a Referer. */
const TOKEN_PATH = /^\/(i|b|d)\//;

export function isTokenPath(pathname: string): boolean {
  return TOKEN_PATH.test(pathname);
}

/**
 * Every header but the CSP's nonce. `camera=(self)`: the scanner pages read QR codes with the camera;
 * no page needs the microphone, location, payment or USB.
 */
export function securityHeaders(pathname: string, nonce?: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": isTokenPath(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
