import { period } from "../describe.js";
import type { Stage } from "../types.js";

/** Listed here as well as in the shell tables, so a missed hazard still fails closed. */
const privileged = new Set(["sudo", "su", "doas", "pkexec", "run0"]);

export const privilege: Stage = {
  meta: {
    name: "privilege",
    kinds: ["execute"],
    check: "privilege",
    description: "denies sudo, su, doas, pkexec and run0 anywhere in a command",
    pass: "no privilege escalation",
  },
  decide(subject) {
    const op = subject.op;
    if (op.kind !== "execute") return undefined;
    const hazard = op.hazards.find((h) => h.check === "privilege");
    if (hazard) return { verdict: "deny", reason: period(hazard.reason) };
    const word = [op.command.name, ...op.command.wrappers].find((w) => privileged.has(w));
    if (word === undefined) return undefined;
    return {
      verdict: "deny",
      reason: `${word} runs a command with elevated privileges, which automode never allows.`,
    };
  },
};
