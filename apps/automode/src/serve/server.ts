import { chmodSync, lstatSync, mkdirSync, unlinkSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect } from "node:net";
import { dirname } from "node:path";
import { type Tier, tiers } from "@automode/policy";
import { type AppDecision, denial } from "../decision.js";
import { answerHook, messageOf } from "../hook/answer.js";
import { hookOutput } from "../hook/output.js";
import { contextHeader, hookRoute, projectDirHeader } from "./locations.js";
import { type CallContext, ProjectPool } from "./projects.js";
import { bearer, tokenMatches } from "./token.js";

/** Write payloads carry whole files: tens of MB must pass; past this a call is denied unread. */
export const defaultMaxBodyBytes = 64 * 1024 * 1024;

export interface ServeOptions {
  /** Loopback TCP port; 0 picks a free one; undefined: no TCP listener. */
  port: number | undefined;
  /** "127.0.0.1" or "::1". */
  host?: string;
  /** The Unix socket; undefined: none. Its folder is made user-only (0700). */
  socket: string | undefined;
  token: string;
  env: NodeJS.ProcessEnv;
  maxBodyBytes?: number;
  /** One line per event worth a person's attention (start, refusals, shutdown). */
  log?: (line: string) => void;
}

export interface RunningServer {
  port: number | undefined;
  socket: string | undefined;
  pool: ProjectPool;
  /** Hook calls decided so far (refusals not counted). */
  readonly decided: number;
  /** Stops accepting, finishes the calls in flight and their audit appends, removes the socket. */
  close(): Promise<void>;
}

/** What the thin client sends in its context header (base64url JSON). */
interface ClientContext {
  cwd?: string;
  projectDir?: string;
  policy?: string;
  tier?: string;
  auditLog?: string;
}

/** A Host header that names this machine's loopback (any port): no DNS rebinding. */
export function loopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith("[")
    ? host.slice(0, host.indexOf("]") + 1)
    : host.replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

type Refusal = { ok: false; reason: string; why: string };

function hookAnswer(res: ServerResponse, decision: AppDecision, refused?: string): void {
  const body = `${JSON.stringify(hookOutput(decision))}\n`;
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  };
  if (refused !== undefined) headers["x-automode-refused"] = refused;
  res.writeHead(200, headers);
  res.end(body);
}

function plain(res: ServerResponse, status: number, body: object): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** How much of a too-large body is read and dropped, so the client gets to read the deny. */
const drainBytes = 64 * 1024 * 1024;

/** The body as text, or why it cannot be used (too large: the rest is drained, never kept). */
function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ ok: true; text: string } | Refusal> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    const tooLarge = (): Refusal => ({
      ok: false,
      why: "too-large",
      reason: `the hook input is larger than ${Math.round(limit / 1048576)} MiB, so automode denies the call unread (start the server with --max-body to raise the limit)`,
    });
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      // Drained so the client reads the answer, but an endless body is cut off.
      if (size > limit + drainBytes) req.destroy();
      if (!over) chunks.push(chunk);
    });
    req.on("end", () => {
      if (over) resolve(tooLarge());
      else resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") });
    });
    req.on("error", (error) =>
      resolve({
        ok: false,
        why: "read",
        reason: `the hook input could not be read: ${error.message}`,
      }),
    );
    req.on("aborted", () => resolve({ ok: false, why: "read", reason: "the client went away" }));
  });
}

function clientContext(req: IncomingMessage): (CallContext & { cwd: string | undefined }) | string {
  const raw = req.headers[contextHeader];
  const fromHook = req.headers[projectDirHeader];
  if (typeof raw !== "string") {
    return {
      cwd: undefined,
      projectDir: typeof fromHook === "string" && fromHook !== "" ? fromHook : undefined,
      policyFile: undefined,
      tier: undefined,
      auditLog: undefined,
    };
  }
  let parsed: ClientContext;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as ClientContext;
  } catch {
    return "the client context header is not valid";
  }
  if (typeof parsed !== "object" || parsed === null)
    return "the client context header is not valid";
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const tier = text(parsed.tier);
  if (tier !== undefined && !(tiers as readonly string[]).includes(tier)) {
    return `--permission-tier must be one of ${tiers.join(", ")} (got "${tier}")`;
  }
  return {
    cwd: text(parsed.cwd),
    projectDir: text(parsed.projectDir),
    policyFile: text(parsed.policy),
    tier: tier as Tier | undefined,
    auditLog: text(parsed.auditLog),
  };
}

/**
 * Makes the socket's folder user-only and clears a socket left by a server that is gone. A
 * socket another server still answers on is an error: two servers must not share one name.
 */
