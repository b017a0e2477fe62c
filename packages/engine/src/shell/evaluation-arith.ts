/**
 * Bash arithmetic, read statically. Bash evaluates the value of every variable an arithmetic
 * expression names as an expression in turn, and an array subscript in that value runs its
 * `$( )`: with `x='a[$(rm -rf src)]'`, `(( x ))`, `[[ $x -eq 1 ]]` and `${s:x}` all run rm.
 * So an expression is safe only when every value it reads is a number the line itself fixes.
 */

/** Tells whether a variable holds a number the line fixed before `at` (a source offset). */
export interface Numbers {
  fixed(name: string, at: number): boolean;
}

export interface ArithResult {
  /** Why the expression is not safe, one phrase each (empty when it is). */
  problems: string[];
  /** Variables the expression assigns (`i=0`, `i++`, `a[0]=1`): they then hold numbers. */
  targets: Array<{ name: string; array: boolean }>;
}

/** Variables bash itself keeps as numbers. */
const SHELL_NUMBERS = new Set([
  "RANDOM",
  "SRANDOM",
  "SECONDS",
  "LINENO",
  "BASHPID",
  "PPID",
  "UID",
  "EUID",
  "EPOCHSECONDS",
]);

const ASSIGN_OPS = ["<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|="];

const OPERATOR = /[+\-*/%<>=!&|^~?:,()]/;

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

/** Numbers nothing but the shell sets. */
export const NO_NUMBERS: Numbers = { fixed: () => false };

export function isShellNumber(name: string): boolean {
  return SHELL_NUMBERS.has(name);
}

/**
 * Checks one arithmetic expression given as text (`x + 1`, `a[i]=2`, the value of a `let`
 * argument). `at` is where it stands in the line, for the order of assignments.
 */
export function checkArith(text: string, numbers: Numbers, at: number): ArithResult {
  const out: ArithResult = { problems: [], targets: [] };
  scan(text, numbers, at, out, 0);
  return out;
}

