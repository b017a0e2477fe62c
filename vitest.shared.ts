import type { ViteUserConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources in tests (the "source" export
// condition), so a test never runs against a stale dist/ of another package.
export const shared: ViteUserConfig = {
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
};