async function prepareSocket(path: string): Promise<void> {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const st = lstatSync(folder);
  if (!st.isDirectory()) throw new Error(`${folder} is not a folder (a symbolic link?)`);
  if (typeof process.getuid === "function" && st.uid !== process.getuid()) {
    throw new Error(`${folder} belongs to another user`);
  }
  if ((st.mode & 0o077) !== 0) chmodSync(folder, 0o700);
  let existing: ReturnType<typeof lstatSync> | undefined;
  try {
    existing = lstatSync(path);
  } catch {
    return;
  }
  if (!existing.isSocket()) throw new Error(`${path} exists and is not a socket; remove it`);
  const alive = await new Promise<boolean>((resolve) => {
    const probe = connect(path);
    probe.once("connect", () => {
      probe.destroy();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
  });
  if (alive) throw new Error(`another automode server answers on ${path}`);
  unlinkSync(path);
}

function listen(server: Server, how: { port: number; host: string } | { path: string }) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const done = () => {
      server.off("error", reject);
      resolve();
    };
    if ("path" in how) server.listen(how.path, done);
    else server.listen(how.port, how.host, done);
  });
}

/**
 * Starts the decision server: Claude Code's `http` hook on loopback TCP and the command hook's
 * thin client on the Unix socket, both answered by `answerHook` (the command hook's own code)
 * with a project pool that keeps engines between calls.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? (() => undefined);
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const pool = new ProjectPool({ env: options.env });
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  let decided = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (!loopbackHost(req.headers.host)) {
      log(`refused a request with Host ${JSON.stringify(req.headers.host ?? "")}`);
      if (path === hookRoute && req.method === "POST") {
        req.resume();
        hookAnswer(
          res,
          denial(
            "invalid-input",
            "the request's Host header does not name this machine's loopback, so automode denies it",
            "balanced",
          ),
          "host",
        );
      } else
        plain(res, 403, {
          error: "the Host header must name loopback (localhost, 127.0.0.1, [::1])",
        });
      return;
    }
    if (path === "/healthz") {
      if (req.method !== "GET" && req.method !== "HEAD")
        return plain(res, 405, { error: "GET only" });
      req.resume();
      return plain(res, closing ? 503 : 200, { ok: !closing });
    }
    if (path !== hookRoute) {
      req.resume();
      return plain(res, 404, { error: `no such route; automode answers POST ${hookRoute}` });
    }
    if (req.method !== "POST") {
      req.resume();
      return plain(res, 405, { error: "POST only" });
    }
    // Every hook route failure answers 200 with a deny: Claude Code treats any other status as
    // a non-blocking error and runs the tool (unless the hook says onFailure: "block").
    if (!tokenMatches(bearer(req.headers.authorization), options.token)) {
      req.resume();
      log("refused a hook call without the right token");
      return hookAnswer(
        res,
        denial(
          "invalid-input",
          "the hook call carries no valid automode token (Authorization: Bearer $AUTOMODE_TOKEN), so automode denies it; see automode init --serve",
          "balanced",
        ),
        "token",
      );
    }
    const context = clientContext(req);
    const body = await readBody(req, limit);
    if (!body.ok) {
      if (body.why === "too-large") log("denied a hook call over the body limit");
      if (!res.destroyed)
        hookAnswer(res, denial("invalid-input", body.reason, "balanced"), body.why);
      return;
    }
    if (typeof context === "string") {
      return hookAnswer(res, denial("invalid-input", context, "balanced"), "context");
    }
    let decision: AppDecision;
    try {
      decision = await answerHook(body.text, context.cwd, context.tier, pool.backend(context));
    } catch (error) {
      decision = denial(
        "internal-error",
        `automode failed, so it denies: ${messageOf(error)}`,
        context.tier ?? "balanced",
      );
    }
    decided += 1;
    hookAnswer(res, decision);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const work = handle(req, res).catch((error: unknown) => {
      log(`internal error: ${messageOf(error)}`);
      if (!res.headersSent) {
        hookAnswer(
          res,
          denial(
            "internal-error",
            `automode failed, so it denies: ${messageOf(error)}`,
            "balanced",
          ),
        );
      } else res.destroy();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const servers: Server[] = [];
  const make = () => {
    const server = createServer({ requestTimeout: 120_000, headersTimeout: 30_000 }, onRequest);
    server.keepAliveTimeout = 5_000;
    servers.push(server);
    return server;
  };

  let port: number | undefined;
  try {
    if (options.socket !== undefined) {
      await prepareSocket(options.socket);
      await listen(make(), { path: options.socket });
      chmodSync(options.socket, 0o600);
    }
    if (options.port !== undefined) {
      const tcp = make();
      await listen(tcp, { port: options.port, host: options.host ?? "127.0.0.1" });
      const address = tcp.address();
      port = typeof address === "object" && address !== null ? address.port : options.port;
    }
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      const stopped = Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
      for (const server of servers) server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      await pool.close();
      // Connections kept alive by a client that sends nothing more.
      for (const server of servers) server.closeAllConnections();
      await stopped;
      if (options.socket !== undefined) {
        try {
          unlinkSync(options.socket);
        } catch {}
      }
    })();
    return closed;
  };

  return {
    port,
    socket: options.socket,
    pool,
    get decided() {
      return decided;
    },
    close,
  };
}
