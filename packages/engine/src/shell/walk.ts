import type { Hazard, Operation } from "../types.js";
import { envEffect } from "./env.js";
import { backtickScript, heredocScript } from "./evaluation-structure.js";
import { evaluationOps, scanAssignedName } from "./evaluation-walk.js";
import type { FileSystem } from "./fs.js";
import { type Feed, type Flow, type Frame, type Host, NO_FLOW, type State } from "./model.js";
import { Overlay } from "./overlay/overlay.js";
import { Settler } from "./overlay/settle.js";
import { parseBash, type SyntaxNode } from "./parser.js";
import { type Arg, type Assign, expandWords, incidental, pathOp, runSimple } from "./simple.js";
import { evalWord, type Word, type WordScope, wordValue } from "./words.js";

/** Deeper syntax trees than this are not walked (a 10,000-character line of `((((`). */
const MAX_DEPTH = 400;

const HEREDOC_PARTS = new Set([
  "heredoc_start",
  "heredoc_body",
  "heredoc_end",
  "<<",
  "<<-",
  "heredoc_content",
]);

/** Walks a bash syntax tree, tracking `cd`, and turns every simple command into operations. */
export class Walker implements Host {
  readonly ops: Operation[] = [];
  network = 0;
  readonly overlay: Overlay;
  private readonly settler: Settler;
  private depth = 0;

  constructor(
    readonly fs: FileSystem,
    readonly home: string,
  ) {
    this.overlay = new Overlay(fs);
    this.settler = new Settler(this.overlay, this.ops);
  }

  /**
   * Ends a command for the overlay: its operations (from `from`) are followed through what
   * the line made so far, then its own effects are applied for the commands after it.
   */
  settle(from: number, st?: State): void {
    this.settler.settle(from, st);
  }

  script(text: string, st: State, frame: Frame, feed: Feed | undefined): Flow {
    if (frame.depth > 12 || text.length > 10_000) {
      this.ops.push(
        unparseableOp(text, st.cwd, frame, "the nested script is too deep or too long to analyse"),
      );
      return NO_FLOW;
    }
    const { root, hasError, misread } = parseBash(text);
    if (hasError || misread)
      this.ops.push(
        unparseableOp(text, st.cwd, frame, "part of the nested script cannot be parsed"),
      );
    return this.statement(root, st, frame, feed);
  }

