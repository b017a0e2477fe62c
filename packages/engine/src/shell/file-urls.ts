import { fileUrlOf } from "../pipeline/file-url.js";
import type { Role } from "./operands.js";

/**
 * `file://` URLs given to curl and wget (issue 12, item 6): the pipeline turns each into a
 * read of its path (`subjects.ts`); here the command's own class follows. A transfer whose
 * every URL is a local file uses no network, so it is classed by what it does to files.
 */

const FILE_SCHEME = /^file:/iu;

export function isFileUrl(url: string): boolean {
  return FILE_SCHEME.test(url.trimStart());
}

/** Options that name more URLs in a file automode does not read (`curl -K`, `wget -i`). */
const MORE_URLS = /^(?:-K|--config|-i|--input-file)(?:=|$)|^-K./u;

/** Whether `curl`/`wget` here reaches only local files: no host, every URL `file:`. */
export function onlyFileUrls(
  name: string,
  values: readonly (string | undefined)[],
  urls: readonly string[],
  hosts: readonly string[],
): boolean {
  if (name !== "curl" && name !== "wget") return false;
  if (urls.length === 0 || !urls.every(isFileUrl)) return false;
  // The model names `--url`'s value as a host too (`tcp://file:/p`): the same URL.
  if (!hosts.every((h) => urls.some((u) => h === u || h === `tcp://${u}`))) return false;
  return !values.some((v) => v !== undefined && MORE_URLS.test(v));
}

/**
 * `curl -T data file:///x` uploads to the URL: for a file URL, a write of its path. The paths
 * it may stand for (see file-url.ts), or undefined when the URL maps to no local path.
 */
export function uploadTargets(url: string): { role: Role; path: string }[] | undefined {
  const parsed = fileUrlOf(url);
  if (parsed?.kind !== "paths") return undefined;
  return parsed.paths.map((path) => ({ role: "write" as const, path }));
}
