import type { Operation } from "../types.js";
import { parseArgs } from "./flags.js";
import { type Ctx, execOp, type Invocation } from "./invocation.js";
import type { Flow } from "./model.js";
import { type Arg, runSimple } from "./simple.js";

/** GNU parallel: its command runs once per `:::` input (or per line of input). */
export function parallel(c: Ctx, inv: Invocation, pending: Operation[]): Flow {
  const { args, cwd, wrappers, hazards } = inv;
  const { before } = c;
  const rest = args.slice(1);
  const p = parseArgs(
    rest.map((a) => a.value),
    {
      stopAtOperand: true,
      shortValue: "jSINnLaEC",
      longValue: [
        "--jobs",
        "--sshlogin",
        "--arg-file",
        "--colsep",
        "--delay",
        "--timeout",
        "--joblog",
        "--results",
        "--halt",
        "--tagstring",
        "--workdir",
      ],
    },
  );
  const words = rest.slice(p.rest);
  const sep = words.findIndex((a) => a.value === ":::" || a.value === "::::" || a.value === ":::+");
  const cmd = sep < 0 ? words : words.slice(0, sep);
  const inputs: Arg[] =
    sep < 0 || words[sep]?.value === "::::"
      ? [{ value: undefined, text: "<input>", unknown: "input" }]
      : words
          .slice(sep + 1)
          .filter((a) => !a.value?.startsWith(":::"))
          .slice(0, 16);
  c.host.ops.push(...pending);
  if (cmd.length === 0) {
    c.host.ops.push(
      execOp(
        c,
        { name: "parallel", args: rest, cwd, wrappers },
        "unknown",
        "parallel runs its inputs as commands",
        [...hazards, { check: "dynamic", reason: "parallel runs its inputs as commands" }],
      ),
    );
    return { network: c.host.network > before, text: undefined };
  }
  for (const input of inputs.length > 0
    ? inputs
    : [{ value: undefined, text: "<input>", unknown: "input" as const }]) {
    const inner = cmd.some((a) => a.value?.includes("{}"))
      ? cmd.map((a) =>
          a.value?.includes("{}")
            ? input.value === undefined
              ? input
              : { ...a, value: a.value.replaceAll("{}", input.value) }
            : a,
        )
      : [...cmd, input];
    runSimple(
      c.host,
      inner,
      [],
      c.text,
      { ...c.st, cwd },
      { wrappers: [...wrappers, "parallel"], inherited: hazards, depth: c.frame.depth + 1 },
      undefined,
    );
  }
  return { network: c.host.network > before, text: undefined };
}
