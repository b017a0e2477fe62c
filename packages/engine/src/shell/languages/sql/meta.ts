import { show } from "../result.js";
import type { Session } from "./clients.js";

/** Splits a client command's arguments the way sqlite3's shell and psql do (quotes group). */
function words(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const q = text[i];
    let w = "";
    if (q === '"' || q === "'") {
      i++;
      while (i < text.length && text[i] !== q) {
        if (q === '"' && text[i] === "\\" && i + 1 < text.length) i++;
        w += text[i++];
      }
      i++;
    } else while (i < text.length && !/\s/.test(text[i] as string)) w += text[i++];
    out.push(w);
  }
  return out;
}

const SQLITE_HARMLESS = new Set(
  (
    "tables schema indexes indices headers header mode width help databases show timer echo " +
    "nullvalue separator bail changes print quit exit fullschema dbinfo eqp explain stats prompt " +
    "timeout limit lint dump sha3sum recover scanstats parameter binary crnl vfsinfo vfslist " +
    "vfsname maxrows maxwidth rows columns highlight last expert progress"
  ).split(" "),
);

/** Output targets that are the terminal, not a file. */
function isConsole(target: string | undefined): boolean {
  return (
    target === undefined ||
    target === "stdout" ||
    target === "stderr" ||
    target === "off" ||
    target === "-"
  );
}

/** A sqlite3 or duckdb dot-command. */
function dotCommand(text: string, s: Session): void {
  const [cmd0 = "", ...args] = words(text.slice(1));
  const cmd = cmd0.toLowerCase();
  const out = s.out;
  const what = `${s.client} .${cmd}`;
  const pipe = (t: string | undefined): boolean => t?.startsWith("|") === true;
  if (SQLITE_HARMLESS.has(cmd)) return;
  switch (cmd) {
    case "shell":
    case "system":
      out.runs(`${what} runs a shell command`);
      return;
    case "excel":
    case "edit":
      out.runs(`${what} opens another program`);
      return;
    case "load":
      out.runs(`${what} loads a native extension`);
      return;
    case "output":
    case "once":
    case "log":
    case "trace":
    case "iotrace": {
      const opts = args.filter((a) => a.startsWith("-"));
      const target = args.find((a) => !a.startsWith("-"));
      if (opts.some((o) => o === "-e" || o === "-x"))
        out.runs(`${what} ${opts.join(" ")} opens another program`);
      else if (opts.some((o) => o !== "--bom" && o !== "--plain"))
        out.fail(`${what} ${show(opts.join(" "))} is not known`);
      if (pipe(target)) out.runs(`${what} ${show(target ?? "")} pipes output into a shell command`);
      else if (!isConsole(target) && !(cmd === "log" && target === "on"))
        out.write(target as string);
      return;
    }
    case "import": {
      const plain = args.filter(
        (a, k) => !a.startsWith("-") && !(args[k - 1] === "--skip" || args[k - 1] === "--schema"),
      );
      const file = plain[0];
      if (file === undefined) out.fail(`${what} without a file`);
      else if (pipe(file)) out.runs(`${what} ${show(file)} reads the output of a shell command`);
      else out.read(file);
      s.state.modified = true;
      return;
    }
    case "read": {
      const file = args[0];
      if (file === undefined) out.fail(`${what} without a file`);
      else if (pipe(file)) out.runs(`${what} ${show(file)} runs a shell command`);
      else s.script(file, ".read");
      return;
    }
    case "open": {
      const plain = args.filter((a, k) => !a.startsWith("-") && args[k - 1] !== "--maxsize");
      const known = [
        "--new",
        "--readonly",
        "--append",
        "--nofollow",
        "--zip",
        "--deserialize",
        "--maxsize",
        "--ifexists",
      ];
      const bad = args.find((a) => a.startsWith("-") && !known.includes(a));
      if (bad !== undefined) out.fail(`${what} ${show(bad)} is not known`);
      s.open(plain[0]);
      if (args.includes("--new") && plain[0] !== undefined)
        out.destroys(`${what} --new empties ${show(plain[0])}`);
      return;
    }
    case "restore": {
      const file = args.filter((a) => !a.startsWith("-")).at(-1);
      if (file === undefined) out.fail(`${what} without a file`);
      else out.read(file);
      s.state.modified = true;
      return;
    }
    case "backup":
    case "save":
    case "clone": {
      const file = args.filter((a) => !a.startsWith("-")).at(-1);
      if (file === undefined) out.fail(`${what} without a file`);
      else out.write(file);
      return;
    }
    case "cd":
      out.fail(`${what} changes the folder, so later relative paths are unknown`);
      return;
    default:
      out.fail(`${what} is not a known dot-command`);
  }
}

const PSQL_HARMLESS = new Set(
  (
    "q quit ? h help timing x pset a t T H f C echo qecho warn conninfo encoding set unset c " +
    "connect if elif else endif prompt errverbose p print r reset gdesc gset crosstabview watch " +
    "bind bind_named close parse z sf sv sf+ sv+ password getenv restrict unrestrict"
  ).split(" "),
);

