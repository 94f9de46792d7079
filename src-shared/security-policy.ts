/**
 * The Content-Security-Policy both hosts send with the renderer: only the app's own scripts,
 * styles, images and fonts; no inline script, no eval, no remote connection, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The videos of La Transfo's prototypes, played from the bytes the core hands over.
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * What the page may ask the browser for: the camera for the app's own origin only (the Citizen
 * Card check-in reads QR codes; the screen turns it on only when asked), nothing else.
 */
export const PERMISSIONS_POLICY = ['camera=(self)', 'microphone=()', 'geolocation=()', 'display-capture=()', 'usb=()', 'serial=()', 'bluetooth=()', 'payment=()'].join(', ');

/**
 * The headers both hosts send with every answer: the policies above, no sniffing, no referrer,
 * no framing, no cross-origin use.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': PERMISSIONS_POLICY,
};
