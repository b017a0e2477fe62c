import { pathOp } from "./emit.js";
import { parseArgs } from "./flags.js";
import { type Ctx, execOp, type Invocation } from "./invocation.js";
import type { Flow } from "./model.js";
import { cdTarget } from "./proc-paths.js";

/** `cd`, `pushd`, `popd`: the working folder tracked along the line (SPEC section 4). */
export function cd(c: Ctx, inv: Invocation): Flow {
  const { name, args, wrappers, hazards } = inv;
  const { host, st, before } = c;
  const p = parseArgs(
    args.map((a) => a.value),
    { stopAtOperand: false },
  );
  const target = p.operands[0] === undefined ? undefined : args[p.operands[0]];
  const from = st.cwd;
  let next: string | undefined;
  if (name === "popd") {
    next = st.dirs.pop();
    if (next === undefined)
      hazards.push({
        check: "dynamic",
        reason: "popd returns to a directory automode did not see",
      });
  } else if (!target) next = name === "cd" ? host.home : undefined;
  else if (target.value === undefined) {
    hazards.push({
      check: "dynamic",
      reason: `${name} ${target.text}: the directory is not a literal, so later paths are unknown`,
    });
  } else if (target.value === "-") {
    next = st.oldpwd;
    if (next === undefined)
      hazards.push({
        check: "dynamic",
        reason: "cd - returns to a directory automode did not see",
      });
  } else {
    next = cdTarget(from, target.value, name, hazards);
    pathOp(host, "incidental", target, from, name);
  }
  host.ops.push(
    execOp(
      c,
      { name, args, cwd: from, wrappers },
      "read-only",
      `${name} changes the working directory`,
      hazards,
    ),
  );
  if (next !== undefined) {
    if (name === "pushd") st.dirs.push(from);
    st.oldpwd = from;
    st.cwd = next;
  }
  return { network: host.network > before, text: undefined };
}
