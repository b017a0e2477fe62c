import { describe, it } from "vitest";
import { analyzeProgram } from "../../../src/shell/languages/index.js";
import { check, type Expect, harmless } from "./expect.js";

const JQ: [string[], Expect][] = [
  // issue 11's example
  [["-n", "--rawfile", "a", ".env", "$a"], { reads: [".env"], understood: true, dynamic: false }],
  [
    ["--slurpfile", "s", "secrets/x.json", "-n", "$s"],
    { reads: ["secrets/x.json"], understood: true },
  ],
  [[".foo | @sh", "x.json"], harmless(["x.json"])],
  [["-r", '.items[] | "\\(.name)=\\(.value)"', "a.json"], harmless(["a.json"])],
  [["-nr", "--arg", "x", "1", "{a: $x, b: input_filename, c: $__loc__}"], harmless()],
  [["-c", "map(select(.n > 1)) | sort_by(.n) | {total: length}"], harmless()],
  [["def f(g): [g]; f(.a, .b) # comment with import"], harmless()],
  [["-n", "env.HOME, $ENV.PATH"], harmless()],
  [["--args", "-n", "$ARGS.positional", "a", "b"], harmless()], // operands after --args are not files
  [["-f", "prog.jq", "data.json"], { reads: ["prog.jq", "data.json"], understood: false }],
  [['import "evil" as e; e::f'], { dynamic: true, mentions: "import" }],
  [['include "evil"; .'], { dynamic: true }],
  [[". | frobnicate"], { understood: false }],
  [['"unterminated'], { understood: false }],
  [[".a | (.b"], { understood: false }],
  [["--frobnicate", "."], { understood: false }],
];

const YQ: [string[], Expect][] = [
  [
    ["-i", ".a = 1", ".claude/policy.json"],
    { writes: [".claude/policy.json"], understood: true, dynamic: false },
  ],
  [["--inplace", ".a = 1", "x.yaml"], harmless(["x.yaml"], ["x.yaml"])],
  [["--in-place", ".a = 1", "x.yaml"], harmless(["x.yaml"], ["x.yaml"])],
  [["eval", ".spec.containers[0].image", "k8s.yaml"], harmless(["k8s.yaml"])],
  [["-o", "json", ".", "a.yaml"], harmless(["a.yaml"])],
  [
    ['load("secrets.yaml") | .token', "x.yaml"],
    { reads: ["secrets.yaml", "x.yaml"], understood: true },
  ],
  [["load(.path)", "x.yaml"], { dynamic: true }],
  [["eval(.expr)", "x.yaml"], { dynamic: true }],
  [["-s", ".name", ".", "x.yaml"], { dynamic: true, understood: true, mentions: "-s" }],
  [[".a | strenv(HOME)", "x.yaml"], harmless(["x.yaml"])],
  [[".a | frobnicate", "x.yaml"], { understood: false }],
  [["-P", "config.yaml"], harmless(["config.yaml"])], // a lone file is the input, filter `.`
  [["-i", "config.yml"], harmless(["config.yml"], ["config.yml"])],
];

describe("jq filters", () => {
  it.each(JQ)("jq %j", (args, e) => check(analyzeProgram("jq", args), e));
});

describe("yq expressions", () => {
  it.each(YQ)("yq %j", (args, e) => check(analyzeProgram("yq", args), e));
});
