import { Ajv } from "ajv";

/**
 * ajv in strict mode, knowing the annotations editors read that JSON Schema does not define:
 * VS Code's hover and completion texts and its JSON-with-comments switches. Any other unknown
 * keyword still fails the compile.
 */
export function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  for (const keyword of ["markdownDescription", "allowComments", "allowTrailingCommas"]) {
    ajv.addKeyword({
      keyword,
      schemaType: keyword === "markdownDescription" ? "string" : "boolean",
    });
  }
  for (const keyword of ["enumDescriptions", "markdownEnumDescriptions"]) {
    ajv.addKeyword({ keyword, schemaType: "array" });
  }
  return ajv;
}
