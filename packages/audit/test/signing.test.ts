import { generateKeyPairSync } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  AuditError,
  type AuditRecord,
  appendDecision,
  configDirectory,
  genesis,
  keptHeadPath,
  loadKeyPair,
  logPath,
  parsePublicKey,
  privateKeyFile,
  publicKeyFile,
  publicKeyText,
  recordHash,
  recordLine,
  verifyLog,
} from "../src/index.js";
import { sampleEntry } from "./helpers/records.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A log and a config folder of their own (a fresh key). */
function fresh(): { log: string; configDir: string } {
  const base = mkdtempSync(join(tmpdir(), "audit-sign-"));
  made.push(base);
  return { log: join(base, "audit.jsonl"), configDir: join(base, "config", "automode") };
}

async function write(log: string, configDir: string, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await appendDecision(log, sampleEntry(i), { sign: { configDir } });
  }
}

const read = (log: string) =>
  readFileSync(log, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as AuditRecord);

/** What anyone can do without the key: rewrite the records and re-hash the chain. */
function rehash(log: string, records: AuditRecord[]): void {
  let prev = genesis;
  const lines = records.map((r, i) => {
    const body = { ...r, seq: i + 1, prev } as AuditRecord;
    const record = { ...body, hash: recordHash(body) };
    prev = record.hash;
    return recordLine(record);
  });
  writeFileSync(log, `${lines.join("\n")}\n`);
}

function keyOf(configDir: string): string {
  return publicKeyText(loadKeyPair(configDir).publicKey);
}

describe("the signing key", () => {
  it("is created once in the config folder: private 0600, folder 0700, public as one line", async () => {
    const { log, configDir } = fresh();
    await write(log, configDir, 1);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(configDir, privateKeyFile)).mode & 0o777).toBe(0o600);
    const pub = readFileSync(join(configDir, publicKeyFile), "utf8");
    expect(pub).toMatch(/^ed25519:[A-Za-z0-9_-]{43}\n$/);
    expect(pub.trim()).toBe(keyOf(configDir));
    const kept = keptHeadPath(configDir, logPath(log));
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(kept, "utf8"))).toMatchObject({ seq: 1, log: logPath(log) });
  });

  it("refuses a config folder that is a symlink (the key would land where it points)", async () => {
    const { log, configDir } = fresh();
    const elsewhere = join(configDir, "..", "readable-by-anyone");
    mkdirSync(elsewhere, { recursive: true });
    symlinkSync(elsewhere, configDir);
    await expect(
      appendDecision(log, sampleEntry(0), { sign: { configDir } }),
    ).rejects.toMatchObject({
      code: "signing",
    });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("reads the public key as text or PEM, and rejects anything else in one line", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(publicKeyText(parsePublicKey(pem))).toBe(publicKeyText(publicKey));
    expect(publicKeyText(parsePublicKey(publicKeyText(publicKey)))).toBe(publicKeyText(publicKey));
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    for (const bad of [
      "ed25519:nope",
      "hello",
      rsa.export({ format: "pem", type: "spki" }).toString(),
    ]) {
      expect(() => parsePublicKey(bad)).toThrow(AuditError);
    }
  });

  it("lives in AUTOMODE_CONFIG_DIR, else $XDG_CONFIG_HOME/automode, else ~/.config/automode", () => {
    expect(configDirectory({ AUTOMODE_CONFIG_DIR: "/a", XDG_CONFIG_HOME: "/x" })).toBe("/a");
    expect(configDirectory({ XDG_CONFIG_HOME: "/x" })).toBe("/x/automode");
    expect(configDirectory({ XDG_CONFIG_HOME: "relative" })).toMatch(/\.config\/automode$/);
    expect(configDirectory({})).toMatch(/\.config\/automode$/);
  });
});

