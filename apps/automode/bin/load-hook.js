// Loads the hook bundle (dist/hook.cjs) with V8's code cache (dist/hook.cjs.cache, written by
// the build after a warm-up run), so a hook process skips parsing and compiling most of it.
// A cache from another Node version is rejected by V8 and the bundle compiles as usual.
// Shared by bin/automode.js and scripts/bundle.mjs: the cache only fits the exact same wrapper.
// CommonJS (bin/package.json), like the bin: Node's ES module loader costs a hook ~20 ms.
const { readFileSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");

const hookBundle = join(__dirname, "..", "dist", "hook.cjs");
const hookCache = `${hookBundle}.cache`;

function loadHook() {
  const source = readFileSync(hookBundle, "utf8");
  let cachedData;
  try {
    cachedData = readFileSync(hookCache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: hookBundle, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(hookBundle),
    module,
    hookBundle,
    dirname(hookBundle),
  );
  return {
    exports: module.exports,
    /** Writes the code cache, with every function compiled so far (call it after a warm-up). */
    writeCache: () => writeFileSync(hookCache, script.createCachedData()),
  };
}

module.exports = { hookBundle, hookCache, loadHook };
