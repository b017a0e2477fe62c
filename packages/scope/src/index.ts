export {
  type AnswerFileOptions,
  answerFileStore,
  defaultMaxAnswerBytes,
  defaultMaxAnswerFiles,
} from "./answer-file.js";
export { baselineIgnore } from "./baseline.js";
export {
  type ContainsAnswer,
  type ContainsStore,
  maxContainsEntries,
  maxContainsMilliseconds,
} from "./contains.js";
export type { LinkStamp, RecordedAnswer, Stamp } from "./contains-record.js";
export { defaultEnv, detectCaseSensitive, type ScopeEnv } from "./env.js";
export { ScopeError, type ScopeErrorCode } from "./errors.js";
export { expandHome } from "./expand.js";
export {
  type FileKind,
  type FileStat,
  type FileSystem,
  type FileTimes,
  nodeFileSystem,
} from "./file-system.js";
export { IgnoreRules } from "./gitignore/rules.js";
export { maxIdentityEntries } from "./identity.js";
export { credentialStores, isProcEnviron, isSystemPath } from "./locations.js";
export { type SpecialPath, specialPath } from "./proc-paths.js";
export { isProtectedName } from "./protected.js";
export {
  checkAdditionalDirectories,
  createScope,
  type DirectoryProblem,
  type Scope,
  type ScopeOptions,
} from "./scope.js";
export type { PathInfo, PathMatcher, ResolvedPath } from "./types.js";
