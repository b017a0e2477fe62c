/** What replaces a secret. Idempotent: redacting a redacted string changes nothing. */
export const redactedMarker = "[REDACTED]";
const R = redactedMarker;

/** Words that, ending a key, flag or header name, mark its value as a secret. */
const secretWord =
  "(?:password|passwd|passphrase|token|secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret|credentials?)";

/**
 * A value: quoted, or one shell word. `$VAR` references are not secrets and stay readable;
 * an already redacted value is left alone so that redaction is idempotent.
 */
const value = `(?!["']?(?:\\$|\\[REDACTED\\]))("[^"\\r\\n]*"|'[^'\\r\\n]*'|[^\\s"'&;|,)}\\]]+)`;

/** Replaces a captured value, keeping its quotes. */
function quoted(head: string, found: string): string {
  const q = found[0] === '"' || found[0] === "'" ? found[0] : "";
  return `${head}${q}${R}${q}`;
}

interface Pattern {
  name: string;
  regex: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

/**
 * Ordered: whole-block and structured patterns first, so a PEM body or a header value is
 * replaced as a unit before the token patterns look inside it.
 */
export const patterns: Pattern[] = [
  {
    name: "pem-block",
    // An unterminated block (a truncated heredoc) is redacted to the end of the string.
    regex: /(-----BEGIN ([A-Z0-9 ]+)-----)[\s\S]*?(?:-----END \2-----|$)/g,
    replace: (_m, begin: string, label: string) => `${begin}${R}-----END ${label}-----`,
  },
  {
    name: "authorization-header",
    // Keeps the scheme (Bearer, Basic, token) readable; redacts the credentials.
    regex:
      /\b((?:proxy-)?authorization\s*:(?!\s*(?:\w+\s+)?\[REDACTED\])\s*)(?:(bearer|basic|token|digest|negotiate|aws4-hmac-sha256)\s+|(?!(?:bearer|basic|token|digest|negotiate|aws4-hmac-sha256)\s))(?!\$)[^\s"'\r\n]+/gi,
    replace: (_m, head: string, scheme: string | undefined) =>
      `${head}${scheme ? `${scheme} ` : ""}${R}`,
  },
  {
    name: "cookie-header",
    // Cookie values hold spaces and semicolons: redact to the end of the quoted value or line.
    regex: /\b((?:set-)?cookie\s*:(?!\s*\[REDACTED\])\s*)[^"'\r\n]+/gi,
    replace: (_m, head: string) => `${head}${R}`,
  },
  {
    name: "cookie-flag",
    regex: new RegExp(`(--cookie(?:=|\\s+))${value}`, "g"),
    replace: (_m, head: string, found: string) => quoted(head, found),
  },
  {
    name: "bearer-token",
    regex: /\b(bearer\s+)(?!\[REDACTED\]|\$)[A-Za-z0-9\-._~+/]+=*/gi,
    replace: (_m, head: string) => `${head}${R}`,
  },
  {
    name: "url-credentials",
    // The scheme starts where a run of scheme characters starts (not at every `\b` inside
    // one): one attempt per run keeps a 20 KiB `a-a-a-…` linear instead of quadratic.
    regex: /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^/\s:@"']*:)(?!\[REDACTED\]@)[^/\s@"']+@/gi,
    replace: (_m, head: string) => `${head}${R}@`,
  },
  {
    name: "key-value",
    // `password=x`, `GITHUB_TOKEN=x`, `"secret": "x"`, `X-Api-Key: x`, `?access_token=x&…`.
    // A key is tried from the start of its run of key characters only (the lookbehind), so a
    // long run without `=` costs linear time, not quadratic.
    regex: new RegExp(
      `(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]*?${secretWord}["']?\\s*[=:]\\s*)${value}`,
      "gi",
    ),
    replace: (_m, head: string, found: string) => quoted(head, found),
  },
  {
    name: "secret-flag",
    // `--password hunter2`, `--api-key x`; a following flag (`--no-password -d db`) is not a value.
    regex: new RegExp(`(?<![\\w-])(--?(?:[A-Za-z0-9]+-)*${secretWord}\\s+)(?!-)${value}`, "gi"),
    replace: (_m, head: string, found: string) => quoted(head, found),
  },
  {
    name: "aws-configure",
    // Not `$AWS_SECRET_ACCESS_KEY | wc` (a reference, then a pipe): a value is a plain word.
    regex:
      /(?<![$\w])((?:aws_secret_access_key|aws_session_token)\s+)(?!\[REDACTED\]|[|&;<>()$])[^\s"'|&;<>()]+/gi,
    replace: (_m, head: string) => `${head}${R}`,
  },
  {
    name: "openssl-pass",
    regex: /(-pass(?:in|out)?\s+pass:)(?!\[REDACTED\])[^\s"']+/g,
    replace: (_m, head: string) => `${head}${R}`,
  },
  // Well-known token formats, wherever they appear; the prefix stays to say what it was.
  {
    name: "aws-access-key-id",
    regex: /\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "github-token",
    regex: /\b(gh[pousr]_)[A-Za-z0-9]{30,255}\b/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "github-fine-grained-token",
    regex: /\b(github_pat_)[A-Za-z0-9_]{22,255}\b/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "npm-token",
    regex: /\b(npm_)[A-Za-z0-9]{36}\b/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "slack-token",
    regex: /\b(xox[abposr]-)[A-Za-z0-9-]{10,}/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "api-secret-key",
    // Anthropic, OpenAI and Stripe secret keys.
    regex: /\b(sk-ant-|sk-proj-|sk_live_|rk_live_|sk_test_|rk_test_|sk-)[A-Za-z0-9_-]{20,}/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "gitlab-token",
    regex: /\b(glpat-)[A-Za-z0-9_-]{20,}/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "huggingface-token",
    regex: /\b(hf_)[A-Za-z0-9]{30,}\b/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "google-api-key",
    regex: /\b(AIza)[0-9A-Za-z_-]{35}\b/g,
    replace: (_m, prefix: string) => `${prefix}${R}`,
  },
  {
    name: "jwt",
    regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    replace: () => R,
  },
];

/**
 * Options whose meaning depends on the command: `-pSECRET` is a password only to the MySQL
 * family (to most commands `-p` is a port, a path or a flag), `-u user:pass` only to curl and
 * its kind (`docker run -u 1000:1000` is a uid). Each applies inside the simple command that
 * starts at one of its command words, up to the next `;`, `&`, `|` or newline.
 */
interface Scoped {
  name: string;
  /** Global: the command words (a word boundary before, a space after). */
  commands: RegExp;
  option: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const scopedValue = `(?!\\[REDACTED\\])("[^"\\r\\n]*"|'[^'\\r\\n]*'|[^\\s"'&;|]+)`;

const scoped: Scoped[] = [
  {
    name: "mysql-p",
    // `mysql -phunter2`, `mysqldump -p'x y'`; `-p` alone (prompt) and `-P3306` (port) stay.
    commands:
      /(?<![\w./-])(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mysqlbinlog|mariadb(?:-[a-z]+)?)(?=\s)/g,
    option: new RegExp(`(\\s-p)${scopedValue}`, "g"),
    replace: (_m, head: string, found: string) => quoted(head, found),
  },
  {
    name: "sshpass-p",
    commands: /(?<![\w./-])sshpass(?=\s)/g,
    option: new RegExp(`(\\s-p\\s*)${scopedValue}`, "g"),
    replace: (_m, head: string, found: string) => quoted(head, found),
  },
  {
    name: "registry-login-p",
    // `docker login -u ann -p secret registry` (also podman, nerdctl, buildah, skopeo).
    commands: /(?<![\w./-])(?:docker|podman|nerdctl|buildah|skopeo)\s+login(?=\s)/g,
    option: new RegExp(`(\\s-p\\s+)${scopedValue}`, "g"),
    replace: (_m, head: string, found: string) => quoted(head, found),
  },
  {
    name: "user-password",
    // `curl -u user:pass`, `--user=user:pass`, `-U` / `--proxy-user`, httpie `-a` / `--auth`:
    // the user stays, the password goes.
    commands: /(?<![\w./-])(?:curl|wget|http|https|xh|httpie)(?=\s)/g,
    option:
      /(\s(?:-u|-U|-a|--user|--proxy-user|--auth)(?:\s+|=)?["']?[^\s:"'@]*:)(?!\[REDACTED\])[^\s"']+/g,
    replace: (_m, head: string) => `${head}${R}`,
  },
];

const separator = /[;&|\n]/g;

/** Applies `rule.option` inside every simple command `rule.commands` starts. Linear time. */
function applyScoped(text: string, rule: Scoped): string {
  let out = "";
  let pos = 0;
  rule.commands.lastIndex = 0;
  for (let m = rule.commands.exec(text); m !== null; m = rule.commands.exec(text)) {
    const from = m.index + m[0].length;
    separator.lastIndex = from;
    const end = separator.exec(text)?.index ?? text.length;
    rule.option.lastIndex = 0;
    out +=
      text.slice(pos, from) +
      text
        .slice(from, end)
        .replace(rule.option, rule.replace as (m: string, ...g: unknown[]) => string);
    pos = end;
    rule.commands.lastIndex = end;
  }
  return pos === 0 ? text : out + text.slice(pos);
}

/** The names of the patterns, in the order they apply (for the README and tests). */
export const redactionPatterns: readonly string[] = [
  ...patterns.map((p) => p.name),
  ...scoped.map((p) => p.name),
];

/**
 * Replaces secrets in a command line, URL, path or reason with `[REDACTED]`, keeping the
 * key, flag, header or token prefix so a reader still sees what was there. Biased toward
 * redacting: a false positive costs a little forensic detail, a false negative leaks a
 * credential into a file that is kept forever.
 */
export function redact(text: string): string {
  let out = text;
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    out = out.replace(pattern.regex, pattern.replace as (m: string, ...g: unknown[]) => string);
  }
  for (const rule of scoped) out = applyScoped(out, rule);
  return out;
}
