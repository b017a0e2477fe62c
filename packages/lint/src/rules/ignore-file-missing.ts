import { relative } from "node:path";
import { docsUrl, fileStart, type RuleModule } from "../rule.js";

const id = "ignore-file-missing";

export const ignoreFileMissing: RuleModule = {
  meta: {
    id,
    severity: "error",
    description: "The ignore file (.claudeignore, or the policy's ignoreFile) does not exist.",
    rationale:
      "The ignore file is what keeps secrets such as .env and private keys out of the agent's reach; without it only the built-in credential stores are protected.",
    docs: docsUrl(id),
  },
  check(context) {
    if (context.ignoreText !== undefined) return;
    const name = relative(context.root, context.ignoreFile) || context.ignoreFile;
    const message = `the ignore file ${name} does not exist: nothing in the project is protected from the agent`;
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
