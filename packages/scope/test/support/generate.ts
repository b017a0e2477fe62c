import fc from "fast-check";

/** File and folder names chosen to hit git's corner cases: case, dots, spaces, globs, bytes. */
export const names = [
  "a",
  "b",
  "A",
  "ab",
  "aB",
  "abc",
  "foo",
  "Foo",
  "a.txt",
  "b.TXT",
  ".env",
  "x y",
  "b ",
  "ß",
  "π",
  "a*",
  "[a]",
  "#c",
  "!d",
  "q\\r",
] as const;

export interface TreeEntry {
  segments: string[];
  isDirectory: boolean;
}

/** Random leaves; every prefix of a leaf is a folder. A name is a file or a folder, not both. */
export const treeArbitrary = fc
  .array(
    fc.record({
      segments: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }),
      isDirectory: fc.boolean(),
    }),
    { minLength: 12, maxLength: 24 },
  )
  .map(flattenTree);

function flattenTree(leaves: TreeEntry[]): TreeEntry[] {
  const kinds = new Map<string, boolean>();
  for (const leaf of leaves) {
    let ok = true;
    for (let i = 1; i < leaf.segments.length; i++) {
      const prefix = leaf.segments.slice(0, i).join("/");
      if (kinds.get(prefix) === false) ok = false;
    }
    const full = leaf.segments.join("/");
    if (!ok || (kinds.has(full) && kinds.get(full) !== leaf.isDirectory)) continue;
    for (let i = 1; i < leaf.segments.length; i++)
      kinds.set(leaf.segments.slice(0, i).join("/"), true);
    kinds.set(full, leaf.isDirectory);
  }
  return [...kinds].map(([path, isDirectory]) => ({ segments: path.split("/"), isDirectory }));
}

const escapeGlob = (name: string) => name.replace(/[*?[\\]/g, (c) => `\\${c}`);

const caseVariant = (name: string) =>
  fc.constantFrom(name, name.toUpperCase(), name.toLowerCase(), escapeGlob(name));

const atom = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...names).chain(caseVariant) },
  { weight: 2, arbitrary: fc.constant("*") },
  { weight: 1, arbitrary: fc.constant("?") },
  { weight: 1, arbitrary: fc.constantFrom("**", "***") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "[ab]",
      "[!a]",
      "[^b]",
      "[a-c]",
      "[A-Z]",
      "[[:alpha:]]",
      "[[:upper:]]",
      "[[:digit:]]",
      "[]a]",
      "[!]]",
      "[\\]a]",
      "[a-]",
      "[c-a]",
      "[.]",
      "[",
      "[[:nope:]]",
      "[ ]",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom("\\*", "\\?", "\\a", "\\ ", "\\\\", "\\[") },
  { weight: 1, arbitrary: fc.constantFrom("é", "?", "??", "[ß]", "[\u0080-\u00ff]") },
);

const segment = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("**", "***") },
  { weight: 6, arbitrary: fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join("")) },
);

const line = fc
  .record({
    negate: fc.constantFrom("", "", "", "!", "\\!"),
    lead: fc.constantFrom("", "", "/", "\\#", "#"),
    segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
    separator: fc.constantFrom("/", "/", "/", "/", "/", "/", "\\/", "//"),
    trail: fc.constantFrom("", "", "", "/", "/", "\\/"),
    spaces: fc.constantFrom("", "", "", "", " ", "  ", "\\ ", "\\  ", "\t", " \\ ", "\r"),
  })
  .map((l) => `${l.negate}${l.lead}${l.segments.join(l.separator)}${l.trail}${l.spaces}`);

/** A pattern file: pattern lines plus the odd blank line, comment and BOM. */
export const patternFileArbitrary = fc
  .record({
    bom: fc.constantFrom("", "", "", "\uFEFF"),
    lines: fc.array(
      fc.oneof(
        { weight: 12, arbitrary: line },
        { weight: 1, arbitrary: fc.constantFrom("", "  ", "# comment") },
      ),
      {
        minLength: 1,
        maxLength: 10,
      },
    ),
  })
  .map(({ bom, lines }) => `${bom}${lines.join("\n")}\n`);
