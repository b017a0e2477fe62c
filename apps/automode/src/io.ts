/** Where a command reads and writes: the real process in the CLI, buffers in unit tests. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

export function processIo(): Io {
  endQuietlyOnBrokenPipe();
  return {
    stdin: process.stdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stderr.isTTY === true,
  };
}

let guarded = false;

/**
 * `automode … | head -1`: the reader has what it wanted and closed the pipe. Node reports that
 * as an EPIPE error event, which unhandled is a stack trace and exit 1; a CLI ends quietly and
 * successfully, as `cat` does. `process.exit` still runs the 'exit' handlers, so temporary
 * folders (the demo's project copy) are removed. Any other stream error is one line, exit 2.
 */
function endQuietlyOnBrokenPipe(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      try {
        if (stream !== process.stderr) process.stderr.write(`automode: ${error.message}\n`);
      } finally {
        process.exit(2);
      }
    });
  }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

const exitSignals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Removes `path` (recursively) however the process ends: normally (call the returned function),
 * on `process.exit` (an EPIPE above), on an uncaught error, or on Ctrl-C, SIGTERM or SIGHUP.
 * The demo's project copy holds a fake `.env`; it must not outlive the run in the temp folder.
 */
export function removeOnExit(path: string, remove: (path: string) => void): () => void {
  let removed = false;
  const cleanup = () => {
    if (removed) return;
    removed = true;
    remove(path);
  };
  const onSignal = (signal: keyof typeof exitSignals) => {
    cleanup();
    process.exit(exitSignals[signal]);
  };
  process.once("exit", cleanup);
  for (const signal of Object.keys(exitSignals) as Array<keyof typeof exitSignals>) {
    process.once(signal, onSignal);
  }
  return () => {
    cleanup();
    process.off("exit", cleanup);
    for (const signal of Object.keys(exitSignals) as Array<keyof typeof exitSignals>) {
      process.off(signal, onSignal);
    }
  };
}
