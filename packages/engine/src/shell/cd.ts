import { pathOp } from "./emit.js";
import { parseArgs } from "./flags.js";
import { type Ctx, execOp, type Invocation } from "./invocation.js";
import type { Flow } from "./model.js";
import { cdTarget } from "./proc-paths.js";

/** Folders a line of failed `cd` commands may have left the shell in, at most. */
const MAX_ALTS = 4;

/**
 * A `cd` to a folder that neither the file system nor the overlay shows fails, and the shell
 * stays where it was (`cd x; cat ../.env` reads the project's `.env`). Only judged when the
 * file system shows the folder the shell is in (an empty in-memory one shows nothing).
 */
function mayFail(c: Ctx, from: string, to: string): boolean {
  const fs = c.host.fs;
  if (fs.lstat(from) === undefined) return false;
  if (fs.lstat(to) !== undefined) return false;
  return !c.host.overlay.mayHold(to);
}

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
    const to = target.value;
    // From each folder an earlier failed cd may have left the shell in, this cd may succeed or
    // fail in turn.
    const alts = (st.alts ?? []).flatMap((a) => {
      const there = cdTarget(a, to, name, hazards);
      if (there === undefined) return [a];
      return mayFail(c, a, there) ? [there, a] : [there];
    });
    if (next !== undefined && mayFail(c, from, next)) alts.push(from);
    const unique = [...new Set(alts)].filter((a) => a !== next);
    if (unique.length > MAX_ALTS)
      hazards.push({
        check: "dynamic",
        reason: `${name} ${to}: too many earlier cd commands may have failed to tell the folder`,
      });
    st.alts = unique.length > 0 ? unique.slice(0, MAX_ALTS) : undefined;
  }
  // `cd` alone, `cd -`, `popd`: where the shell goes no longer depends on a failed cd.
  if (target?.value === undefined || target.value === "-" || name === "popd") st.alts = undefined;
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
