import { tierPresets } from "@automode/policy";
import { expect, test } from "vitest";

test("workspace sources resolve", () => {
  expect(tierPresets.balanced["read-inside"]).toBe("approve");
});
