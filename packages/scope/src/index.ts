export { defaultEnv, detectCaseSensitive, type ScopeEnv } from "./env.js";
export { ScopeError, type ScopeErrorCode } from "./errors.js";
export { type FileKind, type FileSystem, nodeFileSystem } from "./file-system.js";
export { IgnoreRules } from "./gitignore/rules.js";
export { credentialStores, isSystemPath } from "./locations.js";
export { createScope, type Scope, type ScopeOptions } from "./scope.js";
export type { PathInfo, PathMatcher, ResolvedPath } from "./types.js";
