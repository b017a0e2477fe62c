import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The automode package folder, found from this module upwards, so the bundled demo files are
 * found the same way from src/ (tests), dist/ (tsc) and a bundle.
 */
export function packageRoot(from: string = import.meta.url): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "automode") return dir;
    }
    if (dirname(dir) === dir) throw new Error("cannot find the automode package folder");
  }
}
