// What the engine's shell parser costs a fresh process by itself: load the native tree-sitter
// binding and its bash grammar, and parse one command. A hook for a Bash call pays at least
// this on top of `node -e 0`, whatever else it does.
const Parser = require("tree-sitter");
const bash = require("tree-sitter-bash");

const parser = new Parser();
parser.setLanguage(bash);
const tree = parser.parse(process.argv[2] ?? "true");
if (tree.rootNode.hasError) process.exitCode = 1;
