import { isWithin, pathKey } from "./keys.js";

/**
 * SPEC section 5, stage 3. `/lib*` is every top-level folder whose name starts with `lib`
 * (`/lib`, `/lib32`, `/lib64`, `/libx32`). macOS keeps `/etc` at `/private/etc`, so a path
 * that resolves there is a system path too.
 */
const systemFolders = [
  "/etc",
  "/usr",
  "/bin",
  "/sbin",
  "/boot",
  "/System",
  "/Library",
  "/private/etc",
];

/** `C:\Windows`, `C:\Program Files` (and `Program Files (x86)`) on any drive letter. */
const windowsSystem = /^[a-z]:[\\/]+(windows|program files( \(x86\))?)([\\/]|$)/i;

const foldedSystemFolders = systemFolders.map((folder) => folder.toLowerCase());

/** `path` is absolute and normalised; on a case-insensitive file system `/ETC` is `/etc`. */
export function isSystemPath(path: string, caseSensitive: boolean): boolean {
  // A drive-letter path never starts with `/`: the expression only runs on the others.
  if (!path.startsWith("/")) return windowsSystem.test(path);
  const key = caseSensitive ? path : path.toLowerCase();
  const second = key.indexOf("/", 1);
  const top = second === -1 ? key.slice(1) : key.slice(1, second);
  if (top.startsWith("lib")) return true;
  return isUnderAny(caseSensitive ? systemFolders : foldedSystemFolders, key);
}

/**
 * SPEC section 5, stage 2, relative to the home folder. Folders protect everything under
 * them; the files are protected as named (and anything under them, should one be a folder).
 */
export const credentialStores = [
  ".ssh",
  ".aws",
  ".gnupg",
  ".config/gcloud",
  ".azure",
  ".kube/config",
  ".docker/config.json",
  ".netrc",
  ".npmrc",
  ".pypirc",
  ".git-credentials",
  ".pgpass",
  ".cargo/credentials",
  ".cargo/credentials.toml",
  ".config/gh/hosts.yml",
  ".claude/.credentials.json",
  // automode's own configuration folder: the audit signing key and token live there.
  ".config/automode",
  // automode's state folder: the command hook's kept `containsIgnored` answers live there.
  ".local/state/automode",
] as const;

/**
 * Keys of every credential store under each spelling of home (as given and real), plus
 * automode's folder under `$XDG_CONFIG_HOME` when that is set elsewhere (`extraFolders`).
 */
export function credentialKeys(
  homes: string[],
  caseSensitive: boolean,
  extraFolders: readonly string[] = [],
): string[] {
  const keys = new Set<string>();
  for (const home of homes) {
    for (const store of credentialStores) {
      keys.add(pathKey(home === "/" ? `/${store}` : `${home}/${store}`, caseSensitive));
    }
  }
  for (const folder of extraFolders) keys.add(pathKey(folder, caseSensitive));
  return [...keys];
}

/**
 * `/proc/<pid>/environ` and `/proc/<pid>/task/<tid>/environ` (`self`, `thread-self` and every
 * pid): another process's environment holds the host's API keys. procfs has no hard links, and
 * `/proc/self` is a symlink the real path resolves, so the written and real path suffice.
 */
export function isProcEnviron(path: string): boolean {
  if (!path.startsWith("/proc/") || !path.endsWith("/environ")) return false;
  const parts = path.split("/");
  // "", "proc", <pid>, "environ"  or  "", "proc", <pid>, "task", <tid>, "environ"
  if (parts.length === 4) return parts[2] !== "";
  return parts.length === 6 && parts[3] === "task" && parts[2] !== "" && parts[4] !== "";
}

export function isUnderAny(keys: readonly string[], key: string): boolean {
  // A plain loop: no closure per call on the hot path.
  for (let i = 0; i < keys.length; i++) {
    if (isWithin(keys[i] as string, key)) return true;
  }
  return false;
}
