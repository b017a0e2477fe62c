/**
 * The file-system view the shell analyser reads (globs, `git checkout <path>`): scope's own
 * interface, so the engine passes one object to both.
 */
export type { FileKind, FileSystem } from "@automode/scope";
