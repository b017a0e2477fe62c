import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { bin, tempDir } from "./cli.js";

export interface Served {
  child: ChildProcess;
  port: number;
  socket: string;
  config: string;
  token: string;
  /** What the server printed on stderr so far. */
  log(): string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `automode serve` as a real process on a free port, with a config folder of its own
 * (so command hooks of other test files never find its socket), and waits until it is ready.
 */
export async function startServe(
  options: { env?: NodeJS.ProcessEnv; args?: string[]; config?: string } = {},
): Promise<Served> {
  const config = options.config ?? join(tempDir(), "config");
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...(options.args ?? [])], {
    env: {
      ...process.env,
      CLAUDE_PROJECT_DIR: "",
      AUTOMODE_TOKEN: "",
      AUTOMODE_SOCKET: "",
      ...options.env,
      AUTOMODE_CONFIG_DIR: config,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (stderr.includes("ready (pid")) resolve();
    });
    void exited.then((code) => reject(new Error(`automode serve exited ${code}: ${stderr}`)));
  });
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
  const socket = join(config, "serve", "automode.sock");
  const token =
    options.env?.AUTOMODE_TOKEN || readFileSync(join(config, "serve-token"), "utf8").trim();
  return {
    child,
    port,
    socket,
    config,
    token,
    log: () => stderr,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to the server, over TCP (`port`) or its Unix socket (`socket`). */
export function send(
  to: { port: number } | { socket: string },
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...("port" in to ? { host: "127.0.0.1", port: to.port } : { socketPath: to.socket }),
        method: options.method ?? "POST",
        path: options.path ?? "/v1/hooks/claude-code",
        headers: { host: "127.0.0.1", ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A hook call as Claude Code sends it, with the token. */
export function hookCall(
  served: Served,
  body: string,
  headers: Record<string, string> = {},
  via: "tcp" | "socket" = "tcp",
): Promise<Reply> {
  return send(via === "tcp" ? { port: served.port } : { socket: served.socket }, {
    headers: {
      authorization: `Bearer ${served.token}`,
      "content-type": "application/json",
      ...headers,
    },
    body,
  });
}

/** The permissionDecision of a reply (fails the test when the reply is not a hook answer). */
export function decisionOf(reply: Reply): string {
  const parsed = JSON.parse(reply.body) as {
    hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string };
  };
  return parsed.hookSpecificOutput.permissionDecision;
}

export function reasonOf(reply: Reply): string {
  return (JSON.parse(reply.body) as { hookSpecificOutput: { permissionDecisionReason: string } })
    .hookSpecificOutput.permissionDecisionReason;
}
