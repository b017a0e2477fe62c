import { bypasses } from "./bypasses.js";
import {
  attackFindings,
  commandPaths,
  destructiveSpellings,
  environment,
  everyday,
  runsCode,
  unknownVerbs,
  writesFiles,
} from "./closed-world.js";
import { contentsCopies } from "./contents-copies.js";
import { evaluation } from "./evaluation.js";
import { gitPaths } from "./git-paths.js";
import {
  credentials,
  ignored,
  invalidInput,
  privilege,
  recursiveReads,
  selfProtection,
  systemPaths,
} from "./hard-limits.js";
import { identity, newStores, wiring } from "./identity.js";
import { lineLinks, lineSwaps, lineTaint } from "./line-effects.js";
import { pathTricks } from "./paths.js";
import { fileUrls, procPaths } from "./proc-and-file-urls.js";
import { rules } from "./rules.js";
import {
  destructive,
  dynamicCommands,
  nested,
  obfuscated,
  remoteCode,
  runners,
  wrapped,
} from "./shell-forms.js";
import {
  development,
  fileMatrix,
  globalConfig,
  network,
  packageInstall,
  readOnly,
  unknown,
} from "./tier.js";
import type { Case } from "./types.js";

export const groups: Record<string, Case[]> = {
  "invalid input": invalidInput,
  privilege,
  "ignored paths": ignored,
  "recursive reads": recursiveReads,
  "self-protection": selfProtection,
  credentials,
  "system paths": systemPaths,
  "file tier matrix": fileMatrix,
  "read-only commands": readOnly,
  "development commands": development,
  "package installs": packageInstall,
  "unknown commands": unknown,
  "network commands": network,
  "global configuration": globalConfig,
  wrappers: wrapped,
  "xargs, find -exec, parallel": runners,
  nesting: nested,
  obfuscation: obfuscated,
  "destructive operations": destructive,
  "remote code": remoteCode,
  "dynamic and unparseable": dynamicCommands,
  "path tricks": pathTricks,
  "paths through /proc and /dev": procPaths,
  "file:// URLs": fileUrls,
  "git paths, @file arguments, file:// transfers, patches in the line": gitPaths,
  rules,
  "reported bypasses": bypasses,
  "file identity, wiring, new credential stores": [...identity, ...wiring, ...newStores],
  "closed world: options that run code": runsCode,
  "closed world: options that write files": writesFiles,
  "closed world: unknown verbs and options": unknownVerbs,
  "closed world: environment assignments": environment,
  "closed world: command words that are paths": commandPaths,
  "closed world: destructive spellings": destructiveSpellings,
  "closed world: everyday commands": everyday,
  "closed world: attack findings": attackFindings,
  "the line as the shell runs it: links": lineLinks,
  "the line as the shell runs it: taint": lineTaint,
  "the line as the shell runs it: working-tree swaps": lineSwaps,
  "the line as the shell runs it: contents copies and archives": contentsCopies,
  "bash evaluation the tree does not show": evaluation,
};

export type { Case, Expect } from "./types.js";
export { verdictsOf } from "./types.js";
