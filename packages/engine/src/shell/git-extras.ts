import type { Hazard } from "../types.js";
import { HOOKS_PATH, hooksFolder } from "./closed.js";
import { gitSetting } from "./knowledge/git.js";
import type { Reading } from "./knowledge/index.js";
import type { Host } from "./model.js";

/**
 * git's configuration given on the command line: `git -c core.hooksPath=…`, `git config
 * [--scope] CORE.HOOKSPATH …` write the project's hooks folder (issue 13); `git config KEY
 * VALUE` with a key that runs code (`core.pager`, `alias.*`) is dynamic.
 */
export function gitConfigEffects(
  host: Host,
  reading: Reading,
  sub: readonly string[],
  values: readonly (string | undefined)[],
  cwd: string,
  hazards: Hazard[],
): void {
  const viaC = reading.found.some(
    (f) => f.def.value === "config" && HOOKS_PATH.test(f.value ?? ""),
  );
  const key =
    sub[0] === "config"
      ? reading.operands.map((i) => values[i]).find((v) => v !== undefined)
      : undefined;
  const setting = key !== undefined && reading.operands.length >= 2 ? gitSetting(key) : undefined;
  if (setting?.dynamic)
    hazards.push({ check: "dynamic", reason: `git config ${key} sets a command git runs later` });
  if (viaC || (key !== undefined && /^core\.hookspath$/i.test(key)))
    host.ops.push({ kind: "write", path: hooksFolder(host, cwd), cwd, via: "git core.hooksPath" });
}
