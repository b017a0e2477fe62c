/**
 * A single-pass validator of RFC 8785 (JCS) canonical JSON over UTF-8 bytes, without building
 * the value: `scanner.isCanonical(bytes)` is true exactly when the bytes are valid UTF-8 and
 * `canonicalize(JSON.parse(text)) === text` (the differential tests in
 * `test/canonical.test.ts` check that on generated values and near-canonical mutations). It
 * rejects whitespace, keys not strictly sorted by UTF-16 code units (so duplicate keys too),
 * numbers not in ECMAScript shortest form, escapes other than JCS's own (`\"`, `\\`, `\b`,
 * `\f`, `\n`, `\r`, `\t`, `\u00xx` with lowercase hex for the other controls), lone
 * surrogates, and invalid UTF-8; `problem` says what and where.
 *
 * The verifier uses it to say why a line is not canonical (`scanLine`); deciding is done by
 * the exact path (`recordLine(JSON.parse(line)) === line`) and, for ordinary lines, by the
 * fast path's regular expression, which is faster than this JavaScript loop over the bytes.
 */

const kindObject = 1;
const kindArray = 2;
const kindString = 3;
const kindNumber = 4;
const kindTrue = 5;
const kindFalse = 6;
const kindNull = 7;

/** Deeper nesting is rejected (an audit record nests two levels; the limit bounds the stack). */
export const maxNesting = 512;

