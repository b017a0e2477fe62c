import { checkAdditionalDirectories } from "@automode/scope";
import { docsUrl, type RuleModule } from "../rule.js";

const id = "additional-directory-too-wide";

export const additionalDirectoryTooWide: RuleModule = {
  meta: {
    id,
    severity: "error",
    description:
      "An additionalDirectories entry names /, the home folder, a folder holding the project, or a system folder.",
    rationale:
      "Everything under an additional folder counts as inside the project: naming / or the home folder lets the agent write ~/.bashrc as if it were a source file. The engine refuses such a policy, so every call would be denied.",
    docs: docsUrl(id),
  },
  check(context) {
    const entries = context.policy?.additionalDirectories ?? [];
    if (entries.length === 0) return;
    // The same judgement the engine makes (`~`, `$HOME` expanded, links resolved).
    for (const found of checkAdditionalDirectories({
      projectRoot: context.root,
      additionalDirectories: entries,
    })) {
      context.report({
        message: `additional directory ${JSON.stringify(found.entry)} cannot be part of the project: ${found.problem}; the engine refuses this policy`,
        at: { file: "policy", path: ["additionalDirectories", found.index] },
      });
    }
  },
};
