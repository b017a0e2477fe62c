import { parse, UsageError } from "../args.js";
import type { Io } from "../io.js";
import { defaultPort, hookRoute, socketPath } from "../serve/locations.js";
import { defaultMaxBodyBytes, startServer } from "../serve/server.js";
import { serverToken, TokenError } from "../serve/token.js";

export const SERVE_HELP = `Usage: automode serve [--port P] [--socket F] [--no-tcp] [--max-body MiB]

A long-running local decision server: the same decisions and audit records as the command
hook, without a process per tool call. It answers Claude Code's http hook
(POST ${hookRoute}) on loopback TCP, and the command hook (automode hook claude-code),
which asks it first, on a Unix socket in a user-only folder. Every hook call needs the token
(Authorization: Bearer …): AUTOMODE_TOKEN when set, else the token file the server creates at
first start in automode's config folder (mode 0600). GET /healthz answers without it.
Policies and ignore files are re-checked on every call: an edit applies to the next call.
Stop it with Ctrl-C or SIGTERM: calls in flight finish and the audit log stays whole.

Options:
  --port P        loopback TCP port (default ${defaultPort}; 0 picks a free one)
  --socket F      the Unix socket (default: $AUTOMODE_SOCKET, else
                  ~/.config/automode/serve/automode.sock)
  --no-tcp        the Unix socket only (for the command hook; Claude Code's http hook needs TCP)
  --max-body MiB  the largest hook call read (default ${defaultMaxBodyBytes / 1048576}); larger calls are denied
`;

function number(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return n;
}

export async function serve(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    port: { type: "string" },
    socket: { type: "string" },
    "no-tcp": { type: "boolean" },
    "max-body": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`serve takes no arguments (got "${positionals[0]}")`);
  if (values["no-tcp"] && values.port !== undefined) {
    throw new UsageError("--port and --no-tcp contradict each other");
  }
  const port = values["no-tcp"]
    ? undefined
    : (number(values.port, "--port", 0, 65535) ?? defaultPort);
  const maxBody = number(values["max-body"], "--max-body", 1, 4096);
  const socket = values.socket ?? socketPath(io.env);
  let token: ReturnType<typeof serverToken>;
  try {
    token = serverToken(io.env);
  } catch (error) {
    if (error instanceof TokenError) {
      io.err(`automode serve: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const log = (line: string) => io.err(`automode serve: ${line}\n`);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      socket,
      token: token.value,
      env: io.env,
      log,
      ...(maxBody !== undefined ? { maxBodyBytes: maxBody * 1048576 } : {}),
    });
  } catch (error) {
    io.err(`automode serve: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  if (server.port !== undefined) log(`http hook at http://127.0.0.1:${server.port}${hookRoute}`);
  log(`command hooks ask on ${socket}`);
  log(
    token.source === "AUTOMODE_TOKEN"
      ? "token: AUTOMODE_TOKEN"
      : `token: ${token.file}${token.source === "created" ? " (created)" : ""}`,
  );
  log(`ready (pid ${process.pid})`);

  return await new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      log(`${signal}: finishing the calls in flight`);
      server.close().then(
        () => {
          log(`stopped after ${server.decided} hook call${server.decided === 1 ? "" : "s"}`);
          resolve(0);
        },
        (error: unknown) => {
          log(`stopped with an error: ${(error as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
