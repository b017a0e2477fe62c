import type { PolicyAction } from "@automode/policy";
import type { MappedCall } from "../hook/map-tool.js";
import type { CallContext } from "./fields.js";

/**
 * The files a Codex `apply_patch` envelope touches. The hook sends the raw envelope
 * (`*** Begin Patch` … `*** End Patch`) in `tool_input.command`; each file section starts
 * with one header line. A header automode does not know, or an envelope that names no
 * file, is invalid input: a patch automode cannot read is never approved.
 */
const headers: ReadonlyArray<[string, "write" | "delete"]> = [
  ["*** Add File: ", "write"],
  ["*** Update File: ", "write"],
  ["*** Delete File: ", "delete"],
  ["*** Move to: ", "write"],
];

export function patchCalls(patch: string, context: CallContext): MappedCall[] {
  const calls: MappedCall[] = [];
  for (const raw of patch.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith("*** ")) continue;
    if (line === "*** Begin Patch" || line === "*** End Patch" || line === "*** End of File") {
      continue;
    }
    const header = headers.find(([prefix]) => line.startsWith(prefix));
    if (header === undefined) {
      return [
        {
          kind: "invalid",
          reason: `apply_patch has a header automode does not know: ${line.slice(0, 80)}`,
        },
      ];
    }
    const path = line.slice(header[0].length).trim();
    if (path === "") return [{ kind: "invalid", reason: "apply_patch names an empty path" }];
    const action: PolicyAction =
      header[1] === "delete"
        ? { kind: "delete", path, ...context }
        : { kind: "write", path, ...context };
    calls.push({ kind: "action", action });
  }
  if (calls.length === 0) return [{ kind: "invalid", reason: "apply_patch names no file" }];
  return calls;
}
