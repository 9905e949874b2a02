/**
 * The Content-Security-Policy for every page Ombud serves (Electron security checklist item 7,
 * "Define a Content Security Policy"). One constant, sent as a response header by the app://
 * protocol, the session hardening, the preview server and the e2e harness, so what the tests run
 * under is what the adviser runs under. No 'unsafe-inline', no 'unsafe-eval', no remote origins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every served file besides the CSP: no MIME sniffing, no referrer, no framing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
