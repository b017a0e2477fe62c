import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import type { Tier, Verdict } from "../../src/types.js";

/**
 * Issue 12, "Done when": for random lines built from a pool of commands, the verdict of the
 * line is never less severe than the verdict of any of its commands judged alone in the state
 * the earlier commands leave. That state is built for real: the prefix runs under bash in a
 * fresh copy of a small git project (a download is stood in for by a local write, nothing
 * leaves the temp folder), then the command is judged alone there, from the folder bash ended
 * in. The line itself is judged once, in the untouched project.
 */

const base = realpathSync(mkdtempSync(join(tmpdir(), "automode-overlay-prop-")));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const template = join(base, "template");
const files: Record<string, string> = {
  "repo/.claude/policy.json": '{ "version": 1 }\n',
  "repo/.claudeignore": ".env\nsecrets/\nconfig/master.yml\n",
  "repo/.env": "SECRET=1\n",
  "repo/config/master.yml": "key: 1\n",
  "repo/config/app.yml": "app: 1\n",
  "repo/secrets/api.txt": "token\n",
  "repo/src/a.ts": "export {};\n",
  "repo/scripts/ok.sh": "echo ok\n",
  "repo/README.md": "# repo\n",
  "repo/lib/.keep": "",
  "outside/data.txt": "data\n",
  "home/notes.txt": "notes\n",
};
for (const [f, text] of Object.entries(files)) {
  mkdirSync(dirname(join(template, f)), { recursive: true });
  writeFileSync(join(template, f), text);
}
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@t",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@t",
  HOME: join(template, "home"),
};
execFileSync("git", ["init", "-q"], { cwd: join(template, "repo"), env: gitEnv });
execFileSync("git", ["add", "-A"], { cwd: join(template, "repo"), env: gitEnv });
execFileSync("git", ["commit", "-qm", "init"], { cwd: join(template, "repo"), env: gitEnv });

/** A command as judged, and what stands for it when the state is built (no network). */
interface Cmd {
  judged: string;
  run: string;
}
const same = (c: string): Cmd => ({ judged: c, run: c });

const targets = [".claude", "config", "secrets", "../outside", "src", "."];
const names = ["c", "d"];
/** Names under the links the line may make, and files the project has. */
const under = ["policy.json", "master.yml", "api.txt", "data.txt", "a.ts", ".env"];

const pool: fc.Arbitrary<Cmd> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("ln -s", "ln -sf", "cp -s", "ln -sr"),
      fc.constantFrom(...targets),
      fc.constantFrom(...names),
    )
    .map(([c, t, n]) => same(c === "cp -s" ? `cp -s "$PWD/${t}" ${n}` : `${c} ${t} ${n}`)),
  fc
    .tuple(
      fc.constantFrom("ln", "cp", "mv"),
      fc.constantFrom("README.md", ".claudeignore", "a.sh", "c", "src/a.ts"),
      fc.constantFrom("b.sh", "d", "c/", "e"),
    )
    .map(([c, s, d]) => same(`${c} ${s} ${d}`)),
  fc
    .tuple(fc.constantFrom("c/", "d/", ""), fc.constantFrom(...under, "a.sh", "Makefile"))
    .map(([d, f]) => same(`echo 'echo hi' > ${d}${f}`)),
  fc.constantFrom("a.sh", "Makefile", "c/x.sh").map(
    (f): Cmd => ({
      judged: `curl -so ${f} https://example.com/x`,
      run: `printf 'echo hi\\n' > ${f}`,
    }),
  ),
  fc
    .tuple(fc.constantFrom("c/", "d/", ""), fc.constantFrom(...under))
    .map(([d, f]) => same(`cat ${d}${f}`)),
  fc.constantFrom("a.sh", "b.sh", "c/x.sh", "scripts/ok.sh").map((f) => same(`sh ${f}`)),
  fc.constantFrom("a.sh", "b.sh").map((f) => same(`chmod +x ${f} && ./${f}`)),
  fc.constantFrom("a.sh", "c", "b.sh").map((f) => same(`rm -f ${f}`)),
  fc.constantFrom("c", "d", "src", "..").map((d) => same(`cd ${d}`)),
  fc.constantFrom("d", "c/z").map((d) => same(`mkdir -p ${d}`)),
  fc.constantFrom("git stash", "git stash pop", "git status", "make", "npm test").map(same),
);
const separators = fc.constantFrom(" && ", "; ", " || ", "\n");

