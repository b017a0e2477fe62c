import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { policySchemaId } from "@automode/policy";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CompletionList,
  type Diagnostic,
  getLanguageService,
  type MarkupContent,
  TextDocument,
} from "vscode-json-languageservice";
import { appRoot, cleanup, cli, installInto, pathWithoutAutomode, tempDir } from "./e2e/cli.js";

afterAll(cleanup);

/**
 * VS Code's own JSON language service (the code behind its JSON editor), set up as VS Code sets
 * it up for a `.json` file: comments are errors unless the schema allows them. Schemas load
 * from disk; the `$schema` of the file is resolved against the file, as the editor does.
 */
const service = getLanguageService({
  schemaRequestService: async (uri) => {
    if (!uri.startsWith("file:")) throw new Error(`no network in tests: ${uri}`);
    return readFileSync(fileURLToPath(uri), "utf8");
  },
  workspaceContext: {
    resolveRelativePath: (relative, resource) => new URL(relative, resource).href,
  },
});
service.configure({ validate: true, allowComments: false });

/** The policy `automode init` writes in a project with automode installed, and its file URI. */
function initPolicy(): { text: string; uri: string } {
  const dir = tempDir();
  installInto(dir);
  const init = cli(["init"], { cwd: dir, env: { PATH: pathWithoutAutomode() } });
  expect(init.status, init.stderr).toBe(0);
  const file = join(dir, ".claude", "policy.json");
  return { text: readFileSync(file, "utf8"), uri: pathToFileURL(file).href };
}

async function diagnostics(uri: string, text: string): Promise<Diagnostic[]> {
  const document = TextDocument.create(uri, "json", 1, text);
  return service.doValidation(document, service.parseJSONDocument(document));
}

/** The text and a position where `marker` ends. */
function at(text: string, marker: string) {
  const offset = text.indexOf(marker);
  expect(offset).toBeGreaterThanOrEqual(0);
  return offset + marker.length;
}

const messages = (list: Diagnostic[]) =>
  list.map((d) => (typeof d.message === "string" ? d.message : d.message.value));

describe("the policy init writes, in VS Code's JSON language service", () => {
  const policy = initPolicy();

  it("resolves its $schema to the shipped schema and reports nothing, comments included", async () => {
    expect(policy.text).toContain("//");
    expect(policy.text).toContain('"$schema": "../node_modules/automode/policy.schema.json"');
    expect(await diagnostics(policy.uri, policy.text)).toEqual([]);
    // A trailing comma, which VS Code flags in plain JSON, is allowed too.
    const trailing = policy.text.replace(
      '"version": 1,',
      '"version": 1,\n  "additionalDirectories": [],',
    );
    expect(await diagnostics(policy.uri, trailing.replace("]\n}", "],\n}"))).toEqual([]);
  });

  it("would flag the comments with a schema that did not allow them (the check can fail)", async () => {
    const strict = JSON.parse(readFileSync(join(appRoot, "policy.schema.json"), "utf8"));
    delete strict.allowComments;
    const document = TextDocument.create(policy.uri, "json", 1, policy.text);
    const found = await service.doValidation(
      document,
      service.parseJSONDocument(document),
      undefined,
      strict,
    );
    expect(messages(found)).toContain("Comments are not permitted in JSON.");
  });

  it("reports a rule with no matcher", async () => {
    const text = policy.text.replace(
      '"rules": [',
      '"rules": [\n    { "id": "no-matcher", "verdict": "deny" },',
    );
    const found = messages(await diagnostics(policy.uri, text));
    expect(
      found.some((m) => /Missing property "(operations|paths|commands|domains|tools)"/.test(m)),
    ).toBe(true);
  });

  it("reports a version written as a string", async () => {
    const text = policy.text.replace('"version": 1', '"version": "1"');
    expect(messages(await diagnostics(policy.uri, text)).join("\n")).toMatch(
      /Incorrect type|integer/,
    );
  });

  it("offers the tiers as completions, each with its description", async () => {
    const text = policy.text.replace('"tier": "balanced"', '"tier": ');
    const document = TextDocument.create(policy.uri, "json", 1, text);
    const list = (await service.doComplete(
      document,
      document.positionAt(at(text, '"tier": ')),
      service.parseJSONDocument(document),
    )) as CompletionList;
    const tiers = list.items.filter((i) =>
      ['"permissive"', '"balanced"', '"restrictive"'].includes(i.label),
    );
    expect(tiers.map((i) => i.label).sort()).toEqual([
      '"balanced"',
      '"permissive"',
      '"restrictive"',
    ]);
    const restrictive = tiers.find((i) => i.label === '"restrictive"');
    expect(JSON.stringify(restrictive?.documentation)).toMatch(/escalates everything else/);
  });

  it("shows the description on hover", async () => {
    const document = TextDocument.create(policy.uri, "json", 1, policy.text);
    const hover = await service.doHover(
      document,
      document.positionAt(at(policy.text, '"ti')),
      service.parseJSONDocument(document),
    );
    const contents = JSON.stringify(hover?.contents as MarkupContent | undefined);
    expect(contents).toMatch(/How much auto mode approves on its own/);
  });

  it("names the $id URL, which a global install's policy points at", () => {
    const shipped = JSON.parse(readFileSync(join(appRoot, "policy.schema.json"), "utf8"));
    expect(shipped.$id).toBe(policySchemaId);
  });
});
