import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: nothing may be fetched, framed or posted off-origin. Styles may be
 * inline (React Flow and CodeMirror set them at run time); scripts may not, nor `eval`. Images may be `data:`/`blob:`
 * (the PNG export draws the canvas into one); workers come from the app's own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Adds the policy as a `<meta http-equiv>` tag to the built page (not to the dev server, whose hot reload needs inline scripts). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'netpol-canvas:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}
