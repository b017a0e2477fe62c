/**
 * Text an agent chose (a path, a command, a tool name) reaches reasons that a terminal, the
 * hook's dialog or a report shows to a person. Control characters there could forge lines,
 * recolour or hide text (ANSI escapes), or reorder what is read (Unicode bidi controls), so
 * every one is written as a visible escape: C0 and C1 controls, DEL, the line and paragraph
 * separators, the bidi embeddings, overrides, isolates and marks, and the BOM / zero-width
 * no-break space. Idempotent: its output holds none of them, so escaping twice changes nothing.
 */
const unsafe =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/gu;

const named: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
  }),
);

function visible(ch: string): string {
  const name = named[ch];
  if (name !== undefined) return name;
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

export function safeText(text: string): string {
  return text.replace(unsafe, visible);
}

/** Whether a text holds anything `safeText` would escape. */
export function hasUnsafeText(text: string): boolean {
  unsafe.lastIndex = 0;
  const found = unsafe.test(text);
  unsafe.lastIndex = 0;
  return found;
}
