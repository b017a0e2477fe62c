import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from "node:crypto";
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { AuditError } from "./errors.js";
import { canonicalJson, sha256Hex } from "./hash.js";

/** Where the signing key and the kept checkpoints live; see `configDirectory`. */
export interface SigningOptions {
  /** The folder for the key and checkpoints. Default: `configDirectory()`. */
  configDir?: string;
  /**
   * Write a signed checkpoint record into the log at least every this many records (and
   * whenever the log's head is not the one this key last signed). Default 32.
   */
  every?: number;
}

export const defaultCheckpointEvery = 32;

/**
 * The user's automode config folder: `AUTOMODE_CONFIG_DIR` when set (tests, several
 * identities), else `$XDG_CONFIG_HOME/automode` (when absolute), else `~/.config/automode`.
 * It holds credentials (the signing key), so the engine counts it a credential store.
 */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.AUTOMODE_CONFIG_DIR;
  if (own !== undefined && own !== "") return own;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, "automode");
  return join(homedir(), ".config", "automode");
}

export const privateKeyFile = "audit-key.pem";
export const publicKeyFile = "audit-key.pub";
export const checkpointFolder = "audit-checkpoints";

/** What the writer needs to sign: the key pair and how it is named. */
export interface Signer {
  dir: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** 16 hex digits of SHA-256 of the raw public key: names the key in checkpoints. */
  keyId: string;
  every: number;
}

const nofollow = constants.O_NOFOLLOW ?? 0;

/** `ed25519:` + the raw 32-byte public key in base64url: one line, easy to paste. */
export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  return `ed25519:${jwk.x}`;
}

export function keyIdOf(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  return sha256Hex(Buffer.from(jwk.x ?? "", "base64url")).slice(0, 16);
}

/**
 * A public key from its text: the one-line `ed25519:…` form `automode audit key` prints, or
 * a PEM (`-----BEGIN PUBLIC KEY-----`). Throws a one-line `AuditError` otherwise.
 */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith("ed25519:")
      ? createPublicKey({
          key: { kty: "OKP", crv: "Ed25519", x: trimmed.slice("ed25519:".length) },
          format: "jwk",
        })
      : createPublicKey(trimmed);
    if (key.asymmetricKeyType !== "ed25519") throw new Error(`a ${key.asymmetricKeyType} key`);
    return key;
  } catch (err) {
    throw new AuditError(
      `not an Ed25519 public key (expected "ed25519:…" as printed by automode audit key, or a PEM): ${(err as Error).message.split("\n")[0]}`,
      "signing",
    );
  }
}

/** Writes `data` to `path` only if nothing is there (tmp + link): never overwrites, never follows a link. */
function createExclusive(path: string, data: string, mode: number): boolean {
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | nofollow,
    mode,
  );
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

function readNoFollow(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | nofollow);
  try {
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The key must not land wherever a planted link points (a folder the agent can read).
  if (!lstatSync(dir).isDirectory()) {
    throw new AuditError(
      `the automode config folder ${dir} is a symbolic link (or not a folder); the signing key is kept only in a real folder`,
      "signing",
    );
  }
}

const cache = new Map<string, { privateKey: KeyObject; publicKey: KeyObject; keyId: string }>();

/**
 * The user's signing key pair, created on first use (Ed25519, `generateKeyPairSync`): the
 * private key in `audit-key.pem` (PKCS#8, mode 0600, folder 0700), the public one in
 * `audit-key.pub` (the `ed25519:…` line). Two processes creating it at once end up with the
 * same key: the file is created exclusively and the loser reads the winner's.
 */
