import {
  checkArith,
  isIntegerValue,
  isShellNumber,
  type Numbers,
  splitName,
} from "./evaluation-arith.js";
import { structureProblem } from "./evaluation-structure.js";
import type { SyntaxNode } from "./parser.js";
import { evalWord, type WordScope, wordValue } from "./words.js";

/**
 * SPEC section 4: "Bash evaluation the syntax tree does not show is `dynamic`". The tree shows
 * `(( x ))` as an expression and `test -v 'a[$(rm -rf src)]'` as a test of one word; bash
 * evaluates the value of x as arithmetic and the subscript of a[…] as arithmetic, and both run
 * any `$( )` they hold. This module reads one parsed script (a line, or a nested `bash -c`
 * script) as a whole and names every place where bash would evaluate text the line does not
 * fix: arithmetic over variables, array subscripts, `${!x}`, `${x@P}`, namerefs, integer
 * variables, variable names given to builtins (`printf -v`, `read`, `unset`, `test -v`, …).
 */

export interface Finding {
  check: "dynamic" | "unparseable";
  /** One sentence that names the construct. */
  reason: string;
  /** The construct's source text. */
  text: string;
}

/** Cheap test before any tree walk: the line holds nothing this module looks at. */
const TRIGGER =
  /[[{#`\n]|\(\(|\blet\b|\b(?:declare|typeset|local|export|readonly|unset|read|printf|mapfile|readarray|wait|getopts|test|builtin|command)\b/;

const ARITH_TESTS = new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]);

/** Finds bash evaluation the tree does not show in one parsed script. */
export function evaluationFindings(root: SyntaxNode): Finding[] {
  const line = root.text;
  if (!TRIGGER.test(line)) return [];
  const out: Finding[] = [];
  const cont = structureProblem(root, line);
  if (cont) out.push({ check: "unparseable", reason: cont, text: line });
  const facts = new Facts();
  facts.collect(root);
  new Checker(facts, out).visit(root);
  const seen = new Set<string>();
  return out.filter((f) => {
    if (seen.has(f.reason)) return false;
    seen.add(f.reason);
    return true;
  });
}

/** A word's value after quote removal, when it holds no expansion; the walk does the rest. */
const STATIC: WordScope = { home: "~", cwd: ".", oldpwd: undefined, nested: () => false };
const EXPANDS = new Set([
  "simple_expansion",
  "expansion",
  "command_substitution",
  "process_substitution",
  "arithmetic_expansion",
]);

function expands(node: SyntaxNode): boolean {
  if (EXPANDS.has(node.type)) return true;
  for (const c of node.children) if (expands(c)) return true;
  return false;
}

function literal(node: SyntaxNode): string | undefined {
  if (expands(node)) return undefined;
  return wordValue(evalWord(node, STATIC));
}

function short(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

interface Site {
  first: number;
  numeric: boolean;
}

/**
 * What the script assigns, read once before the checks: which variables only ever hold numbers
 * (and from where on), which are integer variables (`declare -i`) and which associative arrays.
 */
class Facts implements Numbers {
  private readonly sites = new Map<string, Site>();
  readonly integer = new Set<string>();
  readonly assoc = new Set<string>();

  fixed(name: string, at: number): boolean {
    // bash sets `_` to the last argument of every command it runs.
    if (name === "_") return false;
    const s = this.sites.get(name);
    if (isShellNumber(name)) return s === undefined || s.numeric;
    return s !== undefined && s.numeric && s.first < at;
  }

  private site(name: string, at: number, numeric: boolean): void {
    const s = this.sites.get(name);
    if (!s) this.sites.set(name, { first: at, numeric });
    else {
      s.first = Math.min(s.first, at);
      s.numeric &&= numeric;
    }
  }

  private arith(text: string, at: number): void {
    for (const t of checkArith(text, this, at).targets) this.site(t.name, at, !t.array);
  }

  collect(node: SyntaxNode): void {
    switch (node.type) {
      case "variable_assignment": {
        const nameNode = node.childForFieldName("name");
        const value = node.childForFieldName("value");
        const append = node.children.some((c) => c.type === "+=");
        if (nameNode?.type === "subscript") {
          const n = nameNode.childForFieldName("name")?.text;
          if (n) this.site(n, node.start, false);
        } else if (nameNode) {
          let numeric = value === null;
          if (value?.type === "arithmetic_expansion") numeric = true;
          else if (value && value.type !== "array") {
            const v = literal(value);
            // `x+=1` appends to whatever x held before the line: not a number it fixes.
            numeric = !append && v !== undefined && isIntegerValue(v, false);
          }
          this.site(nameNode.text, node.start, numeric);
        }
        break;
      }
      case "declaration_command": {
        const flags = node.namedChildren.filter((c) => c.type === "word" && c.text.startsWith("-"));
        const names = node.namedChildren
          .map((c) =>
            c.type === "variable_assignment" ? c.childForFieldName("name")?.text : c.text,
          )
          .filter((n): n is string => n !== undefined);
        if (flags.some((f) => f.text.includes("i"))) for (const n of names) this.integer.add(n);
        if (flags.some((f) => f.text.includes("A"))) for (const n of names) this.assoc.add(n);
        break;
      }
      case "for_statement": {
        const v = node.childForFieldName("variable");
        const values = node.childrenForFieldName("value");
        if (v)
          this.site(
            v.text,
            node.start,
            values.length > 0 &&
              values.every((x) => {
                const s = literal(x);
                return s !== undefined && /^-?\d+$/.test(s);
              }),
          );
        break;
      }
      case "compound_statement":
        if (node.children[0]?.type === "((") this.arith(inner(node), node.start);
        break;
      case "arithmetic_expansion":
        this.arith(inner(node), node.start);
        break;
      case "c_style_for_statement":
        for (const c of node.namedChildren)
          if (c.field === "condition" || c.field === "update") this.arith(c.text, c.start);
        break;
      case "command": {
        const cmd = simpleCommand(node);
        if (cmd) for (const t of assignedBy(cmd)) this.site(t, node.start, false);
        if (cmd?.name === "let")
          for (const a of cmd.args) {
            const v = literal(a);
            if (v !== undefined) this.arith(v, node.start);
          }
        break;
      }
    }
    for (const c of node.children) this.collect(c);
  }
}

/** The text between a construct's opening and closing tokens (`(( … ))`, `$(( … ))`). */
function inner(node: SyntaxNode): string {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (!first || !last || first === last) return "";
  const base = node.start;
  return node.text.slice(first.end - base, last.start - base);
}

interface Simple {
  name: string;
  args: SyntaxNode[];
  node: SyntaxNode;
}

/** A simple command's name and arguments, past `command` and `builtin`. */
function simpleCommand(node: SyntaxNode): Simple | undefined {
  const nameNode = node.childForFieldName("name");
  if (!nameNode) return undefined;
  const words = [
    nameNode,
    ...node.namedChildren.filter(
      (c) =>
        c !== nameNode &&
        c.type !== "variable_assignment" &&
        c.type !== "comment" &&
        !c.type.endsWith("_redirect"),
    ),
  ];
  let i = 0;
  for (;;) {
    const w = words[i];
    const name = w ? literal(w) : undefined;
    if (name === undefined) return undefined;
    if (name === "builtin" || name === "command" || name === "time") {
      i++;
      while (words[i] && literal(words[i] as SyntaxNode) === "-p") i++;
      const next = words[i] ? literal(words[i] as SyntaxNode) : undefined;
      if (name === "command" && (next === "-v" || next === "-V")) return undefined;
      continue;
    }
    return { name, args: words.slice(i + 1), node };
  }
}

/** Options of the builtins that name variables: those that take a value. */
const VALUE_OPTS: Record<string, string> = {
  read: "adinNptu",
  mapfile: "dnOsuCc",
  readarray: "dnOsuCc",
  printf: "v",
  wait: "p",
};

interface Parsed {
  opts: Array<{ flag: string; value: SyntaxNode | undefined }>;
  operands: SyntaxNode[];
}

function parseOpts(name: string, args: readonly SyntaxNode[]): Parsed {
  const takes = VALUE_OPTS[name] ?? "";
  const out: Parsed = { opts: [], operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as SyntaxNode;
    const v = literal(a);
    if (out.operands.length > 0 || v === undefined || !v.startsWith("-") || v === "-") {
      out.operands.push(a);
      continue;
    }
    if (v === "--") {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    for (let k = 1; k < v.length; k++) {
      const f = v[k] as string;
      if (takes.includes(f)) {
        // `-vNAME` or `-v NAME`: a value given in the same word is a literal there.
        if (k + 1 < v.length) out.opts.push({ flag: f, value: undefined });
        else {
          out.opts.push({ flag: f, value: args[i + 1] });
          i++;
        }
        break;
      }
      out.opts.push({ flag: f, value: undefined });
    }
  }
  return out;
}

/** Variables a builtin assigns from text the line does not show. */
function assignedBy(cmd: Simple): string[] {
  const p = parseOpts(cmd.name, cmd.args);
  const names: (SyntaxNode | undefined)[] = [];
  switch (cmd.name) {
    case "read":
      names.push(...p.operands, ...p.opts.filter((o) => o.flag === "a").map((o) => o.value));
      break;
    case "mapfile":
    case "readarray":
      names.push(p.operands[0]);
      break;
    case "printf":
    case "wait":
      names.push(...p.opts.filter((o) => o.flag === "v" || o.flag === "p").map((o) => o.value));
      break;
    case "getopts":
      names.push(cmd.args[1]);
      break;
  }
  return names
    .map((n) => (n ? literal(n) : undefined))
    .map((v) => (v === undefined ? undefined : splitName(v)?.name))
    .filter((n): n is string => n !== undefined);
}

class Checker {
  constructor(
    private readonly facts: Facts,
    private readonly out: Finding[],
  ) {}

  private dynamic(reason: string, node: SyntaxNode | undefined): void {
    this.out.push({ check: "dynamic", reason, text: short(node?.text ?? "") });
  }

  /** An arithmetic expression: every problem in it is a finding named after the construct. */
  private arith(construct: string, text: string, at: number, node: SyntaxNode): void {
    const problems = checkArith(text, this.facts, at).problems;
    if (problems.length > 0) this.dynamic(`${construct}, and ${problems[0]}`, node);
  }

  /**
   * A variable name given as text (`printf -v NAME`, `read NAME`, `unset NAME`, `test -v`):
   * bash evaluates a subscript in it.
   */
  private name(construct: string, value: string | undefined, node: SyntaxNode): void {
    if (value === undefined) {
      this.dynamic(
        `${construct} names a variable that is not a literal, and bash evaluates any array subscript in that name`,
        node,
      );
      return;
    }
    const parts = splitName(value);
    if (!parts) {
      this.dynamic(
        `${construct} is given ${JSON.stringify(value)}, which is not a variable name automode can read`,
        node,
      );
      return;
    }
    this.subscriptText(construct, parts.name, parts.subscript, node, true);
  }

  private subscriptText(
    construct: string,
    name: string,
    sub: string | undefined,
    node: SyntaxNode,
    fromText: boolean,
  ): void {
    if (sub === undefined || sub === "@" || sub === "*") return;
    if (this.facts.assoc.has(name)) {
      // An associative array's key is expanded once: text the line wrote into a string.
      if (fromText && /[$`]/.test(sub))
        this.dynamic(
          `${construct} names ${name}[${sub}], and bash expands that key, running what it holds`,
          node,
        );
      return;
    }
    this.arith(
      `${construct} names ${name}[…], whose subscript bash evaluates as arithmetic`,
      sub,
      node.start,
      node,
    );
  }

  visit(node: SyntaxNode): void {
    switch (node.type) {
      case "compound_statement":
        if (node.children[0]?.type === "((") {
          this.arith("(( )) evaluates arithmetic", inner(node), node.start, node);
          return;
        }
        break;
      case "arithmetic_expansion":
        this.arith(
          `${node.text.startsWith("$[") ? "$[ ]" : "$(( ))"} evaluates arithmetic`,
          inner(node),
          node.start,
          node,
        );
        return;
      case "c_style_for_statement":
        for (const c of node.namedChildren) {
          if (c.field === "initializer" || c.field === "condition" || c.field === "update")
            this.arith("for (( )) evaluates arithmetic", c.text, c.start, node);
          else this.visit(c);
        }
        return;
      case "test_command":
        this.test(node, node.children[0]?.type === "[[");
        return;
      case "expansion":
        this.expansion(node);
        break;
      case "subscript":
        this.subscript(node, "the array subscript");
        return;
      case "variable_assignment":
        this.assignment(node);
        return;
      case "declaration_command":
        this.declaration(node);
        break;
      case "unset_command":
        this.unset(node.namedChildren);
        return;
      case "command":
        this.fdVariables(node, node);
        this.command(node);
        break;
      case "redirected_statement": {
        const body = node.childForFieldName("body");
        if (body?.type === "command") this.fdVariables(body, node);
        break;
      }
    }
    for (const c of node.children) this.visit(c);
  }

  private subscript(node: SyntaxNode, construct: string): void {
    const arr = node.childForFieldName("name")?.text ?? "";
    const index = node.childForFieldName("index");
    if (!index) return;
    const t = index.text;
    if (t === "@" || t === "*") return;
    if (this.facts.assoc.has(arr)) {
      this.visit(index);
      return;
    }
    this.arith(`${construct} ${arr}[…] is evaluated as arithmetic`, t, node.start, node);
  }

  private test(node: SyntaxNode, double: boolean): void {
    const walk = (n: SyntaxNode): void => {
      if (n.type === "binary_expression" && double) {
        const op = n.childForFieldName("operator")?.text ?? "";
        if (ARITH_TESTS.has(op)) {
          for (const side of [n.childForFieldName("left"), n.childForFieldName("right")])
            if (side)
              this.arith(`[[ … ${op} … ]] compares as arithmetic`, side.text, side.start, node);
          return;
        }
      }
      if (n.type === "unary_expression") {
        const op = n.namedChildren.find((c) => c.type === "test_operator");
        const operand = n.namedChildren.find((c) => c !== op);
        if (op?.text === "-v" && operand) {
          this.name(`${double ? "[[" : "["} -v`, literal(operand), node);
          this.visit(operand);
          return;
        }
      }
      if (n.type === "subscript" || n.type === "expansion" || n.type === "arithmetic_expansion") {
        this.visit(n);
        return;
      }
      for (const c of n.children) walk(c);
    };
    for (const c of node.children) walk(c);
  }

  private expansion(node: SyntaxNode): void {
    const kids = node.children;
    // `${!name}` and `${!a[i]}`; `${!prefix*}`, `${!prefix@}` and `${!a[@]}` only list names.
    const bang = kids.findIndex((c) => c.type === "!");
    if (bang >= 0 && bang <= 1) {
      const target = kids[bang + 1];
      const next = kids[bang + 2];
      const listing =
        next?.type === "*" ||
        next?.type === "@" ||
        (target?.type === "subscript" && /\[[@*]\]$/.test(target.text));
      if (!listing)
        this.dynamic(
          `${short(node.text)} is an indirect expansion: bash expands the variable named by the value, and a subscript in that name runs commands`,
          node,
        );
    }
    const at = kids.findIndex((c) => c.type === "@");
    if (at >= 0 && kids[at + 1]?.text === "P")
      this.dynamic(
        `${short(node.text)} expands the value as a prompt, which runs any $( ) in it`,
        node,
      );
    // `${x:offset}`, `${x:offset:length}`: both are arithmetic.
    const colon = kids.findIndex((c) => c.type === ":");
    if (colon >= 0) {
      const end = kids.findIndex((c, i) => i > colon && (c.type === ":" || c.type === "}"));
      const stop = end >= 0 ? (kids[end] as SyntaxNode).start : node.end;
      const from = (kids[colon] as SyntaxNode).end;
      const base = node.start;
      this.arith(
        `${short(node.text)} takes an arithmetic offset`,
        node.text.slice(from - base, stop - base),
        from,
        node,
      );
      const second = kids[end];
      if (second?.type === ":") {
        const close = kids.findIndex((c, i) => i > end && c.type === "}");
        const stop2 = close >= 0 ? (kids[close] as SyntaxNode).start : node.end;
        this.arith(
          `${short(node.text)} takes an arithmetic length`,
          node.text.slice(second.end - base, stop2 - base),
          second.end,
          node,
        );
      }
    }
  }

  private assignment(node: SyntaxNode): void {
    const nameNode = node.childForFieldName("name");
    const value = node.childForFieldName("value");
    if (nameNode?.type === "subscript") this.subscript(nameNode, "the assignment to");
    const name =
      nameNode?.type === "subscript" ? nameNode.childForFieldName("name")?.text : nameNode?.text;
    if (value && name !== undefined && this.facts.integer.has(name) && value.type !== "array") {
      const v = literal(value);
      const append = node.children.some((c) => c.type === "+=");
      if (v === undefined)
        this.dynamic(
          `${name} is an integer variable (declare -i), so bash evaluates the value assigned to it as arithmetic, and that value is not a literal`,
          node,
        );
      else
        this.arith(
          `${name} is an integer variable (declare -i), so bash evaluates the value assigned to it as arithmetic`,
          append ? `${name}+(${v})` : v,
          node.start,
          node,
        );
    }
    if (value?.type === "array" && name !== undefined && !this.facts.assoc.has(name)) {
      for (const el of value.namedChildren) {
        const m = /^\[([^\]]*)\]\+?=/.exec(el.text);
        if (m?.[1] !== undefined)
          this.arith(
            `the array element key [${m[1]}] of ${name}=( ) is evaluated as arithmetic`,
            m[1],
            el.start,
            node,
          );
      }
    }
    if (value) this.visit(value);
  }

  private declaration(node: SyntaxNode): void {
    const kw = node.children[0]?.text ?? "declare";
    const flags = node.namedChildren.filter((c) => c.type === "word" && c.text.startsWith("-"));
    if (flags.some((f) => f.text.includes("n")))
      this.dynamic(
        `${kw} -n makes a name reference: every later use of the name expands the variable it names, and a subscript there runs commands`,
        node,
      );
    for (const c of node.namedChildren) {
      if (flags.includes(c) || c.type === "variable_assignment" || c.type === "variable_name")
        continue;
      const v = literal(c);
      if (v === undefined) {
        this.dynamic(
          `${kw} is given a name that is not a literal, and bash evaluates any array subscript in it`,
          node,
        );
        continue;
      }
      const eq = v.indexOf("=");
      this.name(kw, eq >= 0 ? v.slice(0, eq) : v, node);
    }
  }

  private unset(args: readonly SyntaxNode[]): void {
    let functions = false;
    for (const a of args) {
      const v = literal(a);
      if (v !== undefined && v.startsWith("-")) {
        functions ||= v.includes("f");
        continue;
      }
      if (!functions) this.name("unset", v, a);
      this.visit(a);
    }
  }

  private command(node: SyntaxNode): void {
    const cmd = simpleCommand(node);
    if (!cmd) return;
    const p = () => parseOpts(cmd.name, cmd.args);
    switch (cmd.name) {
      case "let":
        for (const a of cmd.args) {
          const v = literal(a);
          if (v === undefined)
            this.dynamic("let evaluates arithmetic, and its argument is not a literal", a);
          else this.arith("let evaluates arithmetic", v, a.start, a);
        }
        return;
      case "test":
      case "[":
        cmd.args.forEach((a, i) => {
          if (i > 0 && literal(cmd.args[i - 1] as SyntaxNode) === "-v")
            this.name(`${cmd.name} -v`, literal(a), a);
        });
        return;
      case "printf":
      case "wait":
        for (const o of p().opts)
          if ((o.flag === "v" && cmd.name === "printf") || (o.flag === "p" && cmd.name === "wait"))
            this.name(
              `${cmd.name} -${o.flag}`,
              o.value ? literal(o.value) : undefined,
              o.value ?? node,
            );
        return;
      case "read":
        for (const o of p().opts) if (o.flag === "a") this.plainName("read -a", o.value);
        for (const a of p().operands) this.name("read", literal(a), a);
        return;
      case "mapfile":
      case "readarray": {
        const parsed = p();
        if (parsed.opts.some((o) => o.flag === "C"))
          this.dynamic(`${cmd.name} -C runs a callback command for the lines it reads`, node);
        if (parsed.operands[0]) this.plainName(cmd.name, parsed.operands[0]);
        return;
      }
      case "getopts":
        if (cmd.args[1]) this.name("getopts", literal(cmd.args[1]), cmd.args[1]);
        return;
      case "unset":
        this.unset(cmd.args);
        return;
      case "declare":
      case "typeset":
      case "local":
      case "export":
      case "readonly":
        // Reached through `builtin declare …`: the tree shows plain words.
        for (const a of cmd.args) {
          const v = literal(a);
          if (v?.startsWith("-")) {
            if (v.includes("n") && !v.startsWith("+"))
              this.dynamic(
                `${cmd.name} -n makes a name reference, whose later uses bash evaluates`,
                a,
              );
            continue;
          }
          const eq = v?.indexOf("=") ?? -1;
          this.name(cmd.name, v === undefined ? undefined : eq >= 0 ? v.slice(0, eq) : v, a);
        }
        return;
    }
  }

  /** An array name bash requires to be a plain identifier (`read -a`, `mapfile`). */
  private plainName(construct: string, node: SyntaxNode | undefined): void {
    const v = node ? literal(node) : undefined;
    if (v === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v))
      this.dynamic(`${construct} is given an array name that is not a literal identifier`, node);
  }

  /**
   * `exec {fd}>file`: bash assigns the descriptor to the variable named between the braces
   * (a `{…}` word right before a redirect, which holds the redirects: the command itself or
   * the statement around it).
   */
  private fdVariables(node: SyntaxNode, holder: SyntaxNode): void {
    const redirects = new Set<number>();
    for (const c of holder.children) if (c.type.endsWith("_redirect")) redirects.add(c.start);
    if (redirects.size === 0) return;
    for (const c of node.namedChildren) {
      const t = c.text;
      if (t.length < 3 || t[0] !== "{" || t[t.length - 1] !== "}") continue;
      if (!redirects.has(c.end)) continue;
      const inside = t.slice(1, -1);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inside)) continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([\s\S]*)\]$/.exec(inside);
      if (m?.[1] && m[2] !== undefined && !/[$`]/.test(m[2]))
        this.subscriptText(`the descriptor variable {${inside}}`, m[1], m[2], c, false);
      else
        this.dynamic(
          `the descriptor variable {${short(inside)}} is not a plain name, and bash evaluates it`,
          c,
        );
    }
  }
}
