import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { appendDecision, policyDigest, recordFromDecision } from "@automode/audit";
import {
  type Action,
  createEngineSync,
  type Decision,
  type Engine,
  safeText,
} from "@automode/engine";
import { defaultPolicyText, type Policy, parsePolicy, type Tier } from "@automode/policy";
import { type Call, mapTool } from "./map.js";
import type {
  Hooks,
  Plugin,
  PluginInput,
  ToolCallInput,
  ToolCallOutput,
} from "./opencode-types.js";

export interface AutomodeOptions {
  /** Overrides the policy's tier, as `--permission-tier` does. */
  tier?: Tier;
}

/** The folder that holds `.claude/`, searched upward from OpenCode's folder; else that folder. */
export function projectRootOf(directory: string): string {
  let dir = resolve(directory);
  for (;;) {
    try {
      if (statSync(join(dir, ".claude")).isDirectory()) return dir;
    } catch {}
    const up = dirname(dir);
    if (up === dir) return resolve(directory);
    dir = up;
  }
}

interface Loaded {
  key: string;
  engine: Engine;
  policy: Policy;
  policyHash: string | null;
  auditPath: string;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

const severity = { approve: 0, escalate: 1, deny: 2 } as const;

function reasonOf(d: Pick<Decision, "verdict" | "reason" | "check" | "rule" | "tier">): string {
  const by = d.rule === undefined ? d.check : `${d.check} ${d.rule}`;
  const text = safeText(`automode (${d.tier}, ${by}): ${d.reason}`);
  return d.verdict === "escalate"
    ? `${text} (this needs a person's approval, and an OpenCode plugin cannot ask, so automode blocks it: run it yourself, or approve it with a policy rule)`
    : text;
}

/**
 * The plugin: every tool call OpenCode is about to run is decided by the engine in this
 * process and appended to the project's audit log (agent `opencode`) before it runs; a deny
 * or an escalation throws, which is how a `tool.execute.before` hook blocks a call. Anything
 * that goes wrong (an invalid policy, an unreadable log, a call automode cannot read) throws
 * too: the plugin never lets a call through that it did not decide and record.
 */
export function automode(options: AutomodeOptions = {}): Plugin {
  return async (ctx: PluginInput): Promise<Hooks> => {
    const root = projectRootOf(ctx.directory);
    let loaded: Loaded | undefined;

    // The policy and ignore file are read on every call and the engine rebuilt when either
    // changed: a decision is never made with a stale policy.
    const load = (): Loaded => {
      const policyFile = join(root, ".claude", "policy.json");
      const policyText = read(policyFile);
      const ignoreText = read(join(root, ".claudeignore")) ?? "";
      const key = `${policyText ?? ""}\u0000${ignoreText}`;
      if (loaded?.key === key) return loaded;
      const parsed = parsePolicy(policyText ?? defaultPolicyText);
      if (!parsed.ok) {
        const first = parsed.diagnostics[0];
        throw new Error(
          `automode: ${policyFile}${first ? `:${first.line}:${first.column}: ${first.message}` : " is invalid"}; every call is denied until it is fixed`,
        );
      }
      const auditPath = resolve(root, parsed.policy.audit.path);
      const engine = createEngineSync({
        projectRoot: root,
        policy: parsed.policy,
        trustedPolicy: true,
        ...(policyText !== undefined ? { policyFile } : {}),
        ...(options.tier !== undefined ? { tier: options.tier } : {}),
        protectedFiles: [auditPath],
      });
      loaded = {
        key,
        engine,
        policy: parsed.policy,
        policyHash: policyText === undefined ? null : policyDigest(policyText),
        auditPath,
      };
      return loaded;
    };

    const before = async (input: ToolCallInput, output: ToolCallOutput): Promise<void> => {
      const started = performance.now();
      const project = load();
      const tier = options.tier ?? project.policy.tier;
      const calls: Call[] =
        typeof input?.tool === "string" && input.tool !== ""
          ? mapTool(
              input.tool,
              output?.args,
              ctx.directory,
              typeof input.sessionID === "string" ? input.sessionID : undefined,
            )
          : [{ kind: "invalid", reason: "the tool call has no tool name" }];
      const decided = calls.map((call): [Action, Decision] => {
        const tool =
          typeof input?.tool === "string" && input.tool !== "" ? input.tool : "(no tool)";
        const asAction: Action =
          call.kind === "action"
            ? call.action
            : { kind: "execute", command: tool, tool, cwd: ctx.directory };
        try {
          if (call.kind === "invalid") {
            return [
              asAction,
              {
                verdict: "deny",
                reason: call.reason,
                check: "invalid-input",
                tier,
                operations: [],
              },
            ];
          }
          const decision =
            call.kind === "tool"
              ? project.engine.decideTool(call.tool)
              : project.engine.decide(call.action, call.options);
          return [asAction, decision];
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return [
            asAction,
            {
              verdict: "deny",
              reason: `automode failed, so it denies: ${message}`,
              check: "internal-error",
              tier,
              operations: [],
            },
          ];
        }
      });
      const us = (performance.now() - started) * 1000;
      for (const [action, decision] of decided) {
        await appendDecision(
          project.auditPath,
          recordFromDecision(action, decision, {
            policy: project.policyHash,
            us,
            agent: "opencode",
            ...(typeof input?.tool === "string" && input.tool !== "" ? { tool: input.tool } : {}),
          }),
          { redact: project.policy.audit.redact },
        );
      }
      let worst = decided[0]?.[1];
      for (const [, d] of decided)
        if (worst === undefined || severity[d.verdict] > severity[worst.verdict]) worst = d;
      if (worst === undefined || worst.verdict !== "approve") {
        throw new Error(
          worst === undefined ? "automode: nothing to decide, so it denies" : reasonOf(worst),
        );
      }
    };

    return { "tool.execute.before": before };
  };
}

/** The plugin with the policy's own tier: `export { AutomodePlugin } from "@automode/opencode"`. */
export const AutomodePlugin: Plugin = automode();
