/**
 * Prints the explain trace of a tricky command in a throwaway project whose .claudeignore
 * lists `.env`. Its output is pasted in the README (a test keeps the two in step).
 * Run: pnpm explain-example.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createEngineSync, formatTrace } from "../src/index.js";

export const exampleCommand = "cd src && rm -rf ../dist; cat ../.env";

export function exampleTrace(): string {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-explain-")));
  const root = join(tmp, "project");
  try {
    for (const dir of ["src", "dist", ".claude"]) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, ".claudeignore"), ".env\n");
    writeFileSync(join(root, ".env"), "API_KEY=not-for-agents\n");
    writeFileSync(join(root, "src", "index.ts"), "export {};\n");
    writeFileSync(join(root, "dist", "index.js"), "\n");

    const engine = createEngineSync({
      projectRoot: root,
      env: { home: join(tmp, "home"), platform: process.platform },
    });
    const trace = engine.explain({
      kind: "execute",
      command: exampleCommand,
      cwd: root,
      tool: "Bash",
    });
    // The temp folder's name changes on every run; the README shows it as /tmp/project.
    return formatTrace(trace).replaceAll(tmp, "/tmp");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(exampleTrace());
}