function scan(text: string, numbers: Numbers, at: number, out: ArithResult, depth: number): void {
  if (depth > 20) {
    out.problems.push("the expression nests too deeply to read");
    return;
  }
  // A `++`/`--` right before a name (`++i`) assigns it; one after an operand (`i++`) does not
  // reach the next name.
  let prevIncrement = false;
  let afterOperand = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i] as string;
    if (c === " " || c === "\t" || c === "\n" || c === '"') {
      i++;
      continue;
    }
    if (c === "\\" && text[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c >= "0" && c <= "9") {
      // 42, 0x1f, 8#17, 64#_@: bases are digits, letters, `@` and `_` after a `#`.
      i++;
      while (i < text.length && /[0-9A-Za-z_#@]/.test(text[i] as string)) i++;
      prevIncrement = false;
      afterOperand = true;
      continue;
    }
    if (IDENT_START.test(c)) {
      const start = i;
      while (i < text.length && IDENT.test(text[i] as string)) i++;
      const name = text.slice(start, i);
      let array = false;
      if (text[i] === "[") {
        const close = matching(text, i, "[", "]");
        if (close < 0) {
          out.problems.push(`the subscript of ${name}[ is not closed`);
          return;
        }
        scan(text.slice(i + 1, close), numbers, at, out, depth + 1);
        array = true;
        i = close + 1;
      }
      const rest = text.slice(i).trimStart();
      const assign = rest.startsWith("=") && !rest.startsWith("==");
      const compound = ASSIGN_OPS.some((op) => rest.startsWith(op));
      const increment = prevIncrement || rest.startsWith("++") || rest.startsWith("--");
      if (assign || compound || increment) out.targets.push({ name, array });
      if (!assign) {
        if (array)
          out.problems.push(
            `it reads the array element ${name}[…], whose value bash evaluates as an expression`,
          );
        else if (!numbers.fixed(name, at))
          out.problems.push(
            `it reads ${name}, a variable this line does not set to a number, and bash evaluates its value as an expression`,
          );
      }
      prevIncrement = false;
      afterOperand = true;
      continue;
    }
    if (c === "$") {
      const r = dollar(text, i, numbers, at, out, depth);
      if (r < 0) return;
      i = r;
      prevIncrement = false;
      afterOperand = true;
      continue;
    }
    if (c === "`") {
      out.problems.push("it holds a command substitution whose output bash evaluates");
      return;
    }
    if (OPERATOR.test(c)) {
      const two = text.slice(i, i + 2);
      if (two === "++" || two === "--") {
        prevIncrement = !afterOperand;
        i += 2;
        continue;
      }
      prevIncrement = false;
      afterOperand = c === ")";
      i++;
      continue;
    }
    out.problems.push(`it holds ${JSON.stringify(c)}, which automode does not read in arithmetic`);
    return;
  }
}

/** A `$` form inside arithmetic; returns the index after it, or -1 after a problem. */
function dollar(
  text: string,
  i: number,
  numbers: Numbers,
  at: number,
  out: ArithResult,
  depth: number,
): number {
  const n = text[i + 1];
  if (n === "(" && text[i + 2] === "(") {
    const close = matching(text, i + 1, "(", ")");
    if (close < 0 || text[close - 1] !== ")") {
      out.problems.push("it holds a $(( that is not closed");
      return -1;
    }
    scan(text.slice(i + 3, close - 1), numbers, at, out, depth + 1);
    return close + 1;
  }
  if (n === "(") {
    out.problems.push("it holds a command substitution whose output bash evaluates");
    return -1;
  }
  if (n === "[") {
    const close = matching(text, i + 1, "[", "]");
    if (close < 0) {
      out.problems.push("it holds a $[ that is not closed");
      return -1;
    }
    scan(text.slice(i + 2, close), numbers, at, out, depth + 1);
    return close + 1;
  }
  if (n === "#" || n === "?" || n === "$" || n === "!") return i + 2;
  if (n === "{") {
    const close = matching(text, i + 1, "{", "}");
    if (close < 0) {
      out.problems.push("it holds a ${ that is not closed");
      return -1;
    }
    const inner = text.slice(i + 2, close);
    // `${#name}`, `${#name[@]}`: a length is always a number.
    if (/^#[A-Za-z_][A-Za-z0-9_]*(\[[@*]\])?$/.test(inner) || /^[#?$!]$/.test(inner))
      return close + 1;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) {
      if (!numbers.fixed(inner, at))
        out.problems.push(
          `it expands \${${inner}}, a variable this line does not set to a number, and bash evaluates its value as an expression`,
        );
      return close + 1;
    }
    out.problems.push(`it holds the expansion \${${inner}}, whose value bash evaluates`);
    return -1;
  }
  if (n !== undefined && IDENT_START.test(n)) {
    let j = i + 1;
    while (j < text.length && IDENT.test(text[j] as string)) j++;
    const name = text.slice(i + 1, j);
    if (!numbers.fixed(name, at))
      out.problems.push(
        `it expands $${name}, a variable this line does not set to a number, and bash evaluates its value as an expression`,
      );
    return j;
  }
  out.problems.push(`it holds $${n ?? ""}, whose value bash evaluates as an expression`);
  return -1;
}

/** Index of the bracket closing the one at `open`, nesting counted; -1 when there is none. */
export function matching(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === left) depth++;
    else if (c === right) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** A literal integer as an assignment value: `0`, `-3`, `` (empty is 0 in arithmetic). */
export function isIntegerValue(value: string, append: boolean): boolean {
  return append ? /^\d*$/.test(value) : /^-?\d*$/.test(value);
}

/** Splits `name[sub]` into its parts; a plain identifier has no subscript. */
export function splitName(
  value: string,
): { name: string; subscript: string | undefined } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([\s\S]*)\])?$/.exec(value);
  if (!m?.[1]) return undefined;
  return { name: m[1], subscript: m[2] };
}
