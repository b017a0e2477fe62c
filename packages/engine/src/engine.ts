import { isAbsolute, join, resolve } from "node:path";
import {
  type Diagnostic,
  defaultPolicy,
  type Policy,
  type PolicyInput,
  parsePolicy,
  policySchema,
  type Tier,
} from "@automode/policy";
import {
  type ContainsStore,
  createScope,
  defaultEnv,
  type FileSystem,
  nodeFileSystem,
  type ScopeEnv,
  ScopeError,
} from "@automode/scope";
import { makeAnalyzer } from "./analyzer.js";
import { buildEngine, type Engine } from "./core.js";
import {
  checkParserChoice,
  initShellParser,
  parserChoiceFromEnv,
  type ShellParserChoice,
  shellParserSync,
} from "./shell/parser-load.js";

export interface EngineOptions {
  /** Absolute: the folder that holds `.claude/`. */
  projectRoot: string;
  /** A parsed policy (or one as a user writes it); absent: read from `policyFile`. */
  policy?: Policy | PolicyInput;
  /**
   * `policy` is already validated (the output of `parsePolicy` or `policySchema`): use it as
   * is instead of validating it again. Only for a caller that validated it itself.
   */
  trustedPolicy?: boolean;
  /** Default `<projectRoot>/.claude/policy.json`; absent there: the built-in default policy. */
  policyFile?: string;
  /** Overrides the policy's tier (`--permission-tier`). */
  tier?: Tier;
  /**
   * More self-protected files, absolute or relative to `projectRoot`, besides the policy, its
   * ignore file and its `audit.path`: an audit log the caller writes elsewhere (`--audit-log`).
   */
  protectedFiles?: readonly string[];
  fs?: FileSystem;
  env?: ScopeEnv;
  /**
   * The bash parser: `native` (the tree-sitter binding), `wasm` (web-tree-sitter) or `auto`
   * (native when it loads, else wasm). Default: the `AUTOMODE_PARSER` environment variable,
   * else `auto`. `createEngineSync` cannot initialise the WebAssembly parser (see the README).
   */
  parser?: ShellParserChoice;
  /**
   * Where "is anything ignored under this folder?" answers are kept between engines (the
   * command hook's cache file); used only while every time they recorded still matches.
   */
  containsStore?: ContainsStore;
}

/** The policy could not be read or is invalid: the engine refuses to start (fail closed). */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.diagnostics = diagnostics;
  }
}

const defaultPolicyFile = join(".claude", "policy.json");

function loadPolicy(options: EngineOptions, fs: FileSystem): { policy: Policy; file: string } {
  const file = resolve(options.projectRoot, options.policyFile ?? defaultPolicyFile);
  if (options.policy !== undefined) {
    if (options.trustedPolicy === true) return { policy: options.policy as Policy, file };
    const parsed = policySchema.safeParse(options.policy);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PolicyError(
        `invalid policy: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
      );
    }
    return { policy: parsed.data, file };
  }
  const text = fs.readFile(file);
  if (text === undefined) {
    if (options.policyFile !== undefined)
      throw new PolicyError(`cannot read the policy file ${file}`);
    // SPEC section 2: without a policy file the built-in default applies.
    return { policy: defaultPolicy(), file };
  }
  const result = parsePolicy(text, { file });
  if (!result.ok) {
    const first = result.diagnostics[0];
    const where = first ? `${file}:${first.line}:${first.column}: ${first.message}` : file;
    throw new PolicyError(`invalid policy ${where}`, result.diagnostics);
  }
  return { policy: result.policy, file };
}

/**
 * Builds the engine synchronously: reads the policy, builds the scope (which reads the ignore
 * file) and the shell parser. Everything after it is pure and synchronous.
 */
export function createEngineSync(options: EngineOptions): Engine {
  if (typeof options.projectRoot !== "string" || !isAbsolute(options.projectRoot)) {
    throw new PolicyError(
      `projectRoot must be an absolute path, got ${JSON.stringify(options.projectRoot)}`,
    );
  }
  const parser = parserChoice(options);
  // Fail at creation when the WebAssembly parser was asked for and nobody initialised it; the
  // native one loads on the first command (a file action never pays for it).
  if (parser === "wasm") shellParserSync(parser);
  const fs = options.fs ?? nodeFileSystem;
  const env = options.env ?? defaultEnv();
  const { policy, file } = loadPolicy(options, fs);
  const root = options.projectRoot;
  // Every audit log comes with its lock file: whoever holds the lock stops every append.
  const logs = [
    resolve(root, policy.audit.path),
    ...(options.protectedFiles ?? []).map((extra) => resolve(root, extra)),
  ];
  const protectedFiles = [file, ...logs.flatMap((log) => [log, `${log}.lock`])];
  let scope: ReturnType<typeof createScope>;
  try {
    scope = createScope({
      projectRoot: root,
      additionalDirectories: policy.additionalDirectories,
      ignoreFile: policy.ignoreFile,
      protectedFiles,
      fs,
      env,
      ...(options.containsStore === undefined ? {} : { containsStore: options.containsStore }),
    });
  } catch (error) {
    // SPEC section 2: a too-wide additionalDirectories entry makes the policy invalid.
    if (error instanceof ScopeError)
      throw new PolicyError(`invalid policy ${file}: ${error.message}`);
    throw error;
  }
  return buildEngine({
    scope,
    analyze: makeAnalyzer({ scope, fs, env, parser }),
    policy,
    tier: options.tier ?? policy.tier,
    home: env.home,
    protectedFiles: [
      ...protectedFiles,
      resolve(root, policy.ignoreFile),
      // A recursive delete of `.claude` takes Claude Code's settings (and their hook) with it.
      resolve(root, ".claude", "settings.json"),
      resolve(root, ".claude", "settings.local.json"),
      // Installed copies of automode and git hooks, when present: `rm -rf node_modules` or
      // `rm -rf .git/hooks` takes them away as surely as deleting each file would.
      ...["node_modules/automode", "node_modules/@automode", "node_modules/.bin", ".git/hooks"]
        .map((p) => resolve(root, p))
        .filter((p) => fs.lstat(p) !== undefined),
    ],
  });
}

function parserChoice(options: EngineOptions): ShellParserChoice {
  return options.parser === undefined ? parserChoiceFromEnv() : checkParserChoice(options.parser);
}

/**
 * The documented entry point: readies the bash parser first (the native binding, or the
 * WebAssembly build where the binding does not load), then builds the engine.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  await initShellParser(parserChoice(options));
  return createEngineSync(options);
}
