import { fileURLToPath } from "node:url";
import type { ViteUserConfig } from "vitest/config";

/** Gives each test run a TMPDIR of its own and removes it at the end (see the file). */
export const tempDirSetup = fileURLToPath(new URL("./vitest.temp-dir.ts", import.meta.url));

// Workspace packages resolve to their TypeScript sources in tests (the "source" export
// condition), so a test never runs against a stale dist/ of another package.
export const shared: ViteUserConfig = {
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: [tempDirSetup],
  },
};
