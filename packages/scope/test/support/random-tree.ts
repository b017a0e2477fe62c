/**
 * Random trees on disk for the containsIgnored properties: folders, files, nested
 * `.claudeignore` files with random pattern sets, symlinks (to files, folders, nowhere and above
 * the root) and hard links.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";

export const names = [
  "a",
  "b",
  "src",
  "lib",
  "deep",
  ".env",
  "x.key",
  "Secrets",
  "secrets",
  "keep.txt",
  "ü.txt",
  "id_rsa",
  "B",
];
export const lines = [
  ".env",
  "*.key",
  "/src/",
  "src/*.txt",
  "!x.key",
  "!/deep/",
  "**/secrets",
  "Secrets/",
  "a/b/",
  "lib/**/x.key",
  "*",
  "!*.txt",
  "/a",
  "deep/**",
  "ü.txt",
  "[Ss]ecrets",
  "**/a/b",
  "b/",
  "!b/",
  "!a",
  "B",
  "/lib/deep/keep.txt",
  "*.TXT",
];

export type Node =
  | { kind: "file"; name: string }
  | { kind: "folder"; name: string; children: Node[] }
  | { kind: "ignore"; lines: string[] }
  | { kind: "link"; name: string; to: number }
  | { kind: "hardlink"; name: string; to: number };

export const patternSet = fc.array(fc.constantFrom(...lines), { maxLength: 6 });
const leaf: fc.Arbitrary<Node> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(...names).map((name) => ({ kind: "file" as const, name })),
  },
  { weight: 2, arbitrary: patternSet.map((l) => ({ kind: "ignore" as const, lines: l })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...names), fc.nat(50))
      .map(([name, to]) => ({ kind: "link" as const, name, to })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...names), fc.nat(50))
      .map(([name, to]) => ({ kind: "hardlink" as const, name, to })),
  },
);
export const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom(...names), fc.array(tie("node"), { maxLength: 5 }))
      .map(([name, children]) => ({ kind: "folder" as const, name, children })),
  ),
})).node;

/** Writes the tree; returns its folders and files (real paths) for queries and links. */
export function write(root: string, children: Node[]) {
  const folders: string[] = [root];
  const files: string[] = [];
  const links: Array<{ at: string; node: Extract<Node, { kind: "link" | "hardlink" }> }> = [];
  const place = (dir: string, nodes: Node[]) => {
    for (const node of nodes) {
      if (node.kind === "ignore") {
        fs.writeFileSync(path.join(dir, ".claudeignore"), `${node.lines.join("\n")}\n`);
        continue;
      }
      const at = path.join(dir, node.name);
      if (fs.existsSync(at) || isLink(at)) continue;
      if (node.kind === "file") {
        fs.writeFileSync(at, "x");
        files.push(at);
      } else if (node.kind === "folder") {
        fs.mkdirSync(at);
        folders.push(at);
        place(at, node.children);
      } else {
        links.push({ at, node });
      }
    }
  };
  place(root, children);
  const targets = [...folders, ...files, path.join(root, "missing"), path.dirname(root)];
  for (const { at, node } of links) {
    if (fs.existsSync(at) || isLink(at)) continue;
    if (node.kind === "link") fs.symlinkSync(targets[node.to % targets.length] as string, at);
    else if (files.length > 0) fs.linkSync(files[node.to % files.length] as string, at);
  }
  return { folders, files };
}

function isLink(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
