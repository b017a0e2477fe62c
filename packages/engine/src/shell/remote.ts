/**
 * One URL test and one scp-style remote parser (issue 11, item 8), for every place that must
 * tell a URL or a remote (`git@github.com:a/b`, `host:path`) from a path or `rev:path`.
 */
const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isUrl(a: string): boolean {
  return URL_RE.test(a);
}

export interface ScpRemote {
  user: string | undefined;
  host: string;
  path: string;
}

/** `[user@]host:path` as scp, rsync and git read it; not `./a:b`, `/a:b`, `~/a:b` or a URL. */
export function scpRemote(a: string): ScpRemote | undefined {
  if (a.startsWith("/") || a.startsWith(".") || a.startsWith("~") || isUrl(a)) return undefined;
  const m = /^(?:([^@/:]+)@)?(\[[^\]]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):(.*)$/s.exec(a);
  if (!m?.[2]) return undefined;
  return { user: m[1], host: m[2], path: m[3] ?? "" };
}
