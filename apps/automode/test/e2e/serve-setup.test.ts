import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cleanup, pathWithAutomode, type RunOptions, cli as run, tempDir } from "./cli.js";
import { type Served, startServe } from "./serve-helpers.js";

const running: Served[] = [];
afterEach(async () => {
  for (const served of running.splice(0)) await served.stop("SIGKILL");
});
afterAll(cleanup);

const PATH = pathWithAutomode();
const HOME = tempDir();

describe("automode init --serve and doctor", () => {
  it("writes the http hook, fail-closed, and says what is still missing", async () => {
    const dir = tempDir();
    const config = join(tempDir(), "config");
    const env = { PATH, HOME, AUTOMODE_CONFIG_DIR: config, AUTOMODE_TOKEN: "" };
    const init = run(["init", "--serve", "--port", "1"], { cwd: dir, env });
    expect(init.status, init.stderr).toBe(0);
    const settings = JSON.parse(readFileSync(join(dir, ".claude", "settings.json"), "utf8"));
    expect(settings.hooks.PreToolUse).toEqual([
      {
        matcher: "*",
        hooks: [
          {
            type: "http",
            url: "http://127.0.0.1:1/v1/hooks/claude-code",
            headers: {
              Authorization: "Bearer $AUTOMODE_TOKEN",
              "X-Automode-Project-Dir": "$CLAUDE_PROJECT_DIR",
            },
            allowedEnvVars: ["AUTOMODE_TOKEN", "CLAUDE_PROJECT_DIR"],
            timeout: 30,
            onFailure: "block",
          },
        ],
      },
    ]);
    expect(init.stdout).toMatch(/not yet working: AUTOMODE_TOKEN is not set/);
    expect(init.stdout).toMatch(/export AUTOMODE_TOKEN=/);
    expect(init.stdout).toMatch(/systemd user unit or a\s+launchd agent/);
    // Again: nothing changes, and no second hook is added.
    const again = run(["init", "--serve", "--port", "1"], { cwd: dir, env });
    expect(again.stdout).toMatch(/unchanged \.claude\/settings\.json \(hook already registered\)/);
    // doctor: the http hook without a server is a problem, and says so.
    const doctor = run(["doctor", "--dir", dir], { cwd: dir, env });
    expect(doctor.status).toBe(1);
    expect(doctor.stdout).toMatch(/^ok\s+settings\s+PreToolUse POSTs every tool call/m);
    expect(doctor.stdout).toMatch(/^PROBLEM\s+hook\s+AUTOMODE_TOKEN is not set/m);
    expect(doctor.stdout).toMatch(
      /^PROBLEM\s+server\s+no automode serve answers at http:\/\/127\.0\.0\.1:1/m,
    );
    expect(run(["init", "--serve", "--hook-command", "x"], { cwd: dir, env }).status).toBe(2);
    expect(run(["init", "--port", "3"], { cwd: dir, env }).status).toBe(2);
  });

  it("checks the http hook against a running server, and doctor sees it up", async () => {
    const served = await startServe();
    running.push(served);
    const dir = tempDir();
    const env = { PATH, HOME, AUTOMODE_CONFIG_DIR: served.config, AUTOMODE_TOKEN: served.token };
    const init = run(["init", "--serve", "--port", String(served.port)], { cwd: dir, env });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/checked the http hook: the server answered "allow"/);
    const doctor = run(["doctor", "--dir", dir], { cwd: dir, env });
    expect(doctor.status, doctor.stdout).toBe(0);
    expect(doctor.stdout).toMatch(/^ok\s+hook\s+the server answers/m);
    expect(doctor.stdout).toMatch(
      /^ok\s+server\s+automode serve is up: its socket .* and http:\/\/127\.0\.0\.1:\d+/m,
    );
    // A wrong token is named as such.
    const wrong = run(["doctor", "--dir", dir], {
      cwd: dir,
      env: { ...env, AUTOMODE_TOKEN: "wrong-token-0123456789" },
    });
    expect(wrong.stdout).toMatch(/^PROBLEM\s+hook\s+the server refuses AUTOMODE_TOKEN/m);
  });

  it("reports the server for a command hook too, without calling its absence a problem", async () => {
    const dir = tempDir();
    const options: RunOptions = { cwd: dir, env: { PATH, HOME } };
    expect(run(["init"], options).status).toBe(0);
    const without = run(["doctor", "--dir", dir], options);
    expect(without.status, without.stdout).toBe(0);
    expect(without.stdout).toMatch(
      /^ok\s+server\s+no automode serve running: the command hook decides in-process/m,
    );
    const served = await startServe();
    running.push(served);
    const withServer = run(["doctor", "--dir", dir], {
      ...options,
      env: { ...options.env, AUTOMODE_CONFIG_DIR: served.config },
    });
    expect(withServer.stdout).toMatch(/^ok\s+server\s+automode serve is up: its socket/m);
  });
});
