import { isAscii } from "../keys.js";

/**
 * git matches the UTF-8 bytes of paths and patterns; `ignore` matches UTF-16 code units. To get
 * git's answer (`?` is one byte, a bracket range is over bytes, case folds for ASCII only),
 * every non-ASCII string is rewritten so that each byte of its UTF-8 form is one character:
 * ASCII stays itself and a byte 0x80–0xFF becomes U+E080–U+E0FF, private-use code points that
 * have no case and that `ignore` gives no meaning (it reserves only U+E000 and U+E001).
 */
export function toByteString(text: string): string {
  if (isAscii(text)) return text;
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    out += byte < 0x80 ? String.fromCharCode(byte) : String.fromCharCode(0xe000 + byte);
  }
  return out;
}