/** A psql backslash command. */
function psqlCommand(text: string, s: Session): void {
  const body = text.slice(1);
  const name = /^(?:[A-Za-z_]+[+S]*|!|\?|\.)/.exec(body)?.[0] ?? "";
  const rest = body.slice(name.length);
  const args = words(rest);
  const out = s.out;
  const what = `psql \\${name}`;
  const base = name.replace(/[+S]+$/, "");
  if (name === "!") {
    out.runs(`psql \\! runs a shell command`);
    return;
  }
  if (base === "lo_import") {
    if (args[0] === undefined) out.fail(`${what} without a file`);
    else out.read(args[0]);
    return;
  }
  if (base === "lo_export") {
    if (args[1] === undefined) out.fail(`${what} without a file`);
    else out.write(args[1]);
    return;
  }
  if (base === "lo_unlink") {
    out.destroys("psql \\lo_unlink deletes a large object");
    return;
  }
  if (base === "lo_list") return;
  if (/^[dl]/.test(base) && !base.startsWith("lo_")) return; // \d, \dt, \l, \lo_list: listings
  if (PSQL_HARMLESS.has(base)) return;
  switch (base) {
    case "g":
    case "gx":
    case "o":
    case "out":
    case "w":
    case "write":
    case "s": {
      const target = rest.trim();
      if (target.startsWith("|")) out.runs(`${what} ${show(target)} pipes into a shell command`);
      else if (target !== "" && !target.startsWith("(")) {
        const file = words(target)[0];
        if (file !== undefined) out.write(file);
      }
      return;
    }
    case "i":
    case "include":
    case "ir":
    case "include_relative":
      if (args[0] === undefined) out.fail(`${what} without a file`);
      else s.script(args[0], `\\${base}`);
      return;
    case "e":
    case "edit":
    case "ef":
    case "ev":
      out.runs(`${what} opens an editor`);
      return;
    case "setenv":
      out.runs(`${what} changes the environment of commands psql runs`);
      return;
    case "gexec":
      out.runs(`${what} runs the query's results as SQL`);
      return;
    case "cd":
      out.fail(`${what} changes the folder, so later relative paths are unknown`);
      return;
    case "copy":
      psqlCopy(rest, s);
      return;
    default:
      out.fail(`${what} is not a known psql command`);
  }
}

/** `\copy table [(cols)] from|to 'file' | program 'cmd' | stdin | stdout | pstdin | pstdout`. */
function psqlCopy(rest: string, s: Session): void {
  // A query or column list in parentheses, nested or not, is not where FROM/TO is.
  let flat = rest;
  for (let prev = ""; prev !== flat; ) {
    prev = flat;
    flat = flat.replace(/\([^()]*\)/g, " ");
  }
  const args = words(flat);
  const k = args.findIndex((a) => /^(from|to)$/i.test(a));
  const dir = args[k]?.toLowerCase();
  const target = args[k + 1];
  if (k < 0 || target === undefined) {
    s.out.fail("psql \\copy without FROM or TO");
    return;
  }
  if (/^program$/i.test(target)) {
    s.out.runs(`psql \\copy … ${dir} program runs a shell command`);
    return;
  }
  if (/^p?std(in|out)$/i.test(target)) return;
  if (dir === "from") {
    s.out.read(target);
    s.state.modified = true;
  } else s.out.write(target);
}

/** A mysql client command: `system`, `\!`, `source`, `\.`, `tee`, `pager`, … */
function mysqlCommand(text: string, s: Session): void {
  const m = /^(?:\\(.)|([A-Za-z_]+))\s*(.*)$/s.exec(text);
  const short = m?.[1];
  const long = m?.[2]?.toLowerCase();
  const arg = (m?.[3] ?? "").trim();
  const out = s.out;
  const is = (l: string, sh: string): boolean => long === l || short === sh;
  if (is("system", "!")) {
    out.runs("mysql system runs a shell command");
    return;
  }
  if (is("pager", "P")) {
    out.runs("mysql pager runs its output through a command");
    return;
  }
  if (is("edit", "e")) {
    out.runs("mysql edit opens an editor");
    return;
  }
  if (is("source", ".")) {
    if (arg === "") {
      out.fail("mysql source without a file");
      return;
    }
    s.script(arg, "source");
    return;
  }
  if (is("tee", "T")) {
    if (arg === "") {
      out.fail("mysql tee without a file");
      return;
    }
    out.write(arg);
    return;
  }
  if (long === "ssl_session_data_print") {
    if (arg !== "") out.write(arg);
    return;
  }
  const harmless = [
    "notee",
    "nopager",
    "use",
    "status",
    "help",
    "exit",
    "quit",
    "connect",
    "charset",
    "warnings",
    "nowarning",
    "print",
    "rehash",
    "clear",
    "prompt",
    "resetconnection",
    "query_attributes",
  ];
  const harmlessShort = "tnush?qrCWwp#Rx";
  if (
    (long !== undefined && harmless.includes(long)) ||
    (short !== undefined && harmlessShort.includes(short))
  )
    return;
  out.fail(`mysql command ${show(text)} is not known`);
}

export function metaCommand(text: string, s: Session): void {
  if (s.client === "psql") psqlCommand(text, s);
  else if (s.client === "mysql") mysqlCommand(text, s);
  else dotCommand(text, s);
}