const shortEscapes: Record<number, string> = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
};

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Length of the well-formed UTF-8 sequence at `pos` (Unicode table 3-7), or 0. */
function utf8Length(b: Uint8Array, pos: number, end: number): number {
  const c = b[pos]!;
  const cont = (at: number, lo = 0x80, hi = 0xbf) => {
    if (at >= end) return false;
    const x = b[at]!;
    return x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(pos + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf; // no UTF-16 surrogates
    return cont(pos + 1, lo, hi) && cont(pos + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
    return cont(pos + 1, lo, hi) && cont(pos + 2) && cont(pos + 3) ? 4 : 0;
  }
  return 0;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

export class CanonicalScanner {
  private b: Buffer = Buffer.alloc(0);
  private pos = 0;
  private end = 0;
  private origin = 0;
  private hashLast = false;
  private plain = true;
  /** Why the last scan failed (empty after a success). */
  problem = "";

  /** Whether `buf[start, end)` is exactly one canonical JSON value. */
  isCanonical(buf: Buffer, start = 0, end = buf.length): boolean {
    this.reset(buf, start, end, false);
    if (this.value(0) === 0) return false;
    return this.pos === end || this.unexpected("the end of the value");
  }

  /**
   * Whether `buf[start, end)` is a line as the writer writes it: an object whose members
   * other than `hash` are canonical JSON (sorted, no whitespace, …) and whose last member is
   * `"hash"` (the canonical JSON of the record without `hash`, then `,"hash":…}`).
   */
  scanLine(buf: Buffer, start: number, end: number): boolean {
    this.reset(buf, start, end, true);
    if (start >= end || buf[start] !== 0x7b) return this.unexpected("{");
    if (!this.object(1)) return false;
    return this.pos === end || this.unexpected("the end of the line");
  }

  private reset(buf: Buffer, start: number, end: number, hashLast: boolean): void {
    this.b = buf;
    this.pos = start;
    this.end = end;
    this.origin = start;
    this.hashLast = hashLast;
    this.problem = "";
  }

  private fail(reason: string, at = this.pos): false {
    this.problem = `${reason} at column ${at - this.origin + 1}`;
    return false;
  }

  private unexpected(what: string): false {
    if (this.pos >= this.end) return this.fail(`line ends where ${what} was expected`);
    const c = this.b[this.pos]!;
    if (isWhitespace(c)) {
      return this.fail(
        `whitespace (${JSON.stringify(String.fromCharCode(c))}) where ${what} was expected`,
      );
    }
    const shown =
      c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16)}`;
    return this.fail(`${shown} where ${what} was expected`);
  }

  /** Parses the value at `pos`; its kind, or 0 on failure. */
  private value(depth: number): number {
    const c = this.pos < this.end ? this.b[this.pos]! : -1;
    if (c === 0x22) return this.string() ? kindString : 0;
    if (c === 0x7b) return this.object(depth + 1) ? kindObject : 0;
    if (c === 0x5b) return this.array(depth + 1) ? kindArray : 0;
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number() ? kindNumber : 0;
    if (c === 0x74) return this.word("true") ? kindTrue : 0;
    if (c === 0x66) return this.word("false") ? kindFalse : 0;
    if (c === 0x6e) return this.word("null") ? kindNull : 0;
    this.unexpected("a value");
    return 0;
  }

  private word(w: string): boolean {
    const { b, pos } = this;
    if (pos + w.length > this.end) return this.unexpected("a value");
    for (let k = 0; k < w.length; k++) {
      if (b[pos + k] !== w.charCodeAt(k)) return this.unexpected("a value");
    }
    this.pos = pos + w.length;
    return true;
  }

  private number(): boolean {
    const { b, end } = this;
    const start = this.pos;
    let pos = start;
    let digits = true;
    for (; pos < end; pos++) {
      const c = b[pos]!;
      if (c >= 0x30 && c <= 0x39) continue;
      if (c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) digits = false;
      else break;
    }
    this.pos = pos;
    const length = pos - start;
    // Fast path: an integer below 10^15 without a leading zero is its own shortest form.
    if (digits && length <= 15 && (b[start] !== 0x30 || length === 1)) return true;
    const text = b.toString("latin1", start, pos);
    const n = Number(text);
    if (Number.isNaN(n) || !/^-?[0-9]/.test(text))
      return this.fail(`invalid number ${text}`, start);
    if (!Number.isFinite(n)) return this.fail(`number ${text} is out of range`, start);
    const shortest = String(n);
    if (shortest !== text) {
      return this.fail(
        `number ${text} is not in ECMAScript shortest form (RFC 8785 writes ${shortest})`,
        start,
      );
    }
    return true;
  }

  /** Parses the string at `pos` (its opening quote); sets `plain`. */
  private string(): boolean {
    const { b, end } = this;
    let pos = this.pos + 1;
    let plain = true;
    for (;;) {
      if (pos >= end) return this.fail("unterminated string", this.pos);
      const c = b[pos]!;
      if (c === 0x22) break;
      if (c >= 0x20 && c < 0x80 && c !== 0x5c) {
        pos++;
        continue;
      }
      plain = false;
      if (c === 0x5c) {
        const n = this.escape(pos);
        if (n === 0) return false;
        pos += n;
      } else if (c < 0x20) {
        return this.fail(
          `raw control character U+${c.toString(16).padStart(4, "0")} in a string`,
          pos,
        );
      } else {
        const n = utf8Length(b, pos, end);
        if (n === 0) return this.fail("invalid UTF-8", pos);
        pos += n;
      }
    }
    this.pos = pos + 1;
    this.plain = plain;
    return true;
  }

  /** Length of the canonical escape at `pos` (a backslash), or 0 (and `problem`) if it is not one. */
  private escape(pos: number): number {
    const { b, end } = this;
    const e = pos + 1 < end ? b[pos + 1]! : -1;
    // \" \\ \b \f \n \r \t
    if (
      e === 0x22 ||
      e === 0x5c ||
      e === 0x62 ||
      e === 0x66 ||
      e === 0x6e ||
      e === 0x72 ||
      e === 0x74
    ) {
      return 2;
    }
    if (e === 0x2f) {
      this.fail('escape \\/: RFC 8785 writes "/" as itself', pos);
      return 0;
    }
    if (e !== 0x75) {
      this.fail("invalid escape", pos);
      return 0;
    }
    let code = 0;
    let upper = false;
    for (let k = 2; k < 6; k++) {
      const h = pos + k < end ? b[pos + k]! : -1;
      const v = hexValue(h);
      if (v < 0) {
        this.fail("invalid \\u escape", pos);
        return 0;
      }
      if (h >= 0x41 && h <= 0x46) upper = true;
      code = code * 16 + v;
    }
    const text = b.toString("latin1", pos, pos + 6);
    if (code < 0x20) {
      const short = shortEscapes[code];
      if (short !== undefined) this.fail(`escape ${text}: RFC 8785 writes ${short}`, pos);
      else if (upper) {
        this.fail(
          `escape ${text}: RFC 8785 writes hex digits in lowercase (${text.toLowerCase()})`,
          pos,
        );
      } else return 6;
      return 0;
    }
    if (code === 0x22 || code === 0x5c) {
      this.fail(`escape ${text}: RFC 8785 writes ${code === 0x22 ? '\\"' : "\\\\"}`, pos);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const low = code <= 0xdbff ? b.toString("latin1", pos + 6, pos + 12) : "";
      if (/^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(low)) {
        this.fail(`escape ${text}${low}: RFC 8785 writes the character itself (UTF-8)`, pos);
      } else this.fail(`escape ${text}: a lone surrogate, which RFC 8785 rejects`, pos);
    } else {
      this.fail(
        `escape ${text}: RFC 8785 writes ${JSON.stringify(String.fromCharCode(code))} as itself`,
        pos,
      );
    }
    return 0;
  }

  private array(depth: number): boolean {
    if (depth > maxNesting) return this.fail(`nested deeper than ${maxNesting} levels`);
    this.pos++;
    if (this.pos < this.end && this.b[this.pos] === 0x5d) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (this.value(depth) === 0) return false;
      const c = this.pos < this.end ? this.b[this.pos]! : -1;
      this.pos++;
      if (c === 0x2c) continue;
      if (c === 0x5d) return true;
      this.pos--;
      return this.unexpected('"," or "]"');
    }
  }

  /** Parses the object at `pos` (`depth` 1: the top level, where `hashLast` applies). */
  private object(depth: number): boolean {
    if (depth > maxNesting) return this.fail(`nested deeper than ${maxNesting} levels`);
    const b = this.b;
    this.pos++;
    if (this.pos < this.end && b[this.pos] === 0x7d) {
      if (this.hashLast && depth === 1) return this.fail('no "hash" member');
      this.pos++;
      return true;
    }
    const hashRoot = this.hashLast && depth === 1;
    let sawHash = false;
    let prevStart = -1;
    let prevEnd = -1;
    let prevPlain = true;
    for (;;) {
      if (this.pos >= this.end || b[this.pos] !== 0x22) return this.unexpected("a key");
      const keyAt = this.pos;
      if (!this.string()) return false;
      const keyStart = keyAt + 1;
      const keyEnd = this.pos - 1;
      const keyPlain = this.plain;
      if (hashRoot && sawHash) {
        return this.fail('"hash" is not the last member (a line ends with ,"hash":"…"})', keyAt);
      }
      if (
        hashRoot &&
        keyEnd - keyStart === 4 &&
        b[keyStart] === 0x68 &&
        b[keyStart + 1] === 0x61 &&
        b[keyStart + 2] === 0x73 &&
        b[keyStart + 3] === 0x68
      ) {
        sawHash = true; // exempt from the order: it follows the sorted members
      } else {
        if (prevStart >= 0) {
          const order = this.compareKeys(prevStart, prevEnd, prevPlain, keyStart, keyEnd, keyPlain);
          if (order >= 0) {
            const key = b.toString("utf8", keyAt, keyEnd + 1);
            const before = b.toString("utf8", prevStart - 1, prevEnd + 1);
            return this.fail(
              order === 0
                ? `duplicate key ${key}`
                : `key ${key} after ${before}: keys are not sorted by UTF-16 code units`,
              keyAt,
            );
          }
        }
        prevStart = keyStart;
        prevEnd = keyEnd;
        prevPlain = keyPlain;
      }
      if (this.pos >= this.end || b[this.pos] !== 0x3a) return this.unexpected('":"');
      this.pos++;
      if (this.value(depth) === 0) return false;
      const c = this.pos < this.end ? b[this.pos]! : -1;
      if (c === 0x2c) {
        this.pos++;
        continue;
      }
      if (c === 0x7d) {
        if (hashRoot && !sawHash) return this.fail('no "hash" member at the end of the line');
        this.pos++;
        return true;
      }
      return this.unexpected('"," or "}"');
    }
  }

  /** Order of two keys (content ranges) by UTF-16 code units, as `Array.prototype.sort` does. */
  private compareKeys(
    aStart: number,
    aEnd: number,
    aPlain: boolean,
    bStart: number,
    bEnd: number,
    bPlain: boolean,
  ): number {
    const b = this.b;
    if (aPlain && bPlain) {
      // ASCII without escapes: byte order is code-unit order.
      const n = Math.min(aEnd - aStart, bEnd - bStart);
      for (let k = 0; k < n; k++) {
        const d = b[aStart + k]! - b[bStart + k]!;
        if (d !== 0) return d;
      }
      return aEnd - aStart - (bEnd - bStart);
    }
    // Escapes or non-ASCII (UTF-8 byte order differs from UTF-16 above U+FFFF): decode.
    const a = JSON.parse(b.toString("utf8", aStart - 1, aEnd + 1)) as string;
    const c = JSON.parse(b.toString("utf8", bStart - 1, bEnd + 1)) as string;
    return a < c ? -1 : a > c ? 1 : 0;
  }
}
