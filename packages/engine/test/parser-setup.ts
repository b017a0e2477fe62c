import { initShellParser } from "../src/shell/parser-load.js";

// Each test file may build its engine with createEngineSync at import: the WebAssembly parser
// must be ready before that, and only an await can ready it.
await initShellParser();
