/**
 * find's expression language (GNU findutils 4.9) cannot be described as options: this is its
 * closed list of predicates and operators. A word starting with `-` that is not here makes
 * the invocation unknown. Actions that run or write (`-exec`, `-fprint`) are modelled in
 * `operands.ts`; `-delete` in `tables/destructive.ts`.
 */
const FIND_WORDS = new Set(
  (
    "-H -L -P -D -O0 -O1 -O2 -O3 -d -depth -daystart -follow -help --help -ignore_readdir_race -maxdepth -mindepth -mount -noignore_readdir_race -noleaf -version --version -xdev -xautofs -warn -nowarn -regextype " +
    "-amin -anewer -atime -cmin -cnewer -ctime -empty -executable -false -fstype -gid -group -ilname -iname -inum -ipath -iregex -iwholename -links -lname -mmin -mtime -name -newer -newerXY -newermt -newerat -newerct -newerBt -nogroup -nouser -path -perm -readable -regex -samefile -size -true -type -uid -used -user -wholename -writable -xtype -context -files0-from " +
    "-delete -exec -execdir -fls -fprint -fprint0 -fprintf -ls -ok -okdir -print -print0 -printf -prune -quit " +
    "-not -and -or -a -o"
  ).split(" "),
);

/** dd's operands (GNU coreutils 9.1): `key=value` only. */
const DD_KEYS = new Set([
  "if",
  "of",
  "bs",
  "ibs",
  "obs",
  "cbs",
  "count",
  "skip",
  "seek",
  "iseek",
  "oseek",
  "conv",
  "iflag",
  "oflag",
  "status",
]);

/** Why a dd invocation is outside its grammar, or undefined. */
export function ddMiss(values: readonly (string | undefined)[]): string | undefined {
  for (const v of values) {
    if (v === undefined || v === "--help" || v === "--version") continue;
    const key = v.split("=")[0] ?? "";
    if (!v.includes("=") || !DD_KEYS.has(key)) return `dd ${v} is not an operand automode knows`;
  }
  return undefined;
}

/** Why a find invocation is outside the closed list, or undefined. */
export function findMiss(values: readonly (string | undefined)[]): string | undefined {
  let inExec = false;
  for (const v of values) {
    if (v === undefined) continue;
    if (inExec) {
      if (v === ";" || v === "+") inExec = false;
      continue;
    }
    if (v === "-exec" || v === "-execdir" || v === "-ok" || v === "-okdir") {
      inExec = true;
      continue;
    }
    if (v.startsWith("-") && v.length > 1 && !FIND_WORDS.has(v) && !/^-newer[abcmBt]{2}$/.test(v))
      return `find ${v} is not a predicate automode knows`;
  }
  return undefined;
}