  /** Any node: statements are analysed, other nodes are searched for substitutions. */
  statement(node: SyntaxNode, st: State, frame: Frame, feed: Feed | undefined): Flow {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      this.ops.push(
        unparseableOp(node.text, st.cwd, frame, "the command nests too deeply to analyse"),
      );
      return NO_FLOW;
    }
    try {
      return this.dispatch(node, st, frame, feed);
    } finally {
      this.depth--;
    }
  }

  private dispatch(node: SyntaxNode, st: State, frame: Frame, feed: Feed | undefined): Flow {
    switch (node.type) {
      case "program":
        return evaluationOps(this, node, st, frame, this.sequence(node, st, frame, feed));
      case "compound_statement":
      case "do_group":
      case "else_clause":
      case "elif_clause":
      case "if_statement":
      case "while_statement":
      case "list":
        return this.sequence(node, st, frame, feed);
      case "subshell":
        return this.sequence(node, copy(st), frame, feed);
      case "pipeline":
        return this.pipeline(node, st, frame, feed);
      case "command":
        return this.command(node, st, frame, feed, []);
      case "redirected_statement":
        return this.redirected(node, st, frame, feed);
      case "negated_command":
        return this.sequence(node, st, frame, feed);
      case "function_definition": {
        const body = node.childForFieldName("body");
        if (body) this.statement(body, copy(st), frame, undefined);
        return NO_FLOW;
      }
      case "for_statement": {
        for (const v of node.childrenForFieldName("value")) this.scan(v, st, frame);
        const body = node.childForFieldName("body");
        if (body) this.statement(body, st, frame, undefined);
        return NO_FLOW;
      }
      case "case_statement": {
        const value = node.childForFieldName("value");
        if (value) this.scan(value, st, frame);
        for (const item of node.namedChildren) {
          if (item.type !== "case_item") continue;
          for (const c of item.namedChildren) {
            if (c.field === "value") continue;
            this.statement(c, st, frame, undefined);
          }
        }
        return NO_FLOW;
      }
      case "declaration_command":
      case "unset_command":
        return this.declaration(node, st, frame);
      case "variable_assignment":
      case "variable_assignments":
        return this.assignments(node, st, frame);
      case "comment":
      case "heredoc_body":
        return NO_FLOW;
      case "test_command":
        return this.test(node, st, frame);
      case "file_redirect":
      case "heredoc_redirect":
      case "herestring_redirect": {
        // A redirect on its own: `> f` truncates f, `$(<f)` reads f.
        const continuations: SyntaxNode[] = [];
        const start = this.ops.length;
        this.redirect(node, st, frame, continuations);
        this.redirectWrites(start, this.ops.length, false);
        this.settle(start, st);
        return this.continue(continuations, NO_FLOW, st, frame);
      }
      default:
        if (isWordish(node.type)) {
          this.scan(node, st, frame);
          return NO_FLOW;
        }
        return this.sequence(node, st, frame, feed);
    }
  }

  /** Statements one after another; only the first is fed (`cat <<EOF | sh && x`). */
  private sequence(node: SyntaxNode, st: State, frame: Frame, feed: Feed | undefined): Flow {
    let flow: Flow = NO_FLOW;
    let first = true;
    for (const c of node.namedChildren) {
      flow = this.statement(c, st, frame, first ? feed : undefined);
      if (c.type !== "comment") first = false;
    }
    return flow;
  }

  private pipeline(
    node: SyntaxNode,
    st: State,
    frame: Frame,
    feed: Feed | undefined,
    tail: readonly SyntaxNode[] = [],
  ): Flow {
    let flow: Flow | undefined;
    let network = feed?.network === true;
    const stages = node.namedChildren.filter((c) => c.type !== "comment");
    stages.forEach((c, i) => {
      // Network output stays tainted through filters (`curl … | tee x | sh`).
      const stageFeed: Feed | undefined =
        flow === undefined ? feed : { network, text: flow.text, via: "a pipe" };
      // Every stage runs in its own subshell: a `cd` in one does not move the others.
      flow =
        i === stages.length - 1 && tail.length > 0
          ? this.withTail(c, copy(st), frame, stageFeed, tail)
          : this.statement(c, copy(st), frame, stageFeed);
      network ||= flow.network;
    });
    return { network, text: flow?.text };
  }

  /**
   * tree-sitter-bash hangs a redirect written after `a && b` or `a | b` on the whole list;
   * bash binds it to the last command only (so `cd db && echo x > f` writes `db/f`).
   */
  private withTail(
    node: SyntaxNode,
    st: State,
    frame: Frame,
    feed: Feed | undefined,
    tail: readonly SyntaxNode[],
  ): Flow {
    switch (node.type) {
      case "list": {
        const kids = node.namedChildren.filter((c) => c.type !== "comment");
        let flow: Flow = NO_FLOW;
        kids.forEach((c, i) => {
          const f = i === 0 ? feed : undefined;
          flow =
            i === kids.length - 1
              ? this.withTail(c, st, frame, f, tail)
              : this.statement(c, st, frame, f);
        });
        return flow;
      }
      case "pipeline":
        return this.pipeline(node, st, frame, feed, tail);
      case "command":
        return this.command(node, st, frame, feed, tail);
      case "redirected_statement":
        return this.redirected(node, st, frame, feed, tail);
      default:
        return this.applyRedirects(node, tail, st, frame, feed);
    }
  }

  private redirected(
    node: SyntaxNode,
    st: State,
    frame: Frame,
    feed: Feed | undefined,
    extra: readonly SyntaxNode[] = [],
  ): Flow {
    const body = node.childForFieldName("body");
    const redirects: SyntaxNode[] = [];
    for (const c of node.namedChildren) {
      if (c !== body && c.type.endsWith("_redirect")) redirects.push(c);
    }
    redirects.push(...extra);
    if (!body) return this.applyRedirects(undefined, redirects, st, frame, feed);
    switch (body.type) {
      case "list":
      case "pipeline":
      case "command":
      case "redirected_statement":
        return this.withTail(body, st, frame, feed, redirects);
      default:
        return this.applyRedirects(body, redirects, st, frame, feed);
    }
  }

  /** A compound statement (`{ …; } > f`, `while …; done < f`) with its redirects. */
  private applyRedirects(
    body: SyntaxNode | undefined,
    redirects: readonly SyntaxNode[],
    st: State,
    frame: Frame,
    feed: Feed | undefined,
  ): Flow {
    let bodyFeed = feed;
    const continuations: SyntaxNode[] = [];
    const redirectsStart = this.ops.length;
    for (const r of redirects) {
      const f = this.redirect(r, st, frame, continuations);
      if (f) bodyFeed = f;
    }
    const redirectsEnd = this.ops.length;
    const networkBefore = this.network;
    let flow: Flow = body ? this.statement(body, st, frame, bodyFeed) : NO_FLOW;
    // `{ …; } > f`: the redirect's file now holds what the body printed.
    this.redirectWrites(redirectsStart, redirectsEnd, this.network > networkBefore || flow.network);
    this.settle(redirectsStart, st);
    flow = this.continue(continuations, flow, st, frame);
    return flow;
  }

  /** Records the files written by redirects among ops[from, to) in the overlay. */
  private redirectWrites(from: number, to: number, network: boolean): void {
    for (let i = from; i < to; i++) {
      const o = this.ops[i];
      if (o?.kind !== "write" || !o.via?.endsWith(" redirect")) continue;
      this.overlay.pending.push({
        kind: "write",
        at: o.path.startsWith("/") ? o.path : `${o.cwd}/${o.path}`,
        taint: network ? "remote" : "dynamic",
        by: o.via,
      });
    }
  }

  /** `cat <<EOF | sh`: tree-sitter hangs the rest of the pipeline inside the heredoc redirect. */
  private continue(
    continuations: readonly SyntaxNode[],
    flowIn: Flow,
    st: State,
    frame: Frame,
  ): Flow {
    let flow = flowIn;
    for (const cont of continuations) {
      const piped =
        cont.type === "pipeline" ||
        cont.children[0]?.type === "|" ||
        cont.children[0]?.type === "|&";
      flow = this.statement(
        cont,
        st,
        frame,
        piped ? { network: flow.network, text: flow.text, via: "a pipe" } : undefined,
      );
    }
    return flow;
  }

  /** Emits the file operation of one redirect; returns what it feeds on stdin, if anything. */
  private redirect(
    r: SyntaxNode,
    st: State,
    frame: Frame,
    continuations: SyntaxNode[],
  ): Feed | undefined {
    const scope = this.scope(st, frame);
    switch (r.type) {
      case "file_redirect": {
        const dest =
          r.childForFieldName("destination") ??
          r.namedChildren.filter((c) => c.type !== "file_descriptor").at(-1);
        const op = r.children.find((c) => !c.isNamed)?.type ?? ">";
        if (!dest) return undefined;
        // `2>&1`, `>&2`: duplicating a descriptor touches no file.
        if (
          (op === ">&" || op === "<&" || op === ">&-" || op === "<&-") &&
          /^\d+-?$|^-$/.test(dest.text)
        ) {
          // `bash <&0`, `sh 0<&3`: standard input from a descriptor, text automode cannot see.
          const fd = r.namedChildren.find((c) => c.type === "file_descriptor")?.text ?? "0";
          return op === "<&" && fd === "0" && /^\d+$/.test(dest.text)
            ? { network: false, text: undefined, via: `<&${dest.text}` }
            : undefined;
        }
        const w = evalWord(dest, scope);
        const args = expandWords([w], st.cwd, this, []);
        const via = `${op} redirect`;
        for (const a of args) {
          if (a.value === undefined) {
            this.ops.push(
              dynamicOp(
                r.text,
                st.cwd,
                frame,
                a.network ? "remote-code" : "dynamic",
                `the redirect target ${a.text} is not a literal`,
              ),
            );
            continue;
          }
          if (op === "<") pathOp(this, "read", a, st.cwd, via);
          else if (op === "<>") {
            pathOp(this, "read", a, st.cwd, via);
            pathOp(this, "write", a, st.cwd, via);
          } else pathOp(this, "write", a, st.cwd, via);
        }
        if (op === "<") {
          const value = args[0]?.value;
          return {
            network: args.some((a) => a.network === true),
            text: undefined,
            via: value ? `< ${value}` : "a < redirect",
          };
        }
        return undefined;
      }
      case "heredoc_redirect": {
        let text: string | undefined;
        let network = false;
        let quoted = false;
        for (const c of r.namedChildren) {
          if (c.type === "heredoc_start") quoted = /['"\\]/.test(c.text);
          else if (c.type === "heredoc_body") {
            text = c.text;
            if (!quoted) {
              // An unquoted heredoc expands `$( )` in the outer shell.
              const body = heredocScript(c);
              if (body !== undefined) network ||= this.nestedText(body, st, frame);
            }
          } else if (!HEREDOC_PARTS.has(c.type)) continuations.push(c);
        }
        // tree-sitter-bash misparses a body whose first line starts with `\` (`\x`, `\!`):
        // the body comes out empty and its lines as words. Its text is then unknown.
        if (r.namedChildren.some((c) => c.type === "word" && c.text.startsWith("\n")))
          text = undefined;
        return { network, text, via: "a heredoc" };
      }
      case "herestring_redirect": {
        const word = r.namedChildren[0];
        if (!word) return undefined;
        const w = evalWord(word, scope);
        return { network: w.network === true, text: wordValue(w), via: "a herestring" };
      }
      default:
        this.scan(r, st, frame);
        return undefined;
    }
  }

  private command(
    node: SyntaxNode,
    st: State,
    frame: Frame,
    feed: Feed | undefined,
    extra: readonly SyntaxNode[] = [],
  ): Flow {
    const scope = this.scope(st, frame);
    const words: Word[] = [];
    const assigns: Assign[] = [];
    const continuations: SyntaxNode[] = [];
    let stdin = feed;
    const opsBefore = this.ops.length;
    const networkBefore = this.network;
    for (const c of node.namedChildren) {
      switch (c.type) {
        case "variable_assignment": {
          const name = c.childForFieldName("name")?.text ?? "";
          const value = c.childForFieldName("value");
          scanAssignedName(this, c, st, frame);
          assigns.push({ name, word: value ? evalWord(value, scope) : undefined });
          break;
        }
        case "command_name": {
          const inner = c.namedChildren[0] ?? c;
          words.push(evalWord(inner, scope));
          break;
        }
        case "file_redirect":
        case "heredoc_redirect":
        case "herestring_redirect": {
          const f = this.redirect(c, st, frame, continuations);
          if (f) stdin = f;
          break;
        }
        case "comment":
          break;
        default:
          if (STATEMENT_ARGS.has(c.type))
            this.statement(c, c.type === "subshell" ? copy(st) : st, frame, undefined);
          else words.push(evalWord(c, scope));
      }
    }
    for (const r of extra) {
      const f = this.redirect(r, st, frame, continuations);
      if (f) stdin = f;
    }
    const redirectsEnd = this.ops.length;
    const hazards: Hazard[] = [];
    const args: Arg[] = expandWords(words, st.cwd, this, hazards);
    const text = node.text;
    let flow = runSimple(
      this,
      args,
      assigns,
      text,
      st,
      hazards.length > 0 ? { ...frame, inherited: [...frame.inherited, ...hazards] } : frame,
      stdin,
    );
    if (hazards.length > 0 && args.length === 0)
      this.ops.push(dynamicOp(text, st.cwd, frame, "dynamic", hazards[0]?.reason ?? "glob"));
    // `curl URL > x.sh` holds network content; `echo … > x.sh` text the line made.
    this.redirectWrites(
      opsBefore,
      redirectsEnd,
      this.network > networkBefore || stdin?.network === true,
    );
    this.settle(opsBefore, st);
    flow = this.continue(continuations, flow, st, frame);
    return flow;
  }

  private declaration(node: SyntaxNode, st: State, frame: Frame): Flow {
    const scope = this.scope(st, frame);
    const hazards: Hazard[] = [...frame.inherited];
    const kw = node.children[0]?.text ?? "declare";
    for (const c of node.namedChildren) {
      if (c.type === "variable_assignment") {
        const name = c.childForFieldName("name")?.text ?? "";
        const value = c.childForFieldName("value");
        scanAssignedName(this, c, st, frame);
        if (value) evalWord(value, scope);
        if (envEffect(name) === "dynamic")
          hazards.push({
            check: "dynamic",
            reason: `${kw} ${name}= changes what later commands run or load`,
          });
      } else this.scan(c, st, frame);
    }
    this.ops.push({
      kind: "execute",
      command: {
        name: kw,
        args: node.namedChildren.map((c) => c.text),
        cwd: st.cwd,
        text: node.text,
        wrappers: [...frame.wrappers],
      },
      class: "read-only",
      reason: `${kw} sets shell variables`,
      hazards,
    });
    return NO_FLOW;
  }

  private assignments(node: SyntaxNode, st: State, frame: Frame): Flow {
    const scope = this.scope(st, frame);
    const list = node.type === "variable_assignment" ? [node] : node.namedChildren;
    for (const a of list) {
      const name = a.childForFieldName("name")?.text ?? "";
      const value = a.childForFieldName("value");
      scanAssignedName(this, a, st, frame);
      if (value) evalWord(value, scope);
      if (envEffect(name) === "dynamic")
        this.ops.push(
          dynamicOp(
            a.text,
            st.cwd,
            frame,
            "dynamic",
            `setting ${name} changes what later commands run or load`,
          ),
        );
    }
    return NO_FLOW;
  }

  /**
   * `[ -f .env ]`, `[[ -r .env ]]`: a test tells whether a path exists or can be read, so its
   * literal operands are incidental reads (an ignored one is denied), as for `test -f .env`.
   */
  private test(node: SyntaxNode, st: State, frame: Frame): Flow {
    this.scan(node, st, frame);
    this.testOperands(node, this.scope(st, frame), st.cwd);
    return NO_FLOW;
  }

  private testOperands(node: SyntaxNode, scope: WordScope, cwd: string): void {
    for (const c of node.namedChildren) {
      if (TEST_OPERANDS.has(c.type)) {
        const value = wordValue(evalWord(c, scope));
        if (value !== undefined) incidental(this, value, cwd, "test");
      } else if (c.type !== "test_operator" && c.type !== "regex") this.testOperands(c, scope, cwd);
    }
  }

  /** Finds and analyses `$( )`, backticks and `<( )` anywhere inside a node. */
  scan(node: SyntaxNode, st: State, frame: Frame): boolean {
    return this.scopeScan(node, st, frame);
  }

  private scopeScan(node: SyntaxNode, st: State, frame: Frame): boolean {
    if (node.type === "command_substitution" || node.type === "process_substitution")
      return this.nested(node, st, frame);
    let network = false;
    for (const c of node.namedChildren) {
      if (c.type === "command_substitution" || c.type === "process_substitution")
        network = this.nested(c, st, frame) || network;
      else if (c.namedChildCount > 0) network = this.scopeScan(c, st, frame) || network;
    }
    return network;
  }

  /** Analyses a substitution; tells whether its commands use the network. */
  nested(node: SyntaxNode, st: State, frame: Frame): boolean {
    const text = backtickScript(node);
    if (text !== undefined) return this.nestedText(text, st, frame);
    const before = this.network;
    // A substitution runs in a subshell: its `cd` does not leak out.
    this.sequence(node, copy(st), frame, undefined);
    return this.network > before;
  }

  /** Text bash runs that the tree does not show as commands (evaluation-structure.ts). */
  private nestedText(text: string, st: State, frame: Frame): boolean {
    const before = this.network;
    this.script(text, copy(st), frame, undefined);
    return this.network > before;
  }

  private scope(st: State, frame: Frame): WordScope {
    return new Scope(this, st, frame);
  }
}

