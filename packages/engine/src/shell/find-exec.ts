import type { Ctx, Invocation } from "./invocation.js";
import type { Roles } from "./operands.js";
import { type Arg, runSimple } from "./simple.js";

/** `find … -exec cmd {} ;`: cmd runs on every file found under the roots (`{}` is each). */
export function findExecs(c: Ctx, inv: Invocation, roles: Roles): void {
  const { args, cwd, wrappers, hazards } = inv;
  const rootIdx = roles.roles.flatMap((r, i) => (r === "list" ? [i] : []));
  const roots: Arg[] =
    rootIdx.length > 0 ? rootIdx.map((i) => args[i] as Arg) : [{ value: ".", text: "." }];
  for (const ex of roles.execs) {
    const words = args.slice(ex.start, ex.end);
    if (words.length === 0) continue;
    const inner: Arg[] = [];
    for (const w of words) {
      if (w.value === "{}") for (const r of roots) inner.push({ ...r, tree: true });
      else inner.push(w);
    }
    runSimple(
      c.host,
      inner,
      [],
      c.text,
      { ...c.st, cwd },
      {
        wrappers: [...wrappers, `find ${ex.kind}`],
        inherited: hazards.filter((h) => h.check === "privilege"),
        depth: c.frame.depth + 1,
      },
      undefined,
    );
  }
}
