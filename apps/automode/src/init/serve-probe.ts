import { request } from "node:http";
import { join } from "node:path";
import { defaultPort, socketPath } from "../serve/locations.js";
import { HOOK_TIMEOUT_S, hookAnswer, type Probe } from "./probe.js";

interface Reply {
  status: number;
  body: string;
  refused: string | undefined;
}

function ask(
  to: { url: string } | { socket: string; path: string },
  method: "GET" | "POST",
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 2000,
): Promise<Reply | { error: string }> {
  return new Promise((resolve) => {
    const target =
      "url" in to
        ? to.url
        : { socketPath: to.socket, path: to.path, headers: { host: "localhost", ...headers } };
    const options = { method, headers: { ...headers }, timeout: timeoutMs, agent: false as const };
    const req =
      typeof target === "string"
        ? request(target, options)
        : request({ ...target, method, timeout: timeoutMs, agent: false });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const refused = res.headers["x-automode-refused"];
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          refused: typeof refused === "string" ? refused : undefined,
        });
      });
    });
    req.on("timeout", () => req.destroy(new Error("no answer in time")));
    req.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.end(body);
  });
}

/**
 * Calls an `http` hook as Claude Code would, with the headers init writes filled from `env`
 * (`$AUTOMODE_TOKEN`, `$CLAUDE_PROJECT_DIR` = the root): a Read of the project's policy file.
 */
export async function probeHttpHook(
  url: string,
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<Probe> {
  const payload = {
    session_id: "automode-check",
    transcript_path: "",
    cwd: root,
    hook_event_name: "PreToolUse",
    tool_name: "Read",
    tool_input: { file_path: join(root, ".claude", "policy.json") },
  };
  const token = env.AUTOMODE_TOKEN ?? "";
  if (token === "") {
    return {
      ok: false,
      problem:
        "AUTOMODE_TOKEN is not set here, so Claude Code would send no token either: export it where Claude Code starts (see automode init --serve)",
    };
  }
  const reply = await ask(
    { url },
    "POST",
    {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "x-automode-project-dir": root,
    },
    JSON.stringify(payload),
    HOOK_TIMEOUT_S * 1000,
  );
  if ("error" in reply) {
    return {
      ok: false,
      problem: `no automode serve answers at ${url} (${reply.error}); start it with automode serve`,
    };
  }
  if (reply.refused === "token") {
    return {
      ok: false,
      problem:
        "the server refuses AUTOMODE_TOKEN: it is not the server's token (its token file, or the AUTOMODE_TOKEN it was started with)",
    };
  }
  const answer = reply.status === 200 ? hookAnswer(reply.body) : undefined;
  if (answer === undefined || reply.refused !== undefined) {
    return { ok: false, problem: `${url} did not answer as a hook (HTTP ${reply.status})` };
  }
  return { ok: true, ...answer };
}

export interface ServerStatus {
  socket: string;
  /** The socket answers /healthz: command hooks hand their calls to the server. */
  socketUp: boolean;
  url: string;
  /** The TCP port answers /healthz: the http hook can reach it. */
  tcpUp: boolean;
}

/** Whether an `automode serve` answers on its socket and on `port` (readiness only, no token). */
export async function serverStatus(
  env: NodeJS.ProcessEnv,
  port = defaultPort,
): Promise<ServerStatus> {
  const socket = socketPath(env);
  const url = `http://127.0.0.1:${port}/healthz`;
  const [onSocket, onTcp] = await Promise.all([
    ask({ socket, path: "/healthz" }, "GET", {}),
    ask({ url }, "GET", {}),
  ]);
  const up = (reply: Reply | { error: string }) => !("error" in reply) && reply.status === 200;
  return { socket, socketUp: up(onSocket), url: `http://127.0.0.1:${port}`, tcpUp: up(onTcp) };
}
