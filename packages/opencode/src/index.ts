export { type Call, mapTool, patchCalls, WEB_SEARCH_URL } from "./map.js";
export type {
  Hooks,
  Plugin,
  PluginInput,
  ToolCallInput,
  ToolCallOutput,
} from "./opencode-types.js";
export { type AutomodeOptions, AutomodePlugin, automode, projectRootOf } from "./plugin.js";
