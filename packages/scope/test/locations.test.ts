// @ts-nocheck
import { describe, expect, test } from "vitest";
import { credentialStores, isProcEnviron, isSystemPath } from "../src/index.js";
import { credentialKeys } from "../src/locations.js";

// Protected locations of SPEC section 5, stages 2 and 3 (issue 21).

describe("isSystemPath", () => {
  test("Windows system folders on any drive letter, either slash, any case", () => {
    expect(isSystemPath("C:\\Windows", false)).toBe(true);
    expect(isSystemPath("C:\\Windows\\System32\\drivers", false)).toBe(true);
    expect(isSystemPath("d:/windows/x", false)).toBe(true);
    expect(isSystemPath("C:\\Program Files\\App", false)).toBe(true);
    expect(isSystemPath("E:\\PROGRAM FILES (X86)\\App", true)).toBe(true);
    expect(isSystemPath("C:\\\\Windows", false)).toBe(true);
  });

  test("not a Windows system folder: a longer name, a user folder, no drive", () => {
    expect(isSystemPath("C:\\Windows.old\\x", false)).toBe(false);
    expect(isSystemPath("C:\\WindowsApps", false)).toBe(false);
    expect(isSystemPath("C:\\Program Files Extra", false)).toBe(false);
    expect(isSystemPath("C:\\Users\\me\\Windows", false)).toBe(false);
    expect(isSystemPath("CD:\\Windows", false)).toBe(false);
    expect(isSystemPath("x C:\\Windows", false)).toBe(false);
  });

  test("POSIX system folders and everything under them", () => {
    for (const p of ["/etc", "/etc/passwd", "/usr/bin/env", "/bin/sh", "/sbin/init", "/boot/x"]) {
      expect(isSystemPath(p, true), p).toBe(true);
    }
    expect(isSystemPath("/System/Library", true)).toBe(true);
    expect(isSystemPath("/Library/Preferences", true)).toBe(true);
    expect(isSystemPath("/private/etc/hosts", true)).toBe(true);
  });

  test("every top-level folder whose name starts with lib", () => {
    for (const p of ["/lib", "/lib64/ld.so", "/lib32", "/libx32/a"]) {
      expect(isSystemPath(p, true), p).toBe(true);
    }
    expect(isSystemPath("/home/lib/x", true)).toBe(false);
    expect(isSystemPath("/opt/lib64", true)).toBe(false);
  });

  test("a name that only starts like a system folder is not one", () => {
    for (const p of ["/etcetera", "/usrlocal", "/binaries", "/home/me/etc", "/private/etcx", "/"]) {
      expect(isSystemPath(p, true), p).toBe(false);
    }
  });

  test("case folds only on a case-insensitive file system", () => {
    expect(isSystemPath("/ETC/passwd", false)).toBe(true);
    expect(isSystemPath("/ETC/passwd", true)).toBe(false);
    expect(isSystemPath("/system/library", false)).toBe(true);
    expect(isSystemPath("/system/library", true)).toBe(false);
    expect(isSystemPath("/LIB64/x", false)).toBe(true);
    expect(isSystemPath("/LIB64/x", true)).toBe(false);
  });
});

describe("isProcEnviron", () => {
  test("a process's or a thread's environment", () => {
    expect(isProcEnviron("/proc/1/environ")).toBe(true);
    expect(isProcEnviron("/proc/self/environ")).toBe(true);
    expect(isProcEnviron("/proc/1/task/2/environ")).toBe(true);
    expect(isProcEnviron("/proc/thread-self/task/7/environ")).toBe(true);
  });

  test("anything else under /proc, or a look-alike", () => {
    for (const p of [
      "/proc/environ",
      "/proc//environ",
      "/proc/1/environ/x",
      "/proc/1/task//environ",
      "/proc//task/2/environ",
      "/proc/1/tasks/2/environ",
      "/proc/1/fd/environ",
      "/proc/1/task/2/3/environ",
      "/home/proc/1/environ",
      "/tmp/1/environ",
      "/tmp/1/task/2/environ",
      "/proc/1/environment",
    ]) {
      expect(isProcEnviron(p), p).toBe(false);
    }
  });
});

describe("credentialKeys", () => {
  test("every store under every spelling of home, and the extra folders", () => {
    const keys = credentialKeys(["/home/me", "/real/me"], true, ["/xdg/automode"]);
    expect(keys).toHaveLength(credentialStores.length * 2 + 1);
    expect(keys).toContain("/home/me/.ssh");
    expect(keys).toContain("/real/me/.config/automode");
    expect(keys).toContain("/xdg/automode");
  });

  test("home at the root gives one slash, and keys fold where names fold", () => {
    expect(credentialKeys(["/"], true)).toContain("/.ssh");
    expect(credentialKeys(["/Users/Me"], false)).toContain("/users/me/.aws");
    expect(credentialKeys(["/Users/Me"], true)).toContain("/Users/Me/.aws");
    // One home given twice is one set of keys.
    expect(credentialKeys(["/h", "/h"], true)).toHaveLength(credentialStores.length);
  });
});
