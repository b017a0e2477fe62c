import { relative } from "node:path";
import { docsUrl, fileStart, type RuleModule } from "../rule.js";

const id = "ignore-file-coverage";

/** The seed's checklist: each pattern the ignore file must cover, with a path that proves it. */
export const requiredCoverage: ReadonlyArray<{ pattern: string; sample: string }> = [
  { pattern: ".env", sample: ".env" },
  { pattern: ".env.*", sample: ".env.local" },
  { pattern: "*.pem", sample: "config/server.pem" },
  { pattern: "*.key", sample: "a/b.key" },
  { pattern: "credentials/", sample: "credentials/x" },
  { pattern: "secrets/", sample: "secrets/x" },
];

export const ignoreFileCoverage: RuleModule = {
  meta: {
    id,
    severity: "warn",
    description:
      "The ignore file does not cover .env, .env.*, *.pem, *.key, credentials/ or secrets/ (checked by matching sample paths).",
    rationale:
      "These are where secrets usually live. The check matches a sample path for each with the same matcher the engine uses, so `**/.env*` counts and a commented-out line does not.",
    docs: docsUrl(id),
  },
  async check(context) {
    if (context.ignoreText === undefined) return;
    const scope = await context.scope();
    const name = relative(context.root, context.ignoreFile);
    for (const { pattern, sample } of requiredCoverage) {
      if (scope.classify(sample, context.root).ignored) continue;
      context.report({
        message: `${name} does not cover "${pattern}": the sample path "${sample}" is not ignored`,
        at: { file: "ignore", range: fileStart },
      });
    }
  },
};
