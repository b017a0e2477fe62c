import { baselineIgnore } from "../../src/baseline.js";
import type { ContainsContext } from "../../src/contains.js";
import { IgnoreDomain } from "../../src/domain.js";
import { nodeFileSystem } from "../../src/file-system.js";
import { IgnoreRules } from "../../src/gitignore/rules.js";
import { IdentityIndex } from "../../src/identity.js";
import { pathKey, relativeWithin } from "../../src/keys.js";

/** The context scope.ts builds for a project domain, from the same parts. */
export function contextFor(root: string, top: string[] | undefined, caseSensitive: boolean) {
  const readRules = (text: string) => IgnoreRules.fromText(text, !caseSensitive);
  const rules =
    top === undefined
      ? new IgnoreRules([...baselineIgnore], !caseSensitive)
      : readRules(top.join("\n"));
  const key = (p: string) => pathKey(p, caseSensitive);
  const domain = new IgnoreDomain(
    [{ path: root, key: key(root) }],
    rules,
    undefined,
    nodeFileSystem,
    readRules,
  );
  const identity = new IdentityIndex({
    fs: nodeFileSystem,
    files: () => [],
    folders: [],
    trees: [
      {
        path: root,
        kindOf: (rel) => (domain.ignores(rel, false) ? "ignored" : undefined),
        folderIgnored: (rel) => domain.ignores(rel, true),
      },
    ],
  });
  const context: ContainsContext = {
    fs: nodeFileSystem,
    ignoredRelative: (rel, isDirectory) => domain.ignores(rel, isDirectory),
    canMatchBelow: (rel) => domain.canMatchBelow(rel),
    relativeOfReal: (real) => relativeWithin(domain.realKey, key(real), real),
    key,
    sameAsIgnored: (real) => {
      const stat = nodeFileSystem.stat?.(real);
      if (stat === undefined || stat.kind !== "file" || stat.nlink < 2) return false;
      const found = identity.lookup(stat);
      return found === "unknown" || found?.kind === "ignored" || found?.kind === "credential";
    },
    identityStats: () => identity.stats(),
    maxMilliseconds: Number.POSITIVE_INFINITY,
  };
  return { context, domain };
}
