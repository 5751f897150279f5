/**
 * The Content-Security-Policy of the renderer. No 'unsafe-eval' and no remote origins: the app
 * is offline and everything it shows is bundled. Inline styles stay allowed because
 * Observable Plot and React write style attributes.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Response headers with our CSP added. A policy the response already carried is kept: several
 * policies are all enforced, so adding ours can only tighten what is allowed.
 */
export function withCsp(headers: Record<string, string | string[]> = {}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value : [value];
  const key = Object.keys(out).find((name) => name.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy';
  out[key] = [...(out[key] ?? []), CSP];
  return out;
}
