import type { Hazard } from "../../types.js";
import { doing, period, sentence } from "../describe.js";
import type { Stage } from "../types.js";

const descriptions: Record<Exclude<Hazard["check"], "privilege">, [string, string]> = {
  destructive: [
    "escalates irreversible operations (recursive deletes, git discards, …)",
    "reversible",
  ],
  "remote-code": [
    "escalates network output run by a shell or interpreter",
    "runs no downloaded code",
  ],
  unparseable: ["escalates what cannot be parsed", "parsed"],
  dynamic: [
    "escalates commands that are not literal (variables as commands, eval, inline code)",
    "literal",
  ],
};

/** The stage-4 hazards the shell analysis attaches to executed commands all escalate. */
function hazardStage(check: Exclude<Hazard["check"], "privilege">): Stage {
  const [description, pass] = descriptions[check];
  return {
    meta: {
      name: check,
      check,
      kinds: check === "destructive" ? ["execute", "delete"] : ["execute"],
      description,
      pass,
    },
    decide(subject, ctx) {
      const op = subject.op;
      if (op.kind === "execute") {
        const hazard = op.hazards.find((h) => h.check === check);
        return hazard ? { verdict: "escalate", reason: period(hazard.reason) } : undefined;
      }
      // A file action that deletes a folder with everything in it is irreversible too.
      if (check === "destructive" && op.kind === "delete" && op.recursive) {
        return { verdict: "escalate", reason: sentence(`${doing(subject, ctx)} cannot be undone`) };
      }
      return undefined;
    },
  };
}

export const destructive = hazardStage("destructive");
export const remoteCode = hazardStage("remote-code");
export const unparseable = hazardStage("unparseable");
export const dynamic = hazardStage("dynamic");
