import type { Operation } from "../types.js";
import { evaluationFindings } from "./evaluation.js";
import type { Flow, Frame, State } from "./model.js";
import type { SyntaxNode } from "./parser.js";

/** What the walk offers this module: its operations and its substitution scanner. */
interface WalkHost {
  readonly ops: Operation[];
  scan(node: SyntaxNode, st: State, frame: Frame): boolean;
}

/**
 * After a script is walked, one execute operation per place where bash evaluates text the
 * tree does not show (evaluation.ts), each escalated as `dynamic` or `unparseable`.
 */
export function evaluationOps(
  host: WalkHost,
  program: SyntaxNode,
  st: State,
  frame: Frame,
  flow: Flow,
): Flow {
  for (const f of evaluationFindings(program)) {
    host.ops.push({
      kind: "execute",
      command: { name: "", args: [], cwd: st.cwd, text: f.text, wrappers: [...frame.wrappers] },
      class: "unknown",
      reason: f.reason,
      hazards: [...frame.inherited, { check: f.check, reason: f.reason }],
    });
  }
  return flow;
}

/** `a[$(rm -rf src)]=1`: the subscript of an assigned name runs its substitutions too. */
export function scanAssignedName(
  host: WalkHost,
  assignment: SyntaxNode,
  st: State,
  frame: Frame,
): void {
  const name = assignment.childForFieldName("name");
  if (name?.type === "subscript") host.scan(name, st, frame);
}
