import { posix } from "node:path";
import type { Host } from "./model.js";
import type { Role } from "./operands.js";
import { isUrl } from "./remote.js";
import type { Arg } from "./simple.js";
import { NO_PATH_ARGS } from "./tables/commands.js";
import { isHarmlessPath } from "./tables/files.js";

/** Operations for paths: the roles of arguments, incidental reads of the rest. */
/** Emits the operation for a path argument in a given role. */
export function pathOp(
  host: Host,
  role: Role | "incidental",
  a: Pick<Arg, "value" | "text" | "tree">,
  cwd: string,
  via: string,
): void {
  const path = a.value;
  if (path === undefined || path === "" || isHarmlessPath(path, cwd)) return;
  if (role !== "incidental") atFile(host, path, cwd, via);
  const tree = a.tree === true;
  switch (role) {
    case "read":
      host.ops.push(
        tree ? { kind: "read", path, cwd, recursive: true, via } : { kind: "read", path, cwd, via },
      );
      return;
    case "read-recursive":
      host.ops.push({ kind: "read", path, cwd, recursive: true, via });
      return;
    case "list":
      host.ops.push({ kind: "read", path, cwd, listing: true, via });
      return;
    case "write":
      host.ops.push({ kind: "write", path, cwd, via });
      if (isShellStartupFile(path, cwd, host.home)) {
        // SPEC tier matrix: shell rc files are global configuration, whoever writes them.
        host.ops.push({
          kind: "execute",
          command: { name: via, args: [path], cwd, text: `${via} ${path}`, wrappers: [] },
          class: "global-config",
          reason: `${via} writes ${path}, a shell startup file that runs in every new shell`,
          hazards: [],
        });
      }
      return;
    case "delete":
      host.ops.push(
        tree
          ? { kind: "delete", path, cwd, recursive: true, via }
          : { kind: "delete", path, cwd, via },
      );
      return;
    case "delete-recursive":
      host.ops.push({ kind: "delete", path, cwd, recursive: true, via });
      return;
    case "move":
      host.ops.push({ kind: "read", path, cwd, via });
      host.ops.push({ kind: "delete", path, cwd, recursive: tree || undefined, via });
      return;
    case "incidental":
      incidental(host, path, cwd, via);
      return;
    default:
      return;
  }
}

export const STARTUP_FILES = new Set([
  ".bashrc",
  ".bash_profile",
  ".bash_login",
  ".bash_logout",
  ".profile",
  ".zshrc",
  ".zprofile",
  ".zshenv",
  ".zlogin",
  ".kshrc",
  ".cshrc",
  ".tcshrc",
  ".config/fish/config.fish",
]);

export function isShellStartupFile(path: string, cwd: string, home: string): boolean {
  const rel = posix.relative(home, posix.resolve(cwd, path));
  return STARTUP_FILES.has(rel) || rel.startsWith(".config/fish/conf.d/");
}

/**
 * An argument of a command whose operands automode does not model: it may still name a
 * path (`vim .env`, `--env-file=.env`, `-o out`, `if=/dev/sda`), so it becomes an incidental
 * read that only the hard limits judge.
 */
export function incidental(host: Host, value: string, cwd: string, via: string): void {
  if (value === "" || isUrl(value)) return;
  if (value.startsWith("--")) {
    const eq = value.indexOf("=");
    if (eq > 2) pushIncidental(host, value.slice(eq + 1), cwd, via);
    return;
  }
  if (value.startsWith("-") && value.length > 1) {
    // `-Isecrets/.env`, `-o.env`: a value glued to a short option.
    const rest = value.slice(2);
    if (/[./~]/.test(rest))
      pushIncidental(host, rest.startsWith("=") ? rest.slice(1) : rest, cwd, via);
    return;
  }
  pushIncidental(host, value, cwd, via);
  const eq = value.indexOf("=");
  if (eq > 0) pushIncidental(host, value.slice(eq + 1), cwd, via);
}

export function pushIncidental(host: Host, path: string, cwd: string, via: string): void {
  if (path !== "" && !isHarmlessPath(path, cwd) && !isUrl(path)) {
    host.ops.push({ kind: "read", path, cwd, incidental: true, via });
    atFile(host, path, cwd, via);
  }
}

/**
 * `@file` is how many programs take a file's contents (`gcc @args`, `curl -d @f`, httpie
 * `f=@x`): an argument naming an ignored path behind an `@` is an access to it, whatever the
 * program (issue 12, item 7).
 */
function atFile(host: Host, path: string, cwd: string, via: string): void {
  if (path.length > 1 && path.startsWith("@")) pushIncidental(host, path.slice(1), cwd, via);
}

export function incidentalAll(
  host: Host,
  args: readonly Arg[],
  cwd: string,
  via: string,
  name: string,
): void {
  if (NO_PATH_ARGS.has(name)) return;
  for (const a of args) if (a.value !== undefined) incidental(host, a.value, cwd, via);
}
