import { flag, type OptTable, parseOptions, value } from "./getopt.js";
import { Analysis, type ProgramAnalysis, type ProgramArg } from "./result.js";
import type { StdinInput } from "./sql/clients.js";

const OPTIONS: OptTable = {
  permute: false,
  prefixes: false,
  short: {
    h: value("flag"),
    p: value("flag"),
    s: value("flag"),
    a: value("flag"),
    u: value("flag"),
    r: value("flag"),
    i: value("flag"),
    n: value("flag"),
    d: value("flag"),
    t: value("flag"),
    ...Object.fromEntries([..."xDce3"].map((o) => [o, flag("flag")])),
  },
  long: {
    user: value("flag"),
    pass: value("flag"),
    rdb: value("write"),
    "functions-rdb": value("write"),
    eval: value("eval"),
    pipe: flag("pipe"),
    "pipe-timeout": value("flag"),
    pattern: value("flag"),
    "quoted-pattern": value("flag"),
    count: value("flag"),
    "intrinsic-latency": value("flag"),
    cacert: value("flag"),
    cacertdir: value("flag"),
    cert: value("flag"),
    key: value("flag"),
    sni: value("flag"),
    ...Object.fromEntries(
      (
        "raw no-raw csv json quoted-json stat latency latency-history latency-dist lru-test " +
        "replica bigkeys memkeys hotkeys scan ldb ldb-sync-mode tls insecure verbose version " +
        "help askpass no-auth-warning"
      )
        .split(" ")
        .map((o) => [o, flag("flag")]),
    ),
  },
};

/** Commands that run code in the server or change where it writes (`CONFIG SET dir`). */
const DYNAMIC = new Set(
  "EVAL EVALSHA EVAL_RO EVALSHA_RO FCALL FCALL_RO SCRIPT FUNCTION MODULE CONFIG DEBUG SLAVEOF REPLICAOF MIGRATE".split(
    " ",
  ),
);

function command(words: readonly ProgramArg[], out: Analysis): void {
  const w = words[0];
  if (w === undefined) {
    if (words.length > 0) out.fail("redis-cli: the command is not a literal");
    return;
  }
  const c = w.toUpperCase();
  if (c === "FLUSHALL" || c === "FLUSHDB") out.destroys(`redis-cli ${c} deletes every key`);
  else if (DYNAMIC.has(c)) out.runs(`redis-cli ${c} runs code or changes the server's files`);
}

/** `redis-cli [options] [command [arg…]]`, or commands one per line on standard input. */
export function analyzeRedis(args: readonly ProgramArg[], stdin: StdinInput): ProgramAnalysis {
  const out = new Analysis();
  const p = parseOptions(args, OPTIONS);
  if (!p.ok) {
    out.fail(`redis-cli: ${p.error}`);
    return out.done();
  }
  for (const o of p.opts) {
    if (o.id === "write" && o.value !== undefined) out.write(o.value);
    else if (o.id === "eval") out.runs(`redis-cli ${o.spelled} runs a Lua script`);
    else if (o.id === "pipe") out.fail("redis-cli --pipe sends raw protocol from standard input");
  }
  if (p.operands.length > 0) command(p.operands, out);
  else if (stdin.text !== undefined)
    for (const line of stdin.text.split("\n"))
      command(line.trim().split(/\s+/).filter(Boolean), out);
  else if (stdin.unknown)
    out.fail(`redis-cli reads commands from standard input, which automode cannot see`);
  return out.done();
}