const tiers: Tier[] = ["permissive", "balanced", "restrictive"];
const severity: Record<Verdict, number> = { approve: 0, escalate: 1, deny: 2 };

let n = 0;
/** A fresh copy of the project; the prefix run in it; the folder bash ended in. */
function stateAfter(prefix: string): { root: string; home: string; cwd: string } {
  const dir = join(base, `s${n++}`);
  cpSync(template, dir, { recursive: true, verbatimSymlinks: true });
  const root = join(dir, "repo");
  const home = join(dir, "home");
  const pwdFile = join(dir, "pwd");
  if (prefix !== "") {
    spawnSync("bash", ["-c", `${prefix}\npwd > "$PWD_FILE"`], {
      cwd: root,
      env: { ...gitEnv, HOME: home, PWD_FILE: pwdFile, PATH: process.env.PATH ?? "/usr/bin:/bin" },
      timeout: 10_000,
      stdio: "ignore",
    });
  }
  let cwd = root;
  try {
    cwd = readFileSync(pwdFile, "utf8").trim() || root;
  } catch {
    // the prefix ended the shell (`exit`-like failure): judge from the root
  }
  return { root, home, cwd };
}

function verdicts(root: string, home: string, cwd: string, command: string): Verdict[] {
  const env = { home, platform: "linux" as const, caseSensitive: true };
  return tiers.map(
    (tier) =>
      createEngineSync({ projectRoot: root, tier, env }).decide({ kind: "execute", command, cwd })
        .verdict,
  );
}

describe("the line is never less severe than its commands alone, in the state before each (property)", () => {
  it("holds for random lines over links, copies, moves, writes, downloads, runs, cd and git stash", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pool, separators), { minLength: 2, maxLength: 4 }), (parts) => {
        const line = parts
          .map(([c], i) => (i === 0 ? "" : (parts[i - 1] as [Cmd, string])[1]) + c.judged)
          .join("");
        const s0 = stateAfter("");
        const whole = verdicts(s0.root, s0.home, s0.root, line);
        parts.forEach(([c], i) => {
          const prefix = parts
            .slice(0, i)
            .map(([p], j) => (j === 0 ? "" : (parts[j - 1] as [Cmd, string])[1]) + p.run)
            .join("");
          // The first command is judged in the untouched project, like the line.
          const s = i === 0 ? s0 : stateAfter(prefix);
          const alone = verdicts(s.root, s.home, s.cwd, c.judged);
          if (i > 0) rmSync(dirname(s.root), { recursive: true, force: true });
          tiers.forEach((tier, t) => {
            expect(
              severity[whole[t] as Verdict],
              `${tier}: line ${JSON.stringify(line)} is ${whole[t]}, but ${JSON.stringify(c.judged)} alone after ${JSON.stringify(prefix)} (cwd ${s.cwd.replace(s.root, "@")}) is ${alone[t]}`,
            ).toBeGreaterThanOrEqual(severity[alone[t] as Verdict]);
          });
        });
        rmSync(dirname(s0.root), { recursive: true, force: true });
      }),
      {
        // A fixed seed keeps CI stable (a random one found the failed-cd bug, and may find
        // more: OVERLAY_PROPERTY_SEED=random and OVERLAY_PROPERTY_RUNS explore further).
        numRuns: Number(process.env.OVERLAY_PROPERTY_RUNS ?? 30),
        ...(process.env.OVERLAY_PROPERTY_SEED === "random"
          ? {}
          : { seed: Number(process.env.OVERLAY_PROPERTY_SEED ?? 20_261_202) }),
      },
    );
  }, 300_000);
});
