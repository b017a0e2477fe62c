#!/usr/bin/env node
// A committed entry point, so package managers can link the bin before the first build.
// The hook starts once per tool call, so it loads its own bundle and nothing else.
const argv = process.argv.slice(2);
const { main } = await import(argv[0] === "hook" ? "../dist/hook.js" : "../dist/automode.js");
process.exitCode = await main(argv);
