import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Engine } from "@automode/engine";
import {
  defaultPolicy,
  type JsonPath,
  type ParseResult,
  type Policy,
  parsePolicy,
  type Tier,
} from "@automode/policy";
import { checkAdditionalDirectories, createScope, type Scope } from "@automode/scope";
import { type IgnoreLine, ignoreLines } from "./ignore-lines.js";
import { JsonLocator } from "./json-locate.js";
import { loadEngine } from "./peers.js";
import type { Range } from "./types.js";

/** A project to lint: its root, its policy file and the ignore file that policy names. */
export interface ProjectTarget {
  /** Absolute project root (the folder that holds `.claude/`). */
  root: string;
  /** Absolute path of the policy file; it may not exist (the built-in default applies). */
  policyFile: string;
  /** The policy's text when it does not come from `policyFile` (`--stdin`). */
  policyText?: string;
  /** The name reports give the policy instead of `policyFile` (`<text>` for `--stdin`). */
  reportAs?: string;
}

/** Everything the rules read, loaded once per project. */
export interface ProjectContext {
  root: string;
  policyFile: string;
  /** Undefined when there is no policy file. */
  policyText: string | undefined;
  /** Undefined when there is no policy file. */
  parsed: ParseResult | undefined;
  /** The policy (the built-in default without a file); undefined when the file does not parse. */
  policy: Policy | undefined;
  /** Absolute path of the ignore file the policy names. */
  ignoreFile: string;
  /** Undefined when the ignore file is missing. */
  ignoreText: string | undefined;
  ignoreLines: IgnoreLine[];
  /** The range of a JSON path in the policy file (its nearest written parent when absent). */
  locate(path: JsonPath): Range;
  /** Whether the policy file writes a value at this JSON path. */
  written(path: JsonPath): boolean;
  /** The project's scope from `@automode/scope`, created on first use. */
  scope(): Promise<Scope>;
  /** A real engine from `@automode/engine` for the project root and its policy file. */
  engine(options: { policy: Policy; tier?: Tier }): Promise<Engine>;
}

/** A file the linter must read exists but cannot be read: not a finding, an internal failure (exit 2). */
export class ReadError extends Error {}

/** The file's text, or undefined when it does not exist. */
function readIfExists(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ReadError(`cannot read ${path}: ${code}`);
  }
}

export function loadProject(target: ProjectTarget): ProjectContext {
  const policyText = target.policyText ?? readIfExists(target.policyFile);
  const parsed =
    policyText === undefined ? undefined : parsePolicy(policyText, { file: target.policyFile });
  const policy = parsed === undefined ? defaultPolicy() : parsed.ok ? parsed.policy : undefined;
  // A policy that does not parse still names its ignore file only if we can trust it; fall back to the default.
  const ignoreFile = resolve(target.root, policy?.ignoreFile ?? ".claudeignore");
  const ignoreText = readIfExists(ignoreFile);
  const locator = new JsonLocator(policyText ?? "");
  let scope: Scope | undefined;

  return {
    root: target.root,
    policyFile: target.policyFile,
    policyText,
    parsed,
    policy,
    ignoreFile,
    ignoreText,
    ignoreLines: ignoreText === undefined ? [] : ignoreLines(ignoreText),
    locate: (path) => locator.locate(path),
    written: (path) => locator.has(path),
    async scope() {
      if (scope === undefined) {
        // Entries the engine refuses are reported by additional-directory-too-wide; the other
        // rules judge with the rest. The scope resolves `~` and relative entries itself.
        const entries = policy?.additionalDirectories ?? [];
        const refused = new Set(
          checkAdditionalDirectories({
            projectRoot: target.root,
            additionalDirectories: entries,
          }).map((p) => p.index),
        );
        scope = createScope({
          projectRoot: target.root,
          additionalDirectories: entries.filter((_, i) => !refused.has(i)),
          ignoreFile,
        });
      }
      return scope;
    },
    engine(options) {
      // The engine refuses a policy with a too-wide additional folder (reported by
      // additional-directory-too-wide); the other rules judge the policy without those entries.
      const entries = options.policy.additionalDirectories;
      const refused = new Set(
        checkAdditionalDirectories({
          projectRoot: target.root,
          additionalDirectories: entries,
        }).map((p) => p.index),
      );
      const policy =
        refused.size === 0
          ? options.policy
          : { ...options.policy, additionalDirectories: entries.filter((_, i) => !refused.has(i)) };
      return loadEngine({
        projectRoot: target.root,
        policyFile: target.policyFile,
        ...options,
        policy,
      });
    },
  };
}
