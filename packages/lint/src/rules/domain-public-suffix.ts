import { docsUrl, type RuleModule } from "../rule.js";

const id = "domain-public-suffix";

/**
 * Public suffixes under which anyone can get a name: the second-level suffixes of the largest
 * country domains, and hosting platforms that give every customer a subdomain. A small built-in
 * list instead of the full Public Suffix List (a large, fast-moving data file): every
 * single-label suffix (`*.com`, `*.dev`) is caught without a list, and these are the common
 * multi-label ones a policy author is likely to write.
 */
export const publicSuffixes: ReadonlySet<string> = new Set([
  // country second levels
  ...["co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk"],
  ...["com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "org.nz", "net.nz"],
  ...["co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "ne.kr"],
  ...["com.cn", "net.cn", "org.cn", "com.hk", "com.tw", "com.sg", "com.my", "co.id"],
  ...["co.in", "net.in", "org.in", "firm.in", "gen.in", "co.il", "org.il", "co.th"],
  ...["com.br", "net.br", "org.br", "com.ar", "com.mx", "com.co", "com.pe", "com.ve"],
  ...["co.za", "org.za", "com.ng", "com.eg", "co.ke", "com.tr", "com.ua", "com.pl"],
  ...["com.ru", "org.ru", "net.ru", "com.es", "co.at", "or.at", "co.hu", "com.gr"],
  // platforms where anyone can publish under a shared domain
  ...["github.io", "gitlab.io", "pages.dev", "workers.dev", "vercel.app", "netlify.app"],
  ...["herokuapp.com", "appspot.com", "web.app", "firebaseapp.com", "azurewebsites.net"],
  ...["cloudfront.net", "s3.amazonaws.com", "blogspot.com", "glitch.me", "onrender.com"],
  ...["fly.dev", "ngrok.io", "ngrok-free.app", "trycloudflare.com", "repl.co", "surge.sh"],
]);

/** Single labels that name no public registry: a wildcard over one is a private network's. */
const privateLabels: ReadonlySet<string> = new Set([
  "local",
  "localhost",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "private",
  "test",
  "example",
  "invalid",
]);

/** The suffix a `*.` pattern spans when it is public, else undefined. */
export function publicSuffixOf(pattern: string): string | undefined {
  const p = pattern.trim().toLowerCase().replace(/\.$/u, "");
  if (!p.startsWith("*.")) return undefined;
  const suffix = p.slice(2);
  if (suffix === "" || suffix.includes("*")) return undefined;
  if (!suffix.includes(".")) return privateLabels.has(suffix) ? undefined : suffix;
  return publicSuffixes.has(suffix) ? suffix : undefined;
}

export const domainPublicSuffix: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "An approve rule whose `domains` pattern spans a public suffix (`*.com`, `*.co.uk`, `*.github.io`).",
    rationale:
      "Anyone can register a name under a public suffix, so such a pattern approves network access to hosts an attacker controls: one `curl` to `evil.com` and the project's secrets are gone. Name the hosts (`api.github.com`) or a domain you own (`*.example.com`).",
    docs: docsUrl(id),
  },
  check(context) {
    const rules = context.policy?.rules ?? [];
    rules.forEach((rule, index) => {
      if (rule.verdict !== "approve") return;
      rule.domains?.forEach((pattern, n) => {
        const suffix = publicSuffixOf(pattern);
        if (suffix === undefined) return;
        context.report({
          message: `rule "${rule.id}" approves every host under the public suffix ".${suffix}" through "${pattern}", names anyone can register: name the hosts it is meant for`,
          at: { file: "policy", path: ["rules", index, "domains", n] },
        });
      });
    });
  },
};
