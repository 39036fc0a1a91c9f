/**
 * Who may talk to the review server, and how a page elsewhere is kept from acting through the reviewer's
 * browser.
 *
 * - On a loopback address (the default), only requests addressed to it by name (`Host: 127.0.0.1:<port>`,
 *   `localhost:<port>`, `[::1]:<port>`) are answered: a page on another site cannot reach the server through
 *   DNS rebinding.
 * - On any other address (`--host`), every request needs the server's random token: from the link it printed
 *   (`/?token=…`, which sets an HttpOnly, SameSite=Strict cookie and redirects the token out of the address
 *   bar), the cookie, or the `X-Jixiao-Token` header. None: 401; a wrong one: 403.
 * - Every state change is a POST with `Content-Type: application/json` and the `X-Jixiao-Token` header (the
 *   page reads the token from its own HTML, which another site cannot read), from the same origin when the
 *   browser says (`Origin`, `Sec-Fetch-Site`). An HTML form can send none of that, and a script on another
 *   site cannot send the header without a CORS preflight, which this server never grants.
 * - Responses may not be framed, embedded by other sites, or sniffed; the page runs only its own scripts.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const TOKEN_HEADER = 'X-Jixiao-Token';
export const TOKEN_COOKIE = 'jixiao_token';

/** A token that cannot be guessed: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `host` (as given to `--host`) is a loopback address, reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export interface AccessRules {
  token: string;
  /** Require the token on every request (a server on a non-loopback address). */
  requireToken: boolean;
  /**
   * The `Host` values answered (lower case, with the port); null answers any (with `requireToken`, the token
   * is what keeps others out). Set once the server knows its port.
   */
  allowedHosts: Set<string> | null;
}

/** The `Host` names a loopback server on `port` is reached by. */
export function loopbackHosts(host: string, port: number): Set<string> {
  const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  names.add(`${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`.toLowerCase());
  return names;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const deny = (c: Context, status: 401 | 403 | 405 | 415, message: string) => c.json({ error: message }, status);

/** The middleware that applies `rules` to every request, before any route. */
export function accessControl(rules: AccessRules): MiddlewareHandler {
  return async (c, next) => {
    setSecurityHeaders(c);
    const url = new URL(c.req.url);
    const host = (c.req.header('host') ?? url.host).toLowerCase();
    if (rules.allowedHosts && !rules.allowedHosts.has(host)) {
      return deny(c, 403, `Expected a request addressed to ${[...rules.allowedHosts][0]}, got Host: ${host.slice(0, 100)}`);
    }
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return deny(c, 405, `Expected GET or POST, got ${method}`);

    if (rules.requireToken) {
      const fromLink = method === 'GET' && url.pathname === '/' ? (url.searchParams.get('token') ?? undefined) : undefined;
      if (fromLink !== undefined) {
        if (!sameToken(fromLink, rules.token)) return deny(c, 403, 'Expected the token printed by jixiao review, got another');
        setCookie(c, TOKEN_COOKIE, rules.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        // The token leaves the address bar (and the history) once it is in the cookie.
        return c.redirect('/', 303);
      }
      const given = c.req.header(TOKEN_HEADER) ?? getCookie(c, TOKEN_COOKIE);
      if (given === undefined) return deny(c, 401, `Expected the token (the link jixiao review printed, or the ${TOKEN_HEADER} header), got none`);
      if (!sameToken(given, rules.token)) return deny(c, 403, 'Expected the token printed by jixiao review, got another');
    }

    if (method === 'POST') {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return deny(c, 415, `Expected Content-Type: application/json, got ${type || 'none'}`);
      if (!sameToken(c.req.header(TOKEN_HEADER), rules.token)) return deny(c, 403, `Expected the ${TOKEN_HEADER} header of the review page, got ${c.req.header(TOKEN_HEADER) ? 'another' : 'none'}`);
      const origin = c.req.header('origin');
      if (origin !== undefined && origin.toLowerCase() !== `${url.protocol}//${host}`) return deny(c, 403, `Expected a request from ${url.protocol}//${host}, got one from ${origin.slice(0, 100)}`);
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return deny(c, 403, `Expected a request from the review page, got one from a ${site} page`);
    }
    await next();
  };
}

function setSecurityHeaders(c: Context): void {
  c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
}