describe("verify with the public key", () => {
  it("passes an untouched log: a checkpoint every 32 records, ending at the kept head", async () => {
    const { log, configDir } = fresh();
    await write(log, configDir, 100);
    const records = read(log);
    expect(records.filter((r) => "event" in r && r.event === "checkpoint")).toHaveLength(3);
    const plain = await verifyLog(log);
    expect(plain.ok).toBe(true);
    expect(plain.signature).toBeUndefined();
    const signed = await verifyLog(log, { key: keyOf(configDir), configDir });
    expect(signed).toMatchObject({
      ok: true,
      records: 103,
      signature: { checkpoints: 3, signedThrough: 98, kept: "matched" }, // checkpoints at seq 33, 66, 99
    });
  });

  it("detects a truncated tail that internal consistency cannot see", async () => {
    const { log, configDir } = fresh();
    await write(log, configDir, 40);
    const lines = readFileSync(log, "utf8").trimEnd().split("\n");
    writeFileSync(log, `${lines.slice(0, 36).join("\n")}\n`);
    expect((await verifyLog(log)).ok).toBe(true); // internally consistent
    const signed = await verifyLog(log, { key: keyOf(configDir), configDir });
    expect(signed.ok).toBe(false);
    expect(signed.firstBad?.reason).toMatch(
      /truncated: the key last signed seq 41, but the log ends at seq 36/,
    );
    expect(signed.signature?.kept).toBe("differs");
  });

  it("cut back to a checkpoint record: only the head kept outside the log detects it", async () => {
    const { log, configDir } = fresh();
    await write(log, configDir, 40);
    const lines = readFileSync(log, "utf8").trimEnd().split("\n");
    writeFileSync(log, `${lines.slice(0, 33).join("\n")}\n`); // seq 33 is the checkpoint
    const key = keyOf(configDir);
    const elsewhere = await verifyLog(log, { key, keptHead: join(configDir, "none.json") });
    expect(elsewhere).toMatchObject({ ok: true, signature: { kept: "none", signedThrough: 32 } });
    expect((await verifyLog(log, { key, configDir })).ok).toBe(false);
  });

  it.each([
    [
      "a deny edited to approve",
      (rs: AuditRecord[]) =>
        rs.map((r) =>
          "verdict" in r && r.verdict === "deny" ? { ...r, verdict: "approve" as const } : r,
        ),
    ],
    [
      "denials dropped",
      (rs: AuditRecord[]) => rs.filter((r) => !("verdict" in r && r.verdict === "deny")),
    ],
    ["two records swapped", (rs: AuditRecord[]) => [rs[1]!, rs[0]!, ...rs.slice(2)]],
    [
      "checkpoint records dropped too",
      (rs: AuditRecord[]) => rs.filter((r) => !("event" in r)).slice(0, 60),
    ],
  ])("detects a full re-hash with the public algorithm: %s", async (_what, change) => {
    const { log, configDir } = fresh();
    await write(log, configDir, 70);
    rehash(log, change(read(log)));
    const plain = await verifyLog(log);
    expect(plain.ok).toBe(true); // the chain is consistent again
    expect(plain.signature).toBeUndefined();
    const signed = await verifyLog(log, { key: keyOf(configDir), configDir });
    expect(signed.ok).toBe(false);
    // Even without the head kept outside (a reviewer with only the log and the public key).
    const reviewer = await verifyLog(log, {
      key: keyOf(configDir),
      keptHead: join(configDir, "x"),
    });
    expect(reviewer.ok).toBe(false);
  });

  it("the next append after tampering records it, signed, for good", async () => {
    const { log, configDir } = fresh();
    await write(log, configDir, 10);
    rehash(log, read(log).slice(0, 5)); // truncated and re-hashed
    await write(log, configDir, 1, 10);
    const records = read(log);
    expect(records[5]).toMatchObject({ event: "checkpoint", checkpoint: { at: 10 } });
    const signed = await verifyLog(log, { key: keyOf(configDir), configDir });
    expect(signed.ok).toBe(false);
    expect(signed.firstBad).toMatchObject({ line: 6 });
    expect(signed.firstBad?.reason).toMatch(/changed outside the writer.*key last signed seq 10/);
    expect(signed.signature?.kept).toBe("matched");
  });

  it("rejects another key's log, and a log that was never signed", async () => {
    const a = fresh();
    const b = fresh();
    await write(a.log, a.configDir, 40);
    const other = await verifyLog(a.log, { key: keyOf(b.configDir), configDir: a.configDir });
    expect(other.ok).toBe(false);
    expect(other.firstBad?.reason).toMatch(/signed by another key/);
    for (let i = 0; i < 40; i++) await appendDecision(b.log, sampleEntry(i), { sign: false });
    const unsigned = await verifyLog(b.log, { key: keyOf(b.configDir), configDir: b.configDir });
    expect(unsigned.ok).toBe(false);
    expect(unsigned.firstBad?.reason).toMatch(/not covered by a checkpoint signed with this key/);
  });
});
