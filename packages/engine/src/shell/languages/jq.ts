import { attached, flag, type OptTable, parseOptions, two, value } from "./getopt.js";
import { JqLexError, type JqToken, lexJq } from "./jq-lexer.js";
import {
  Analysis,
  type ProgramAnalysis,
  type ProgramArg,
  type ProgramFiles,
  show,
} from "./result.js";

/** jq 1.6–1.7's builtins (from `jq -n 'builtins'`) and the additions of 1.7 and 1.8. */
const JQ_BUILTINS =
  "IN INDEX JOIN acos acosh add all any arrays ascii_downcase ascii_upcase asin asinh atan atan2 " +
  "atanh booleans bsearch builtins capture cbrt ceil combinations contains copysign cos cosh " +
  "debug del delpaths drem empty endswith env erf erfc error exp exp10 exp2 explode expm1 fabs " +
  "fdim finites first flatten floor fma fmax fmin fmod format frexp from_entries fromdate " +
  "fromdateiso8601 fromjson fromstream gamma get_jq_origin get_prog_origin get_search_list " +
  "getpath gmtime group_by gsub halt halt_error has hypot implode in index indices infinite " +
  "input input_filename input_line_number inputs inside isempty isfinite isinfinite isnan " +
  "isnormal iterables j0 j1 jn join keys keys_unsorted last ldexp leaf_paths length lgamma " +
  "lgamma_r limit localtime log log10 log1p log2 logb ltrimstr map map_values match max max_by " +
  "min min_by mktime modf nan nearbyint nextafter nexttoward normals not now nth nulls " +
  "numbers objects path paths pow pow10 range recurse recurse_down remainder repeat reverse " +
  "rindex rint round rtrimstr scalars scalars_or_empty scalb scalbln scan select setpath " +
  "significand sin sinh sort sort_by split splits sqrt startswith stderr strflocaltime strftime " +
  "strings strptime sub tan tanh test tgamma to_entries todate todateiso8601 tojson tonumber " +
  "tostream tostring transpose trunc truncate_stream type unique unique_by until " +
  "utf8bytelength values walk while with_entries y0 y1 yn " +
  // 1.7 and 1.8
  "abs toarray pick have_literal_numbers have_decnum trim ltrim rtrim trimstr ascii " +
  "getpath splits significand ltrimstr todate dateadd datesub date fromdate dateadd " +
  "error halt_error input_line_number $__loc__ getinput tojson have_decnum add " +
  "limit skip paths getpath todate isvalid debug scan gsub splits ascii implode " +
  "to_number tostring toboolean";

/** mikefarah yq v4's operators beyond jq's (the harmless ones). */
const YQ_OPERATORS =
  "alias anchor explode array_to_map any_c all_c collect column line_comment head_comment " +
  "foot_comment format_datetime from_unix to_unix with_dtf tz di document_index to_json " +
  "to_yaml to_props to_csv to_tsv to_xml from_json from_yaml from_props from_csv from_tsv " +
  "from_xml from_base64 to_base64 filename file_index fi filter kind line omit parent parents " +
  "shuffle sort_keys split_doc downcase upcase to_string style tag key eval_all with " +
  "envsubst strenv to_number pivot sort_by select";

/** Words of the language itself. */
const KEYWORDS =
  "def if then elif else end as reduce foreach try catch label break and or not __loc__ " +
  "true false null";

const JQ_KNOWN = new Set(`${JQ_BUILTINS} ${KEYWORDS}`.split(/\s+/));
const YQ_KNOWN = new Set(`${JQ_BUILTINS} ${KEYWORDS} ${YQ_OPERATORS}`.split(/\s+/));

/** yq's operators that read a file named by their argument. */
const YQ_LOADERS = new Set([
  "load",
  "load_str",
  "load_xml",
  "load_props",
  "load_base64",
  "load_yaml",
  "load_json",
]);

