import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { tokenFile } from "./locations.js";

/** The token cannot be used: the server does not start (one line says why). */
export class TokenError extends Error {
  override name = "TokenError";
}

export interface Token {
  value: string;
  /** Where it came from, for the start-up message (never the token itself). */
  source: "AUTOMODE_TOKEN" | "file" | "created";
  file?: string;
}

const minLength = 16;
const nofollow = constants.O_NOFOLLOW ?? 0;

/**
 * The server's token: `AUTOMODE_TOKEN` when set, else the token file, created at first start
 * with 32 random bytes (mode 0600, in a 0700 folder, never through a symlink). A token file
 * that others may read, or that another user owns, is refused rather than trusted.
 */
export function serverToken(env: NodeJS.ProcessEnv): Token {
  const own = env.AUTOMODE_TOKEN;
  if (own !== undefined && own !== "") {
    if (own.trim().length < minLength || /\s/.test(own)) {
      throw new TokenError(
        `AUTOMODE_TOKEN must be at least ${minLength} characters without spaces (make one with: openssl rand -hex 32)`,
      );
    }
    return { value: own, source: "AUTOMODE_TOKEN" };
  }
  const file = tokenFile(env);
  const existing = readTokenFile(file);
  if (existing !== undefined) return { value: existing, source: "file", file };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString("base64url");
  let fd: number;
  try {
    fd = openSync(
      file,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | nofollow,
      0o600,
    );
  } catch (error) {
    // Another server created it at the same moment: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      const theirs = readTokenFile(file);
      if (theirs !== undefined) return { value: theirs, source: "file", file };
    }
    throw new TokenError(`cannot create the token file ${file}: ${(error as Error).message}`);
  }
  try {
    writeSync(fd, `${value}\n`);
  } finally {
    closeSync(fd);
  }
  return { value, source: "created", file };
}

/** The token file's text, or undefined when there is none; a file anyone else could read is refused. */
function readTokenFile(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | nofollow);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP")
      throw new TokenError(`the token file ${file} is a symbolic link; remove it`);
    throw new TokenError(`cannot read the token file ${file}: ${(error as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new TokenError(`the token file ${file} is not a regular file`);
    if (typeof process.getuid === "function" && st.uid !== process.getuid()) {
      throw new TokenError(`the token file ${file} belongs to another user; remove it`);
    }
    if ((st.mode & 0o077) !== 0) {
      throw new TokenError(
        `the token file ${file} can be read by others (mode ${(st.mode & 0o777).toString(8)}); run chmod 600 ${file}, or remove it to get a new token`,
      );
    }
    const value = readFileSync(fd, "utf8").trim();
    if (value.length < minLength)
      throw new TokenError(`the token file ${file} holds no usable token; remove it`);
    return value;
  } finally {
    closeSync(fd);
  }
}

/**
 * Compares a presented token with the server's in constant time: both are hashed first, so
 * neither the length nor a common prefix of the right token shows in the time taken.
 */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b);
}

/** The token in an `Authorization: Bearer …` header, or undefined. */
export function bearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}
