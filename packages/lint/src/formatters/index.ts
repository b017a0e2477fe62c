export { escapeData, escapeProperty, formatGithub, type GithubOptions } from "./github.js";
export { formatJson } from "./json.js";
export { formatSarif, relativeUri, type SarifOptions } from "./sarif.js";
export { formatStylish, type StylishOptions } from "./stylish.js";

export const formats = ["stylish", "json", "sarif", "github"] as const;
export type Format = (typeof formats)[number];