function isOp(t: JqToken | undefined, v: string): boolean {
  return t !== undefined && t.t === "op" && t.v === v;
}

/** Analyses one jq (or yq) filter into `out`. */
export function analyzeJqFilter(text: string, out: Analysis, dialect: "jq" | "yq"): void {
  let toks: JqToken[];
  try {
    toks = lexJq(text);
  } catch (e) {
    if (e instanceof JqLexError) {
      out.fail(`${dialect} filter: ${e.message}`);
      return;
    }
    throw e;
  }
  const known = dialect === "jq" ? JQ_KNOWN : YQ_KNOWN;
  // Names the filter defines itself: `def f:`, `def f(g; $x):` (g is callable inside).
  const defined = new Set<string>();
  toks.forEach((t, k) => {
    if (t.t !== "ident" || t.v !== "def") return;
    const name = toks[k + 1];
    if (name?.t === "ident") defined.add(name.v);
    if (isOp(toks[k + 2], "(")) {
      for (let j = k + 3; j < toks.length && !isOp(toks[j], ")"); j++) {
        const p = toks[j];
        if (p?.t === "ident") defined.add(p.v);
      }
    }
  });
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as JqToken;
    if (t.t !== "ident") continue;
    const prev = toks[k - 1];
    const next = toks[k + 1];
    if (prev?.t === "ident" && prev.v === "as") continue;
    // yq's `env(NAME)` and `strenv(NAME)` take a bare variable name.
    const call = toks[k - 2];
    if (isOp(prev, "(") && call?.t === "ident" && (call.v === "env" || call.v === "strenv"))
      continue; // `import "m" as name`
    if (t.v === "import" || t.v === "include") {
      out.runs(
        `${dialect} ${t.v} loads a module from the library path, which automode does not analyse`,
      );
      continue;
    }
    if (t.v === "modulemeta") {
      out.runs(`${dialect} modulemeta reads modules from the library path`);
      continue;
    }
    if (dialect === "yq" && YQ_LOADERS.has(t.v)) {
      const arg = toks[k + 2];
      if (isOp(next, "(") && arg?.t === "string" && isOp(toks[k + 3], ")")) out.read(arg.v);
      else out.runs(`yq ${t.v}() reads a file whose name is computed`);
      continue;
    }
    if (dialect === "yq" && t.v === "eval") {
      out.runs("yq eval() runs an expression computed from the data");
      continue;
    }
    // Object keys: `{a: 1}`, `{a}`, `{a, b}`; and label names after `label`/`break`? ($ names).
    if (
      isOp(next, ":") ||
      ((isOp(prev, "{") || isOp(prev, ",")) && (isOp(next, ",") || isOp(next, "}")))
    )
      continue;
    if (!known.has(t.v) && !defined.has(t.v))
      out.fail(`${dialect} filter uses the unknown function ${show(t.v)}`);
  }
}

const JQ_OPTIONS: OptTable = {
  permute: true,
  prefixes: false,
  short: {
    n: flag("flag"),
    r: flag("flag"),
    j: flag("flag"),
    a: flag("flag"),
    s: flag("flag"),
    c: flag("flag"),
    C: flag("flag"),
    M: flag("flag"),
    S: flag("flag"),
    e: flag("flag"),
    R: flag("flag"),
    h: flag("flag"),
    V: flag("flag"),
    b: flag("flag"),
    f: flag("from-file"),
    L: value("flag"),
  },
  long: {
    "null-input": flag("flag"),
    "raw-output": flag("flag"),
    "raw-output0": flag("flag"),
    "join-output": flag("flag"),
    "ascii-output": flag("flag"),
    slurp: flag("flag"),
    "compact-output": flag("flag"),
    "color-output": flag("flag"),
    "monochrome-output": flag("flag"),
    "sort-keys": flag("flag"),
    "exit-status": flag("flag"),
    tab: flag("flag"),
    indent: value("flag"),
    unbuffered: flag("flag"),
    stream: flag("flag"),
    "stream-errors": flag("flag"),
    seq: flag("flag"),
    "raw-input": flag("flag"),
    binary: flag("flag"),
    arg: two("flag"),
    argjson: two("flag"),
    slurpfile: two("datafile"),
    rawfile: two("datafile"),
    args: flag("args"),
    jsonargs: flag("args"),
    "from-file": flag("from-file"),
    "library-path": value("flag"),
    help: flag("flag"),
    version: flag("flag"),
    "build-configuration": flag("flag"),
  },
};

