import { statSync } from "node:fs";
import { homedir } from "node:os";
import { resolve } from "node:path";
import { expandHome } from "@automode/scope";
import { docsUrl, type RuleModule } from "../rule.js";

const id = "additional-directory-missing";

export const additionalDirectoryMissing: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description: "An additionalDirectories entry does not exist (or is not a folder).",
    rationale:
      "A missing folder is usually a typo or a layout that differs between machines; if it is created later, everything in it is treated as inside the project without anyone reviewing that.",
    docs: docsUrl(id),
  },
  check(context) {
    context.policy?.additionalDirectories.forEach((entry, index) => {
      // `~` and `$HOME` expand as the engine expands them (it is not a folder named "~").
      const folder = resolve(context.root, expandHome(entry, homedir()));
      const stat = statSync(folder, { throwIfNoEntry: false });
      if (stat?.isDirectory()) return;
      context.report({
        message:
          stat === undefined
            ? `additional directory "${entry}" does not exist`
            : `additional directory "${entry}" is not a folder`,
        at: { file: "policy", path: ["additionalDirectories", index] },
      });
    });
  },
};
