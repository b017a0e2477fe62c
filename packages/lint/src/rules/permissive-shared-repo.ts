import { commitAuthors } from "../git.js";
import { docsUrl, type RuleModule } from "../rule.js";

const id = "permissive-shared-repo";

export const permissiveSharedRepo: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description: "The tier is permissive in a repository with more than one commit author.",
    rationale:
      "The permissive tier approves unknown commands, installs and network access; it is meant for solo personal projects, not for code other people share.",
    docs: docsUrl(id),
  },
  check(context) {
    if (context.policy?.tier !== "permissive") return;
    const authors = commitAuthors(context.root);
    if (authors === undefined || authors.size <= 1) return;
    context.report({
      message: `tier "permissive" is meant for solo projects, but this repository has ${authors.size} commit authors`,
      at: { file: "policy", path: ["tier"] },
    });
  },
};