/** mikefarah yq v4 (and python yq's spellings that do not clash with it). */
const YQ_OPTIONS: OptTable = {
  permute: true,
  prefixes: false,
  short: {
    i: flag("in-place"),
    o: value("flag"),
    p: value("flag"),
    P: flag("flag"),
    r: flag("flag"),
    n: flag("flag"),
    e: flag("flag"),
    I: value("flag"),
    C: flag("flag"),
    M: flag("flag"),
    N: flag("flag"),
    s: value("split"),
    "0": flag("flag"),
    v: flag("flag"),
    V: flag("flag"),
    h: flag("flag"),
    y: flag("flag"),
    Y: flag("flag"),
    c: flag("flag"),
    j: flag("flag"),
    a: flag("flag"),
    S: flag("flag"),
    R: flag("flag"),
    x: flag("flag"),
    t: flag("flag"),
    w: value("flag"),
  },
  long: {
    inplace: flag("in-place"),
    "in-place": flag("in-place"),
    "output-format": value("flag"),
    "input-format": value("flag"),
    prettyPrint: flag("flag"),
    unwrapScalar: attached("flag"),
    "null-input": flag("flag"),
    "exit-status": flag("flag"),
    indent: value("flag"),
    colors: flag("flag"),
    "no-colors": flag("flag"),
    "no-doc": flag("flag"),
    "split-exp": value("split"),
    "split-exp-file": value("split"),
    "from-file": value("from-file"),
    "front-matter": value("flag"),
    "header-preprocess": attached("flag"),
    expression: value("expression"),
    "nul-output": flag("flag"),
    verbose: flag("flag"),
    version: flag("flag"),
    help: flag("flag"),
    "xml-attribute-prefix": value("flag"),
    "xml-content-name": value("flag"),
    "xml-strict-mode": flag("flag"),
    "xml-keep-namespace": attached("flag"),
    "xml-raw-token": attached("flag"),
    "xml-skip-proc-inst": flag("flag"),
    "xml-skip-directives": flag("flag"),
    "xml-directive-name": value("flag"),
    "xml-proc-inst-prefix": value("flag"),
    "csv-auto-parse": attached("flag"),
    "csv-separator": value("flag"),
    "tsv-auto-parse": attached("flag"),
    "properties-separator": value("flag"),
    "properties-array-brackets": flag("flag"),
    "lua-globals": flag("flag"),
    "lua-prefix": value("flag"),
    "lua-suffix": value("flag"),
    "lua-unquoted": flag("flag"),
    "string-interpolation": attached("flag"),
    "security-disable-env-ops": flag("flag"),
    "security-disable-file-ops": flag("flag"),
    "yaml-output": flag("flag"),
    "yaml-roundtrip": flag("flag"),
    "toml-output": flag("flag"),
    "xml-output": flag("flag"),
    "explicit-start": flag("flag"),
    "explicit-end": flag("flag"),
    "indentless-lists": flag("flag"),
    width: value("flag"),
    slurp: flag("flag"),
    "raw-output": flag("flag"),
    "compact-output": flag("flag"),
    "sort-keys": flag("flag"),
    tab: flag("flag"),
    arg: two("flag"),
    argjson: two("flag"),
    rawfile: two("datafile"),
    slurpfile: two("datafile"),
  },
};

