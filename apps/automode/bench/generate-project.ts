/**
 * A project on disk shaped like a JavaScript project with a `node_modules`: packages of a few
 * nested folders, about ten files per folder; deterministic. The same shape as
 * packages/scope/bench/project.ts (the scope's containsIgnored benchmark), so figures compare;
 * a copy because a package's benchmark cannot import another package's unpublished files.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const fileNames = ["index.js", "index.d.ts", "package.json", "README.md", "LICENSE", "util.js"];

/** Writes about `fileCount` files below `root` (which must not exist yet). */
export function generateProject(
  root: string,
  fileCount: number,
): { files: number; folders: number; deepFolder: string } {
  let files = 0;
  let folders = 0;
  let deepFolder = root;
  const write = (dir: string, n: number) => {
    fs.mkdirSync(dir, { recursive: true });
    folders += 1;
    for (let i = 0; i < n && files < fileCount; i++) {
      fs.writeFileSync(path.join(dir, `${i}-${fileNames[i % fileNames.length]}`), "x");
      files += 1;
    }
  };
  write(root, 4);
  write(path.join(root, "src"), 8);
  for (let p = 0; files < fileCount; p++) {
    const pkg = path.join(root, "node_modules", `pkg-${p}`);
    write(pkg, 6);
    for (let d = 0; d < 3 && files < fileCount; d++) {
      const lib = path.join(pkg, "lib", `part-${d}`);
      write(lib, 10);
      const nested = path.join(lib, "internal", "deep");
      write(nested, 10);
      deepFolder = nested;
    }
  }
  return { files, folders, deepFolder };
}
