import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { analyzeCommand, type FileSystem, type ShellContext } from "../../src/shell/index.js";
import type { ExecuteOperation, Hazard, Operation } from "../../src/types.js";

/** A real-disk FileSystem (scope's nodeFileSystem has the same shape). */
export const realFs: FileSystem = {
  lstat(p) {
    try {
      const s = lstatSync(p);
      return s.isSymbolicLink()
        ? "symlink"
        : s.isDirectory()
          ? "directory"
          : s.isFile()
            ? "file"
            : "other";
    } catch {
      return undefined;
    }
  },
  realpath(p) {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  },
  readdir(p) {
    try {
      return readdirSync(p);
    } catch {
      return undefined;
    }
  },
  readFile(p) {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  },
};

/** A file system with nothing in it: globs keep their literal, no path exists. */
export const emptyFs: FileSystem = {
  lstat: () => undefined,
  realpath: () => undefined,
  readdir: () => undefined,
  readFile: () => undefined,
};

export const CTX: ShellContext = { cwd: "/repo", home: "/home/u", fs: emptyFs };

export function ops(line: string, ctx: Partial<ShellContext> = {}): Operation[] {
  return analyzeCommand(line, { ...CTX, ...ctx });
}

export function execs(line: string, ctx: Partial<ShellContext> = {}): ExecuteOperation[] {
  return ops(line, ctx).filter((o): o is ExecuteOperation => o.kind === "execute");
}

export function hazards(line: string, ctx: Partial<ShellContext> = {}): Hazard[] {
  return execs(line, ctx).flatMap((e) => e.hazards);
}

export function checks(line: string, ctx: Partial<ShellContext> = {}): string[] {
  return [...new Set(hazards(line, ctx).map((h) => h.check))].sort();
}

/** `kind:path` for file ops, with flags: `read:.env`, `read-r:.`, `read-i:x`, `delete-r:dist`. */
export function fileOps(line: string, ctx: Partial<ShellContext> = {}): string[] {
  return ops(line, ctx).flatMap((o) => {
    switch (o.kind) {
      case "read":
        return [
          `read${o.recursive ? "-r" : ""}${o.listing ? "-l" : ""}${o.incidental ? "-i" : ""}:${o.path}@${o.cwd}`,
        ];
      case "write":
        return [`write:${o.path}@${o.cwd}`];
      case "delete":
        return [`delete${o.recursive ? "-r" : ""}:${o.path}@${o.cwd}`];
      case "network":
        return [`net:${o.url}`];
      default:
        return [];
    }
  });
}

/** Creates files (and their folders) under a fresh temp dir; returns its real path. */
export function tempTree(files: readonly string[]): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "automode-shell-")));
  for (const f of files) {
    const p = join(root, f);
    if (f.endsWith("/")) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, "x");
    }
  }
  return root;
}
