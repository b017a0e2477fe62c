import { relative } from "node:path";
import { baselineIgnore } from "@automode/scope";
import { docsUrl, fileStart, type RuleModule } from "../rule.js";

const id = "ignore-file-missing";

export const ignoreFileMissing: RuleModule = {
  meta: {
    id,
    severity: "error",
    description: "The ignore file (.claudeignore, or the policy's ignoreFile) does not exist.",
    rationale:
      "The ignore file is what keeps the project's secrets out of the agent's reach; without it automode falls back to a short built-in baseline list that knows nothing of this project's own secrets.",
    docs: docsUrl(id),
  },
  check(context) {
    if (context.ignoreText !== undefined) return;
    const name = relative(context.root, context.ignoreFile) || context.ignoreFile;
    const message = `the ignore file ${name} does not exist: only automode's built-in baseline (${baselineIgnore.join(", ")}) keeps files from the agent`;
    // Point at the policy's ignoreFile when it names one; otherwise at the missing file itself.
    if (context.written(["ignoreFile"])) {
      context.report({ message, at: { file: "policy", path: ["ignoreFile"] } });
    } else if (context.policyText !== undefined) {
      context.report({ message, at: { file: "policy", range: fileStart } });
    } else {
      context.report({ message, at: { file: "ignore", range: fileStart } });
    }
  },
};
