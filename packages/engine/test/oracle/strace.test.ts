import { describe, expect, it } from "vitest";
import { socketTarget, traceEvents } from "../../oracle/events.js";
import { decodeText, parseTrace } from "../../oracle/strace.js";

/** strace 6.1's `-f -qq -y -xx` output, with the hex strings made from readable text. */
function hex(text: string): string {
  return [...Buffer.from(text)].map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
}
const q = (text: string) => `"${hex(text)}"`;
const fd = (n: number | string, path: string) => `${n}<${hex(path)}>`;

describe("the strace parser (no sandbox needed)", () => {
  it("decodes hex, octal and C escapes as UTF-8", () => {
    expect(decodeText(hex("/tmp/x y>z/é"))).toBe("/tmp/x y>z/é");
    expect(decodeText("a\\nb\\\\c\\101")).toBe("a\nb\\cA");
  });

  it("reads a call, its descriptor paths, its result and its error", () => {
    const trace = parseTrace(
      [
        `6     openat(${fd("AT_FDCWD", "/p")}, ${q("l")}, O_RDONLY) = ${fd(4, "/p/.env")}`,
        `6     openat(${fd("AT_FDCWD", "/p")}, ${q("/etc/x")}, O_WRONLY|O_CREAT|O_TRUNC, 0666) = -1 EROFS (Read-only file system)`,
        "not a line strace writes",
      ].join("\n"),
    );
    expect(trace.unreadable).toEqual(["not a line strace writes"]);
    expect(trace.calls[0]).toMatchObject({ pid: 6, name: "openat", ret: "4", retPath: "/p/.env" });
    expect(trace.calls[1]).toMatchObject({ ret: "-1", errno: "EROFS" });
  });

  it("joins calls another process interrupted, and reads clone3's written-back struct", () => {
    const trace = parseTrace(
      [
        `6     execve(${q("/usr/bin/bash")}, [${q("bash")}, ${q("-c")}, ${q("x")}], 0x7ffc /* 8 vars */) = 0`,
        "6     vfork( <unfinished ...>",
        `9     execve(${q("/usr/bin/rm")}, [${q("rm")}, ${q("-r")}, ${q("d")}], 0x55 /* 8 vars */) = 0`,
        "6     <... vfork resumed>) = 9",
        `9     unlinkat(${fd("AT_FDCWD", "/p/src")}, ${q("d")}, AT_REMOVEDIR) = 0`,
        "6     clone3({flags=CLONE_VM|CLONE_THREAD, child_tid=0x7f, stack_size=0x1ffec0} => {parent_tid=[8]}, 88) = 8",
        "8     clone3({flags=CLONE_VM, child_tid=0x7e} <unfinished ...>",
        "8     <... clone3 resumed> => {parent_tid=[12]}, 88) = 12",
        "9     +++ exited with 0 +++",
        "6     --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9} ---",
      ].join("\n"),
    );
    expect(trace.unreadable).toEqual([]);
    expect(trace.calls.map((c) => `${c.pid} ${c.name} ${c.ret}`)).toEqual([
      "6 execve 0",
      "9 execve 0",
      "6 vfork 9",
      "9 unlinkat 0",
      "6 clone3 8",
      "8 clone3 12",
    ]);
    const events = traceEvents(trace, "/p");
    // strace's own exec of bash is the line itself, not something it runs.
    expect(events).toEqual([
      expect.objectContaining({ kind: "execute", name: "rm", argv: ["rm", "-r", "d"] }),
      expect.objectContaining({ kind: "delete", path: "/p/src/d", program: "rm" }),
    ]);
  });

  it("resolves relative paths against the tracked working folder, and ignores failed lookups", () => {
    const trace = parseTrace(
      [
        `6     execve(${q("/usr/bin/bash")}, [${q("bash")}], 0x1 /* 1 vars */) = 0`,
        `6     chdir(${q("src")}) = 0`,
        `6     mkdir(${q("a")}, 0777) = 0`,
        `6     rename(${q("a")}, ${q("../b")}) = 0`,
        `6     unlink(${q("missing")}) = -1 ENOENT (No such file or directory)`,
        `6     symlinkat(${q(".claude")}, ${fd("AT_FDCWD", "/p/src")}, ${q("c")}) = 0`,
      ].join("\n"),
    );
    expect(traceEvents(trace, "/p").map((e) => `${e.kind} ${"path" in e ? e.path : ""}`)).toEqual([
      "write /p/src/a",
      "delete /p/src/a",
      "write /p/b",
      "write /p/src/c",
    ]);
  });

  it("attributes a child's calls printed before its clone returns to the parent's program", () => {
    const trace = parseTrace(
      [
        `6     execve(${q("/usr/bin/bash")}, [${q("bash")}], 0x1 /* 1 vars */) = 0`,
        `6     execve(${q("/usr/bin/git")}, [${q("git")}, ${q("status")}], 0x1 /* 1 vars */) = 0`,
        "6     clone3({flags=CLONE_VM|CLONE_THREAD} <unfinished ...>",
        `7     openat(${fd("AT_FDCWD", "/p")}, ${q("x")}, O_WRONLY|O_CREAT, 0666) = ${fd(3, "/p/x")}`,
        "6     <... clone3 resumed> => {parent_tid=[7]}, 88) = 7",
      ].join("\n"),
    );
    expect(traceEvents(trace, "/p")).toEqual([
      expect.objectContaining({ kind: "execute", name: "git" }),
      expect.objectContaining({ kind: "write", path: "/p/x", program: "git", pid: 7 }),
    ]);
  });

  it("names the address of a connection: IPv4, IPv6, unix sockets", () => {
    const target = (sockaddr: string) =>
      socketTarget(
        parseTrace(`5 connect(${fd(5, "socket:[1]")}, ${sockaddr}, 16) = -1 ECONNREFUSED (x)`)
          .calls[0]!,
      );
    expect(
      target(`{sa_family=AF_INET, sin_port=htons(1), sin_addr=inet_addr(${q("127.0.0.1")})}`),
    ).toBe("127.0.0.1:1");
    expect(
      target(
        `{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, ${q("::1")}, &sin6_addr), sin6_scope_id=0}`,
      ),
    ).toBe("[::1]:443");
    expect(target(`{sa_family=AF_UNIX, sun_path=${q("/run/docker.sock")}}`)).toBe(
      "unix:/run/docker.sock",
    );
    expect(target("{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}")).toBeUndefined();
  });
});
