// The app's reusable parts, for tools that embed automode's Claude Code integration.
export { type AppDecision, decideCall } from "./decision.js";
export { type HookInput, parseHookInput } from "./hook/input.js";
export { type MappedCall, mapToolCall, type ToolCall, webSearchUrl } from "./hook/map-tool.js";
export { type HookOutput, hookOutput, permissionOf } from "./hook/output.js";
export { registerHook } from "./init/settings.js";
export { findProjectRoot, loadProject, type Project } from "./project/load.js";
export { parseTranscript, type Transcript, type TranscriptCall } from "./replay/transcript.js";
