/**
 * `file://` URLs are reads of their path (SPEC section 5, credentials row): a network action to
 * `file:///etc/shadow`, or `curl file://localhost/repo/.env`, reads that file. Parsed by hand,
 * the way curl opens them (percent-decoding, then the kernel resolves `..` physically), not
 * with WHATWG `URL`, which would fold `%2e%2e` and `..` lexically before the scope sees them.
 */

export type FileUrl =
  /** The paths it reads: the path before `?`/`#`, and the whole text when that differs. */
  | { kind: "paths"; paths: string[] }
  /** A file URL nobody can map to a local path: another host, a bad escape, no path. */
  | { kind: "unknown"; reason: string };

const scheme = /^file:/i;

/** Undefined when `url` is not a `file:` URL. */
export function fileUrlOf(url: string): FileUrl | undefined {
  const text = url.trimStart();
  if (!scheme.test(text)) return undefined;
  let rest = text.slice("file:".length);
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const host = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    // Only the local host is this machine (curl takes these two spellings of it); anything
    // else (a share, `user@host`) is not known.
    if (host !== "" && host.toLowerCase() !== "localhost" && host !== "127.0.0.1") {
      return { kind: "unknown", reason: `a file URL on host ${JSON.stringify(host)}` };
    }
    rest = slash === -1 ? "" : rest.slice(slash);
  }
  if (!rest.startsWith("/"))
    return { kind: "unknown", reason: "a file URL without an absolute path" };
  // curl expands `{a,b}` and `[1-9]` in a URL into several: the files read are not the text.
  if (/[{}[\]]/u.test(rest)) {
    return { kind: "unknown", reason: "a file URL with a {…} or […] pattern (curl expands it)" };
  }
  const cut = rest.search(/[?#]/u);
  const written = cut === -1 ? [rest] : [rest.slice(0, cut), rest];
  const paths: string[] = [];
  for (const one of written) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(one);
    } catch {
      return { kind: "unknown", reason: "a file URL with a malformed %-escape" };
    }
    if (!paths.includes(decoded)) paths.push(decoded);
  }
  return { kind: "paths", paths };
}
