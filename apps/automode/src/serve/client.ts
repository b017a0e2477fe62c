import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { contextHeader, hookRoute, socketPath, tokenFile } from "./locations.js";

/**
 * The command hook's first try: hand the call to a running `automode serve` over its Unix
 * socket and print its answer. Bundled alone (dist/hook-client.cjs) and loaded before anything
 * else, so it may import only Node's own modules and ./locations.js: the engine, zod and
 * tree-sitter load only when no server answers (bin/automode.js then runs the full hook).
 */

/** How long to wait for the socket to accept; a server that is not there fails at once anyway. */
const connectMs = 250;
/** How long a server that took the call may take to answer (a Grep over a large tree walks it). */
const answerMs = 20_000;

export type ClientResult =
  | { kind: "answered"; output: string }
  | { kind: "fallback"; why: string; stdin: Buffer };

const flags = new Map([
  ["--policy", "policy"],
  ["--permission-tier", "tier"],
  ["--audit-log", "auditLog"],
]);

/**
 * The flags the server is told about, or undefined when the command line is anything but
 * `hook claude-code [--flag value | --flag=value]…`: help, a typo or a bad value are the
 * in-process hook's to answer, with its usual message.
 */
function contextOf(argv: readonly string[]): Record<string, string> | undefined {
  if (argv[0] !== "hook" || argv[1] !== "claude-code") return undefined;
  const context: Record<string, string> = {};
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const key = flags.get(name);
    if (key === undefined || context[key] !== undefined) return undefined;
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "" || value.startsWith("--")) return undefined;
    context[key] = value;
  }
  return context;
}

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (error) {
    // No stdin at all (closed): an empty input, which the hook denies.
    if ((error as NodeJS.ErrnoException).code === "EOF") return Buffer.alloc(0);
    throw error;
  }
}

function token(env: NodeJS.ProcessEnv): string | undefined {
  const own = env.AUTOMODE_TOKEN;
  if (own !== undefined && own !== "") return own;
  try {
    return readFileSync(tokenFile(env), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** A PreToolUse answer as the server writes it; anything else is not trusted. */
function validAnswer(body: string): boolean {
  try {
    const value = JSON.parse(body) as {
      hookSpecificOutput?: {
        hookEventName?: unknown;
        permissionDecision?: unknown;
        permissionDecisionReason?: unknown;
      };
    };
    const out = value.hookSpecificOutput;
    return (
      out?.hookEventName === "PreToolUse" &&
      (out.permissionDecision === "allow" ||
        out.permissionDecision === "deny" ||
        out.permissionDecision === "ask") &&
      typeof out.permissionDecisionReason === "string"
    );
  } catch {
    return false;
  }
}

/** One HTTP/1.1 exchange over the socket, by hand: node:http would cost the hook its load time. */
function exchange(
  socket: string,
  request: Buffer,
): Promise<{ ok: true; response: Buffer } | { ok: false; why: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (result: { ok: true; response: Buffer } | { ok: false; why: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      conn.destroy();
      resolve(result);
    };
    const conn = connect(socket);
    let timer = setTimeout(
      () => done({ ok: false, why: "the server did not accept in time" }),
      connectMs,
    );
    conn.once("connect", () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => done({ ok: false, why: "the server did not answer in time" }),
        answerMs,
      );
      conn.end(request);
    });
    conn.on("data", (chunk: Buffer) => chunks.push(chunk));
    conn.once("end", () => done({ ok: true, response: Buffer.concat(chunks) }));
    conn.once("error", (error: NodeJS.ErrnoException) =>
      done({ ok: false, why: error.code ?? error.message }),
    );
  });
}

/** The body of a complete `200` response without a refusal, or why it is not one. */
function bodyOf(response: Buffer): { ok: true; body: string } | { ok: false; why: string } {
  const end = response.indexOf("\r\n\r\n");
  if (end === -1) return { ok: false, why: "an incomplete response" };
  const head = response.subarray(0, end).toString("latin1").split("\r\n");
  if (!/^HTTP\/1\.[01] 200 /.test(head[0] ?? "")) return { ok: false, why: head[0] ?? "no status" };
  let length: number | undefined;
  for (const line of head.slice(1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // A refused call (a stale token, a body too large) is decided in-process instead.
    if (name === "x-automode-refused") return { ok: false, why: `refused (${value})` };
    if (name === "content-length") length = Number(value);
  }
  const body = response.subarray(end + 4);
  if (length === undefined || body.length !== length) return { ok: false, why: "a cut response" };
  const text = body.toString("utf8");
  return validAnswer(text) ? { ok: true, body: text } : { ok: false, why: "not a hook answer" };
}

/**
 * Asks the server; "fallback" (with the stdin bytes, for the in-process hook) whenever it
 * cannot give a trustworthy answer. Never an answer of its own: a client error is never an
 * approval, it is the in-process hook's turn.
 */
export async function askServer(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClientResult> {
  const stdin = readStdin();
  try {
    return await forward(argv, env, stdin);
  } catch (error) {
    // Whatever went wrong here, the bytes read are handed on: the in-process hook decides.
    return { kind: "fallback", why: (error as Error).message, stdin };
  }
}

async function forward(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin: Buffer,
): Promise<ClientResult> {
  if (env.AUTOMODE_NO_SERVER === "1")
    return { kind: "fallback", why: "AUTOMODE_NO_SERVER=1", stdin };
  const context = contextOf(argv);
  if (context === undefined)
    return { kind: "fallback", why: "flags for the in-process hook", stdin };
  const secret = token(env);
  // Visible ASCII only: anything else could not travel in a header line.
  if (secret === undefined || !/^[\x21-\x7e]+$/.test(secret)) {
    return { kind: "fallback", why: "no usable token", stdin };
  }
  context.cwd = process.cwd();
  if (env.CLAUDE_PROJECT_DIR !== undefined && env.CLAUDE_PROJECT_DIR !== "") {
    context.projectDir = env.CLAUDE_PROJECT_DIR;
  }
  const head =
    `POST ${hookRoute} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${secret}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${stdin.length}\r\n` +
    `${contextHeader}: ${Buffer.from(JSON.stringify(context)).toString("base64url")}\r\nConnection: close\r\n\r\n`;
  const reply = await exchange(
    socketPath(env),
    Buffer.concat([Buffer.from(head, "latin1"), stdin]),
  );
  if (!reply.ok) return { kind: "fallback", why: reply.why, stdin };
  const body = bodyOf(reply.response);
  if (!body.ok) return { kind: "fallback", why: body.why, stdin };
  return { kind: "answered", output: body.body.endsWith("\n") ? body.body : `${body.body}\n` };
}
