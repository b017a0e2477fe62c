import { configDirectory } from "@automode/audit";
import { describe, expect, it } from "vitest";
import { configFolder, socketPath, tokenFile } from "../src/serve/locations.js";
import { loopbackHost } from "../src/serve/server.js";
import { bearer, tokenMatches } from "../src/serve/token.js";

describe("serve locations", () => {
  it("finds the config folder where the audit package keeps the signing key", () => {
    const envs: NodeJS.ProcessEnv[] = [
      {},
      { AUTOMODE_CONFIG_DIR: "/x/config" },
      { AUTOMODE_CONFIG_DIR: "" },
      { XDG_CONFIG_HOME: "/x/xdg" },
      { XDG_CONFIG_HOME: "relative/xdg" },
      { XDG_CONFIG_HOME: "/x/xdg", AUTOMODE_CONFIG_DIR: "/x/own" },
    ];
    for (const env of envs)
      expect(configFolder(env), JSON.stringify(env)).toBe(configDirectory(env));
  });

  it("puts the socket in a folder of its own and the token beside the key", () => {
    expect(socketPath({ AUTOMODE_CONFIG_DIR: "/c" })).toBe("/c/serve/automode.sock");
    expect(socketPath({ AUTOMODE_CONFIG_DIR: "/c", AUTOMODE_SOCKET: "/s.sock" })).toBe("/s.sock");
    expect(tokenFile({ AUTOMODE_CONFIG_DIR: "/c" })).toBe("/c/serve-token");
  });
});

describe("serve checks", () => {
  it("takes only loopback names as Host", () => {
    for (const host of [
      "localhost",
      "localhost:47283",
      "127.0.0.1",
      "127.0.0.1:1",
      "[::1]",
      "[::1]:80",
      "127.1.2.3:9",
    ]) {
      expect(loopbackHost(host), host).toBe(true);
    }
    for (const host of [
      undefined,
      "",
      "evil.test",
      "127.0.0.1.nip.io",
      "localhost.evil.test",
      "[::2]",
      "0.0.0.0",
      "127.0.0.1:80:80",
      "localhost@evil",
    ]) {
      expect(loopbackHost(host), String(host)).toBe(false);
    }
  });

  it("reads a bearer token and compares it whole", () => {
    expect(bearer("Bearer abc")).toBe("abc");
    expect(bearer("bearer  abc ")).toBe("abc");
    expect(bearer("Basic abc")).toBeUndefined();
    expect(bearer("Bearer a b")).toBeUndefined();
    expect(bearer(undefined)).toBeUndefined();
    const token = "0123456789abcdef0123";
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches("", token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });
});