export function loadKeyPair(dir: string): {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
} {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const pemPath = join(dir, privateKeyFile);
  try {
    let pem: string;
    try {
      if (lstatSync(dir).isSymbolicLink()) ensureDir(dir); // throws the clear error
      pem = readNoFollow(pemPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      ensureDir(dir);
      chmodSync(dir, 0o700);
      const { privateKey } = generateKeyPairSync("ed25519");
      createExclusive(
        pemPath,
        privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
        0o600,
      );
      pem = readNoFollow(pemPath);
    }
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 key");
    const publicKey = createPublicKey(privateKey);
    const pubPath = join(dir, publicKeyFile);
    const text = `${publicKeyText(publicKey)}\n`;
    let current: string | undefined;
    try {
      current = readNoFollow(pubPath);
    } catch {
      current = undefined;
    }
    if (current !== text) replaceFile(pubPath, text, 0o644, false);
    const pair = { privateKey, publicKey, keyId: keyIdOf(publicKey) };
    cache.set(dir, pair);
    return pair;
  } catch (err) {
    if (err instanceof AuditError) throw err;
    throw new AuditError(
      `cannot use the audit signing key ${pemPath}: ${(err as Error).message.split("\n")[0]}`,
      "signing",
      { cause: err },
    );
  }
}

export function signerFor(options: SigningOptions): Signer {
  const dir = options.configDir ?? configDirectory();
  const every = Math.max(1, Math.floor(options.every ?? defaultCheckpointEvery));
  return { dir, every, ...loadKeyPair(dir) };
}

/** Replaces `path` atomically (tmp + rename); the rename replaces a link, never writes through it. */
function replaceFile(path: string, data: string, mode: number, durable: boolean): void {
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | nofollow,
    mode,
  );
  try {
    writeSync(fd, data);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

const recordPurpose = "automode audit checkpoint v1";
const headPurpose = "automode audit head v1";

/** What an in-log checkpoint record signs: the head before it (normally `seq - 1` and `prev`). */
export interface CheckpointBody {
  at: number;
  every: number;
  head: string;
  key: string;
}

function signText(privateKey: KeyObject, message: string): string {
  return sign(null, Buffer.from(message, "utf8"), privateKey).toString("base64url");
}

function verifyText(publicKey: KeyObject, message: string, sig: string): boolean {
  try {
    return verify(null, Buffer.from(message, "utf8"), publicKey, Buffer.from(sig, "base64url"));
  } catch {
    return false;
  }
}

export function signCheckpoint(signer: Signer, body: CheckpointBody): string {
  return signText(signer.privateKey, canonicalJson({ purpose: recordPurpose, ...body }));
}

export function checkCheckpoint(key: KeyObject, body: CheckpointBody, sig: string): boolean {
  return verifyText(key, canonicalJson({ purpose: recordPurpose, ...body }), sig);
}

/** The latest head this key signed for one log, kept in the config folder. */
export interface KeptHead {
  v: 1;
  /** The log's absolute path (its folder resolved through symlinks): the log's identity. */
  log: string;
  seq: number;
  hash: string;
  /** The seq of the last checkpoint record in the log (0: none yet). */
  mark: number;
  every: number;
  key: string;
  ts: string;
  sig: string;
}

/** Where the kept head of the log at `log` (absolute, folder resolved) lives. */
export function keptHeadPath(dir: string, log: string): string {
  return join(dir, checkpointFolder, `${sha256Hex(log).slice(0, 32)}.json`);
}

function headMessage(head: Omit<KeptHead, "sig">): string {
  return canonicalJson({ purpose: headPurpose, ...head });
}

/** Reads a kept head (undefined when there is none or it is not one); no signature check. */
export function readKeptHead(path: string): KeptHead | undefined {
  let text: string;
  try {
    text = readNoFollow(path);
  } catch {
    return undefined;
  }
  try {
    const h = JSON.parse(text) as Partial<KeptHead>;
    if (
      h.v !== 1 ||
      typeof h.log !== "string" ||
      !Number.isSafeInteger(h.seq) ||
      typeof h.hash !== "string" ||
      !Number.isSafeInteger(h.mark) ||
      !Number.isSafeInteger(h.every) ||
      typeof h.key !== "string" ||
      typeof h.ts !== "string" ||
      typeof h.sig !== "string"
    )
      return undefined;
    return h as KeptHead;
  } catch {
    return undefined;
  }
}

export function checkKeptHead(key: KeyObject, head: KeptHead): boolean {
  const { sig, ...body } = head;
  return verifyText(key, headMessage(body), sig);
}

/** Kept heads are padded to at least this size, so a rewrite in place never shrinks the file. */
const keptHeadBytes = 1024;

/**
 * Overwrites the kept head in place (one `pwrite` at offset 0, padded with spaces to the
 * file's size, which JSON ignores). Not tmp + rename: on ext4 a rename over an existing file
 * forces the new file's blocks out (`auto_da_alloc`), measured at 1.3 ms, most of an append's
 * budget. Every access is under the log's lock, so no reader sees a half-written head; a crash
 * mid-write can tear it, and a torn head reads as none (the next append signs afresh).
 */
function writeInPlace(path: string, text: string, durable: boolean): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | nofollow, 0o600);
  try {
    const size = fstatSync(fd).size;
    const body = Buffer.from(text.trimEnd(), "utf8");
    const padded = Buffer.alloc(Math.max(size, keptHeadBytes, body.length + 1), 0x20);
    body.copy(padded);
    padded[padded.length - 1] = 0x0a;
    let done = 0;
    while (done < padded.length) done += writeSync(fd, padded, done, padded.length - done, done);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Signs and keeps the log's new head (mode 0600). */
export function keepHead(
  signer: Signer,
  head: Omit<KeptHead, "sig" | "v" | "key" | "every">,
  durable: boolean,
): void {
  const body: Omit<KeptHead, "sig"> = { v: 1, ...head, every: signer.every, key: signer.keyId };
  const kept: KeptHead = { ...body, sig: signText(signer.privateKey, headMessage(body)) };
  const path = keptHeadPath(signer.dir, head.log);
  try {
    writeInPlace(path, JSON.stringify(kept), durable);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    ensureDir(join(signer.dir, checkpointFolder));
    writeInPlace(path, JSON.stringify(kept), durable);
  }
}