function programFile(
  out: Analysis,
  f: ProgramArg,
  what: string,
  files?: ProgramFiles,
): string | undefined {
  if (f === undefined) {
    out.fail(`${what}: the file name is not a literal`);
    return undefined;
  }
  out.script(f);
  const text = files?.get(f);
  if (text === undefined) out.fail(`${what} ${show(f)}: the filter file is not analysed`);
  return text;
}

/** `jq [options] filter [file…]`. */
export function analyzeJq(args: readonly ProgramArg[], files?: ProgramFiles): ProgramAnalysis {
  const out = new Analysis();
  const p = parseOptions(args, JQ_OPTIONS);
  if (!p.ok) {
    out.fail(`jq: ${p.error}`);
    return out.done();
  }
  let fromFile = false;
  let argsMode = false;
  for (const o of p.opts) {
    if (o.id === "from-file") fromFile = true;
    else if (o.id === "args") argsMode = true;
    else if (o.id === "datafile") {
      if (o.second === undefined) out.fail(`jq ${o.spelled}: the file name is not a literal`);
      else out.read(o.second);
    }
  }
  const operands = [...p.operands];
  const first = operands.shift();
  if (fromFile) {
    const text = programFile(out, first, "jq --from-file", files);
    if (text !== undefined) analyzeJqFilter(text, out, "jq");
  } else if (first === undefined) {
    if (args.length === 0 || p.operands.length === 0) {
      // `jq` alone is `jq .` (jq 1.6+ when its output is not a terminal).
    } else out.fail("jq: the filter is not a literal");
  } else analyzeJqFilter(first, out, "jq");
  if (!argsMode) for (const f of operands) if (f !== undefined) out.read(f);
  return out.done();
}

/** `yq [eval|eval-all] [options] expression [file…]`. */
export function analyzeYq(args: readonly ProgramArg[], files?: ProgramFiles): ProgramAnalysis {
  const out = new Analysis();
  const rest = [...args];
  if (rest[0] !== undefined && ["eval", "e", "eval-all", "ea"].includes(rest[0])) rest.shift();
  const p = parseOptions(rest, YQ_OPTIONS);
  if (!p.ok) {
    out.fail(`yq: ${p.error}`);
    return out.done();
  }
  let inPlace = false;
  let expression: ProgramArg | null = null;
  let fromFile: string | undefined | null = null;
  for (const o of p.opts) {
    if (o.id === "in-place") inPlace = true;
    else if (o.id === "split")
      out.runs(`yq ${o.spelled} writes files whose names are computed from the data`);
    else if (o.id === "expression") expression = o.value;
    else if (o.id === "from-file")
      fromFile = programFile(out, o.value, "yq --from-file", files) ?? null;
    else if (o.id === "datafile") {
      if (o.second === undefined) out.fail(`yq ${o.spelled}: the file name is not a literal`);
      else out.read(o.second);
    }
  }
  const operands = [...p.operands];
  if (fromFile !== null) analyzeJqFilter(fromFile, out, "yq");
  else if (expression !== null) {
    if (expression === undefined) out.fail("yq --expression: the expression is not a literal");
    else analyzeJqFilter(expression, out, "yq");
  } else if (
    operands.length === 1 &&
    typeof operands[0] === "string" &&
    /\.(ya?ml|json|xml|toml|csv|tsv|properties|ini|hcl|tf|lua)$/i.test(operands[0])
  ) {
    // `yq file.yaml`: mikefarah yq takes a lone existing file as the input with filter `.`.
  } else if (!p.opts.some((o) => o.id === "from-file")) {
    const e = operands.shift();
    if (e === undefined) {
      if (p.operands.length > 0) out.fail("yq: the expression is not a literal");
    } else analyzeJqFilter(e, out, "yq");
  }
  for (const f of operands) {
    if (f === undefined) continue;
    out.read(f);
    if (inPlace && f !== "-") out.write(f);
  }
  return out.done();
}
