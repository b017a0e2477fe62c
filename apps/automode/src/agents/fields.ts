import { isAbsolute } from "node:path";
import type { PolicyAction } from "@automode/policy";
import type { MappedCall } from "../hook/map-tool.js";

/** Helpers the adapters share to read a payload without trusting its shape. */

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The payload as a JSON object, or the reason it is not one. */
export function jsonObject(text: string, what: string): Fields | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim() === ""
      ? `the ${what} hook received no input on stdin`
      : `the ${what} hook input is not JSON`;
  }
  return isFields(value) ? value : `the ${what} hook input is not a JSON object`;
}

/** The first of `names` that holds a non-empty string. */
export function firstText(input: Fields, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = input[name];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return undefined;
}

export function absolute(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 && isAbsolute(value) ? value : undefined;
}

export interface CallContext {
  cwd: string;
  tool: string;
  session?: string;
}

export function contextOf(cwd: string, tool: string, session: unknown): CallContext {
  return typeof session === "string" && session.length > 0 ? { cwd, tool, session } : { cwd, tool };
}

export function action(kind: "read" | "write", path: string, context: CallContext): MappedCall {
  return { kind: "action", action: { kind, path, ...context } as PolicyAction };
}

export function invalid(reason: string): MappedCall {
  return { kind: "invalid", reason };
}

/** A field that must be a non-empty string, or an invalid call naming it. */
export function required(
  input: Fields,
  names: readonly string[],
  tool: string,
): string | MappedCall {
  const value = firstText(input, names);
  return value ?? invalid(`${tool} needs a non-empty string "${names[0]}" in its arguments`);
}
