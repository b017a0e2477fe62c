import { domainToASCII } from "node:url";

export type DomainPattern =
  | { kind: "exact"; source: string; host: string }
  | { kind: "subdomains"; source: string; suffix: string };

/** Lower-case, trailing dot dropped, internationalised names in their ASCII (punycode) form. */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.endsWith(".")) h = h.slice(0, -1);
  if (h.startsWith("[")) return h;
  const ascii = domainToASCII(h);
  return ascii === "" ? h : ascii;
}

/** `*.example.com` matches any subdomain of example.com, never example.com itself. */
export function compileDomainPattern(pattern: string): DomainPattern {
  if (pattern.startsWith("*.")) {
    return { kind: "subdomains", source: pattern, suffix: `.${normaliseHost(pattern.slice(2))}` };
  }
  return { kind: "exact", source: pattern, host: normaliseHost(pattern) };
}

/** Never a suffix match for an exact name: `api.github.com.evil.net` is not `api.github.com`. */
export function matchesDomain(pattern: DomainPattern, host: string): boolean {
  if (pattern.kind === "exact") return host === pattern.host;
  return host.length > pattern.suffix.length && host.endsWith(pattern.suffix);
}

/**
 * The host a URL reaches, through the WHATWG URL parser (so `user@host`, backslashes and
 * percent-encoding are read the way fetch reads them). A scheme-less target (`example.com/x`,
 * an ssh `host`) is read as if it had one. Undefined when there is no host.
 */
export function hostOf(url: string): string | undefined {
  const scp = /^[^@/:]+@([^:/]+):/u.exec(url);
  if (scp?.[1] !== undefined) return normaliseHost(scp[1]);
  const candidates = url.includes("://") ? [url] : [url, `https://${url}`];
  for (const candidate of candidates) {
    try {
      const parsed = new URL(candidate);
      if (parsed.hostname !== "") return normaliseHost(parsed.hostname);
    } catch {
      // not a URL in this form; try the next
    }
  }
  return undefined;
}
