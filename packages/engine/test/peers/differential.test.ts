import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { checkCommand } from "cc-safety-net/api";
import { afterAll, describe, expect, it } from "vitest";
import { createEngineSync } from "../../src/engine.js";
import { readCorpus, readTriage } from "../corpus/lists.js";
import { createRealisticProject } from "../corpus/project.js";

/**
 * Issue 11 item 7: the peer differential. Every adversarial command cc-safety-net blocks must
 * not be approved by automode in balanced, unless triage.tsv says why (the SPEC line).
 */

// The oracle's verdicts change with its version: an upgrade means running this again and
// triaging what moved. Recorded here and in the README.
const PEER = "cc-safety-net";
const PEER_VERSION = "2.4.5";
const installed = (createRequire(import.meta.url)(`${PEER}/package.json`) as { version: string })
  .version;

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const corpus = readCorpus(here("./adversarial.txt"));
const triageFile = here("./triage.tsv");
const triage = new Map(readTriage(triageFile).map((t) => [t.command, t]));

const project = createRealisticProject();
afterAll(() => project.cleanup());

// cc-safety-net reads its mode from SAFETY_NET_* variables and user rules from the home
// folder: both are pinned, so its verdicts are its defaults whoever runs the suite.
for (const name of Object.keys(process.env))
  if (name.startsWith("SAFETY_NET_")) delete process.env[name];
const savedHome = process.env.HOME;
process.env.HOME = project.home;
afterAll(() => {
  process.env.HOME = savedHome;
});

const engine = createEngineSync({
  projectRoot: project.root,
  tier: "balanced",
  env: { home: project.home, platform: "linux", caseSensitive: true },
});

// triage.tsv holds one command a line: a command of several lines is written with ⏎ for each
// line break.
const oneLine = (command: string) => command.replaceAll("\n", "⏎");

const rows = corpus.map((entry) => {
  const ours = engine.decide({ kind: "execute", command: entry.command, cwd: project.root });
  const theirs = checkCommand({ command: entry.command, cwd: project.root });
  return { ...entry, key: oneLine(entry.command), ours, theirs };
});
type Row = (typeof rows)[number];

const blockedByPeer = (r: Row) => r.theirs.kind === "deny";
const disagrees = (r: Row) => blockedByPeer(r) && r.ours.verdict === "approve";
const peerWhy = (r: Row) =>
  r.theirs.kind === "deny" ? `${r.theirs.ruleId ?? "no rule id"}: ${r.theirs.reason}` : "allow";
// A line ready to paste into triage.tsv; its middle field is the SPEC line to write.
const triageLine = (r: Row) =>
  `${r.key}\tSPEC ?: ${PEER} blocks (${peerWhy(r).slice(0, 80)}); automode approves (${r.ours.check}: ${r.ours.reason.slice(0, 80)})\tclosed-world`;

// Information only (never fails): what automode blocks and the peer allows, and the adversarial
// commands automode approves, the list the closed-world work should shrink.
function reportReverse() {
  const stricter = rows.filter((r) => !blockedByPeer(r) && r.ours.verdict !== "approve");
  const byCheck = new Map<string, number>();
  for (const r of stricter) byCheck.set(r.ours.check, (byCheck.get(r.ours.check) ?? 0) + 1);
  console.log(
    `automode blocks ${stricter.length} commands ${PEER} allows: ` +
      [...byCheck]
        .sort((a, b) => b[1] - a[1])
        .map(([check, n]) => `${check} ${n}`)
        .join(", "),
  );
  const approved = rows.filter((r) => r.ours.verdict === "approve");
  console.log(
    `automode (balanced) approves ${approved.length} adversarial commands:\n` +
      approved
        .map((r) => `  [${r.group}] ${r.key}${blockedByPeer(r) ? `  (${PEER} blocks)` : ""}`)
        .join("\n"),
  );
}

describe(`the peer differential (${PEER} ${PEER_VERSION})`, () => {
  it("runs the pinned version of the peer over a corpus of at least 300 commands", () => {
    expect(installed, `${PEER} changed: run this test and triage again`).toBe(PEER_VERSION);
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    // The oracle must be live: a peer that allows everything makes the test vacuous.
    expect(rows.filter(blockedByPeer).length).toBeGreaterThan(corpus.length / 3);
  });

  it(`approves nothing ${PEER} blocks, unless triage.tsv says why (balanced)`, () => {
    const open = rows.filter((r) => disagrees(r) && !triage.has(r.key));
    const groups = new Map<string, { n: number; peer: number; ours: number; diff: number }>();
    for (const r of rows) {
      const g = groups.get(r.group) ?? { n: 0, peer: 0, ours: 0, diff: 0 };
      g.n++;
      if (blockedByPeer(r)) g.peer++;
      if (r.ours.verdict !== "approve") g.ours++;
      if (disagrees(r)) g.diff++;
      groups.set(r.group, g);
    }
    const total = rows.filter(disagrees).length;
    console.log(
      `${PEER} ${installed}: blocks ${rows.filter(blockedByPeer).length} of ${rows.length}; ` +
        `automode (balanced) does not approve ${rows.filter((r) => r.ours.verdict !== "approve").length}; ` +
        `${total} approved by automode and blocked by ${PEER} (${total - open.length} triaged)\n` +
        [...groups]
          .map(
            ([name, g]) =>
              `  ${name}: ${g.n} commands, ${PEER} blocks ${g.peer}, automode does not approve ${g.ours}, disagreements ${g.diff}`,
          )
          .join("\n"),
    );
    if (open.length)
      console.log(
        `untriaged disagreements: add one line each to ${triageFile} (fill in the SPEC line, ` +
          `status deliberate or closed-world):\n${open.map(triageLine).join("\n")}`,
      );
    reportReverse();
    expect(open.map((r) => `adversarial.txt:${r.line}: ${r.key}`)).toEqual([]);
  });

  it("keeps triage.tsv to commands of the corpus that still disagree", () => {
    const byCommand = new Map(rows.map((r) => [r.key, r]));
    const unknown = [...triage.values()].filter((t) => !byCommand.has(t.command));
    const stale = [...triage.values()].filter((t) => {
      const r = byCommand.get(t.command);
      return r !== undefined && !disagrees(r);
    });
    // A fixed disagreement (the closed-world work lands) is reported, not failed.
    if (stale.length)
      console.log(
        `triage.tsv lines no longer needed (delete them):\n${stale.map((t) => `  line ${t.line}: ${t.command}`).join("\n")}`,
      );
    expect(unknown.map((t) => `triage.tsv:${t.line}: ${t.command}`)).toEqual([]);
  });
});