/**
 * What a word sees of the walk where it stands. A class rather than an object literal with
 * an arrow function: one is made per command, and a closure per command costs more.
 */
class Scope implements WordScope {
  readonly home: string;
  readonly cwd: string;
  readonly oldpwd: string | undefined;

  constructor(
    private readonly walker: Walker,
    private readonly st: State,
    private readonly frame: Frame,
  ) {
    this.home = walker.home;
    this.cwd = st.cwd;
    this.oldpwd = st.oldpwd;
  }

  nested(node: SyntaxNode): boolean {
    return this.walker.nested(node, this.st, this.frame);
  }
}

function copy(st: State): State {
  const c: State = { cwd: st.cwd, oldpwd: st.oldpwd, dirs: [...st.dirs] };
  if (st.alts !== undefined) c.alts = st.alts;
  return c;
}

const WORDISH = new Set([
  "word",
  "string",
  "raw_string",
  "ansi_c_string",
  "translated_string",
  "concatenation",
  "simple_expansion",
  "expansion",
  "command_substitution",
  "process_substitution",
  "arithmetic_expansion",
  "number",
  "test_command",
  "binary_expression",
  "unary_expression",
  "parenthesized_expression",
  "postfix_expression",
  "ternary_expression",
]);

/** Operand nodes of `[ ]` and `[[ ]]` that can name a path. */
const TEST_OPERANDS = new Set(["word", "string", "raw_string", "ansi_c_string", "concatenation"]);

/** Statements that can appear as a command's argument node (`time ( … )`, `time { …; }`). */
const STATEMENT_ARGS = new Set(["subshell", "compound_statement"]);

function isWordish(type: string): boolean {
  return WORDISH.has(type);
}

export function unparseableOp(text: string, cwd: string, frame: Frame, reason: string): Operation {
  return {
    kind: "execute",
    command: { name: "", args: [], cwd, text, wrappers: [...frame.wrappers] },
    class: "unknown",
    reason,
    hazards: [...frame.inherited, { check: "unparseable", reason }],
  };
}

function dynamicOp(
  text: string,
  cwd: string,
  frame: Frame,
  check: "dynamic" | "remote-code",
  reason: string,
): Operation {
  return {
    kind: "execute",
    command: { name: "", args: [], cwd, text, wrappers: [...frame.wrappers] },
    class: "unknown",
    reason,
    hazards: [...frame.inherited, { check, reason }],
  };
}
