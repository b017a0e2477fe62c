import { expect } from "vitest";
import type { ProgramAnalysis } from "../../../src/shell/languages/index.js";

/** What a case expects; a field left out is not checked. */
export interface Expect {
  reads?: string[];
  writes?: string[];
  /** true: at least one dynamic reason; false: none. */
  dynamic?: boolean;
  destructive?: boolean;
  understood?: boolean;
  /** A word every dynamic or destructive reason together must mention. */
  mentions?: string;
}

/** A harmless, understood program that touches only these files. */
export const harmless = (reads: string[] = [], writes: string[] = []): Expect => ({
  reads,
  writes,
  dynamic: false,
  destructive: false,
  understood: true,
});

export function check(r: ProgramAnalysis | undefined, e: Expect): void {
  expect(r).toBeDefined();
  const a = r as ProgramAnalysis;
  if (e.reads) expect([...a.reads].sort()).toEqual([...e.reads].sort());
  if (e.writes) expect([...a.writes].sort()).toEqual([...e.writes].sort());
  if (e.dynamic !== undefined) expect(a.dynamic.length > 0).toBe(e.dynamic);
  if (e.destructive !== undefined) expect(a.destructive.length > 0).toBe(e.destructive);
  if (e.understood !== undefined) expect(a.understood).toBe(e.understood);
  if (!a.understood) expect(a.dynamic.length).toBeGreaterThan(0);
  if (e.mentions) expect([...a.dynamic, ...a.destructive].join(" | ")).toContain(e.mentions);
}
