import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCommandPattern, matchesCommand } from "../../src/pipeline/rules/commands.js";
import { compileDomainPattern, hostOf, matchesDomain } from "../../src/pipeline/rules/domains.js";
import { compileToolPattern, matchesTool } from "../../src/pipeline/rules/tools.js";

const cmd = (pattern: string, line: string) =>
  matchesCommand(compileCommandPattern(pattern), line.split(" "));

describe("commands matcher", () => {
  it.each([
    ["npm run test", "npm run test -- --watch", true],
    ["npm run test", "npm run test", true],
    ["npm run test", "npm run testing", false],
    ["npm run test", "npm run", false],
    ["npm run test*", "npm run test:unit", true],
    ["npm run test*", "npm run test", true],
    ["npm run test*", "npm run build", false],
    ["npm * test", "npm run test", true],
    ["npm * test", "npm test", false],
    ["git *", "git", false],
    ["git *", "git status", true],
    ["*", "anything", true],
    ["npm", "npx", false],
    ["n?m", "npm", false],
    ["rm -rf", "rm -fr", false],
    ["a.b", "axb", false],
    ["npm run test-*", "npm run test-unit", true],
    ["npm run test-*", "npm run testunit", false],
    ["a-[b]*", "a-[b]c", true],
  ])("%s vs %s → %s", (p, l, want) => {
    expect(cmd(p, l)).toBe(want);
  });

  it("a pattern matches every command that extends it (token prefix)", () => {
    const token = fc.stringMatching(/^[a-z0-9:._-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 4 }),
        fc.array(token, { maxLength: 4 }),
        (p, rest) => {
          expect(matchesCommand(compileCommandPattern(p.join(" ")), [...p, ...rest])).toBe(true);
        },
      ),
    );
  });

  it("a lone * is exactly one token", () => {
    const token = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 5 }), (words) => {
        const pattern = words.map(() => "*").join(" ");
        expect(matchesCommand(compileCommandPattern(pattern), words)).toBe(true);
        expect(matchesCommand(compileCommandPattern(`${pattern} *`), words)).toBe(false);
      }),
    );
  });

  it("regex metacharacters in a pattern are literal", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/[\s*]/.test(s)),
        (s) => {
          expect(matchesCommand(compileCommandPattern(s), [s])).toBe(true);
          expect(matchesCommand(compileCommandPattern(s), [`${s}x`])).toBe(false);
        },
      ),
    );
  });
});

const dom = (pattern: string, url: string) => {
  const host = hostOf(url);
  return host !== undefined && matchesDomain(compileDomainPattern(pattern), host);
};

describe("domains matcher", () => {
  it.each([
    ["api.github.com", "https://api.github.com/repos", true],
    ["api.github.com", "https://API.GitHub.com./x", true],
    ["API.GITHUB.COM.", "https://api.github.com", true],
    ["api.github.com", "https://api.github.com.evil.net/", false],
    ["api.github.com", "https://evil-api.github.com/", false],
    ["api.github.com", "https://api.github.com@evil.net/", false],
    ["api.github.com", "https://evil.net\\@api.github.com/", false],
    ["api.github.com", "https://evil.net/?u=https://api.github.com", false],
    ["github.com", "https://gist.github.com", false],
    ["*.npmjs.org", "https://registry.npmjs.org/x", true],
    ["*.npmjs.org", "https://a.b.npmjs.org/x", true],
    ["*.npmjs.org", "https://npmjs.org/x", false],
    ["*.npmjs.org", "https://evilnpmjs.org/x", false],
    ["*.npmjs.org", "https://registry.npmjs.org.evil.net/", false],
    ["example.com", "example.com/path", true],
    ["github.com", "git@github.com:org/repo.git", true],
    ["bücher.de", "https://xn--bcher-kva.de/", true],
    ["localhost", "http://localhost:8080/", true],
  ])("%s vs %s → %s", (p, u, want) => {
    expect(dom(p, u)).toBe(want);
  });

  it("an exact name never matches a longer host (no suffix matching)", () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 3 }), label, (parts, extra) => {
        const host = parts.join(".");
        expect(dom(host, `https://${extra}.${host}/`)).toBe(false);
        expect(dom(host, `https://${host}.${extra}/`)).toBe(false);
        expect(dom(host, `https://${host.toUpperCase()}./`)).toBe(true);
        expect(dom(`*.${host}`, `https://${extra}.${host}/`)).toBe(true);
        expect(dom(`*.${host}`, `https://${host}/`)).toBe(false);
      }),
    );
  });
});

describe("tools matcher", () => {
  it.each([
    ["mcp__github__*", "mcp__github__create_issue", true],
    ["mcp__github__*", "mcp__gitlab__x", false],
    ["mcp__github__*", "MCP__GITHUB__X", false],
    // Modelled tools never match a `tools` pattern, whatever it says (SPEC section 2).
    ["Bash", "Bash", false],
    ["Bash", "BashOutput", false],
    ["Web?etch", "WebFetch", false],
    ["?*", "Write", false],
    ["mcp__web?etch", "mcp__webfetch", true],
    ["mcp.x", "mcpax", false],
    // `-` and every other regular-expression character are literal, and compile under `u`.
    ["mcp__github-enterprise__*", "mcp__github-enterprise__get", true],
    ["mcp__brave-search__search", "mcp__brave-search__search", true],
    ["mcp__a-b", "mcp__a\\-b", false],
    ["x[a-z]", "xb", false],
    ["x[a-z]", "x[a-z]", true],
    ["(a|b)+{2}$^\\/", "(a|b)+{2}$^\\/", true],
  ])("%s vs %s → %s", (p, t, want) => {
    expect(matchesTool(compileToolPattern(p), t)).toBe(want);
  });
});
