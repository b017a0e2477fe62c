#!/usr/bin/env node
// A committed entry point, so package managers can link the bin before the first build.
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
