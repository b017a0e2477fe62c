import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface RealisticProject {
  /** The temp folder: holds `home/` and `repo/`. */
  tmp: string;
  root: string;
  home: string;
  cleanup(): void;
}

const packageJson = {
  name: "acme-app",
  private: true,
  type: "module",
  scripts: {
    build: "tsc -p tsconfig.build.json",
    dev: "vite",
    test: "vitest run",
    "test:unit": "vitest run tests/unit",
    "test:watch": "vitest",
    lint: "eslint .",
    "lint:fix": "eslint . --fix",
    format: "prettier --write .",
    typecheck: "tsc --noEmit",
    e2e: "playwright test",
  },
  devDependencies: { typescript: "^5.6.0", vitest: "^4.0.0", eslint: "^9.0.0" },
};

const cargoToml = `[workspace]
members = ["crates/core", "crates/cli"]
resolver = "2"
`;

const files: Record<string, string> = {
  "repo/.claude/policy.json": '{ "version": 1, "tier": "balanced" }\n',
  "repo/.claudeignore": ".env\n.env.*\n!.env.example\nsecrets/\n*.pem\n",
  "repo/.gitignore": "node_modules/\ndist/\ncoverage/\ntarget/\n__pycache__/\n.venv/\n.env\n",
  "repo/.env": "DATABASE_URL=postgres://u:p@db/app\n",
  "repo/.env.local": "API_KEY=sk-live\n",
  "repo/.env.example": "DATABASE_URL=\n",
  "repo/secrets/api-token.txt": "token\n",
  "repo/package.json": `${JSON.stringify(packageJson, null, 2)}\n`,
  "repo/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
  "repo/pnpm-workspace.yaml": "packages:\n  - packages/*\n",
  "repo/tsconfig.json": '{ "compilerOptions": { "strict": true, "noEmit": true } }\n',
  "repo/tsconfig.build.json": '{ "extends": "./tsconfig.json", "include": ["src"] }\n',
  "repo/vitest.config.ts": "export default {};\n",
  "repo/eslint.config.js": "export default [];\n",
  "repo/.prettierrc": "{}\n",
  "repo/biome.json": "{}\n",
  "repo/README.md": "# acme-app\n\nTODO: document the API.\n",
  "repo/CHANGELOG.md": "# Changelog\n",
  "repo/LICENSE": "MIT\n",
  "repo/Makefile": "build:\n\tgo build ./...\ntest:\n\tgo test ./...\n",
  "repo/Dockerfile": "FROM node:20\n",
  "repo/docs/guide.md": "# Guide\n",
  "repo/data/users.json": '[{ "id": 1, "name": "ada" }]\n',
  "repo/logs/app.log": "started\nerror: boom\n",
  "repo/src/index.ts": "export * from './app.js';\n",
  "repo/src/app.ts": "// TODO: split\nexport const app = 1;\n",
  "repo/src/server.ts": "export const port = 3000;\n",
  "repo/src/util/strings.ts": "export const trim = (s: string) => s.trim();\n",
  "repo/src/components/Button.tsx": "export const Button = () => null;\n",
  "repo/tests/app.test.ts": "import { test } from 'vitest';\ntest('app', () => {});\n",
  "repo/tests/unit/strings.test.ts": "import { test } from 'vitest';\ntest('trim', () => {});\n",
  "repo/scripts/build.js": "console.log('build');\n",
  "repo/scripts/gen-types.ts": "export {};\n",
  "repo/scripts/check.sh": "#!/bin/sh\necho ok\n",
  "repo/packages/web/package.json": '{ "name": "web", "scripts": { "test": "vitest run" } }\n',
  "repo/packages/web/src/main.ts": "export {};\n",
  "repo/dist/index.js": "export {};\n",
  "repo/coverage/lcov.info": "TN:\n",
  "repo/node_modules/.bin/vitest": "#!/bin/sh\n",
  "repo/pyproject.toml":
    '[project]\nname = "acme"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
  "repo/requirements.txt": "requests==2.32.0\n",
  "repo/requirements-dev.txt": "pytest\nruff\nmypy\n",
  "repo/acme/__init__.py": "",
  "repo/acme/main.py": "def main() -> None:\n    print('hi')\n",
  "repo/acme/models.py": "class User: ...\n",
  "repo/tests/test_main.py": "def test_main():\n    assert True\n",
  "repo/tests/conftest.py": "",
  "repo/manage.py": "print('django')\n",
  "repo/go.mod": "module example.com/acme\n\ngo 1.22\n",
  "repo/go.sum": "",
  "repo/main.go": "package main\n\nfunc main() {}\n",
  "repo/cmd/server/main.go": "package main\n\nfunc main() {}\n",
  "repo/pkg/api/handler.go": "package api\n",
  "repo/pkg/api/handler_test.go": "package api\n",
  "repo/internal/store/store.go": "package store\n",
  "repo/Cargo.toml": cargoToml,
  "repo/Cargo.lock": "version = 3\n",
  "repo/crates/core/Cargo.toml": '[package]\nname = "acme-core"\nversion = "0.1.0"\n',
  "repo/crates/core/src/lib.rs": "pub fn add(a: i32, b: i32) -> i32 { a + b }\n",
  "repo/crates/cli/Cargo.toml": '[package]\nname = "acme-cli"\nversion = "0.1.0"\n',
  "repo/crates/cli/src/main.rs": "fn main() {}\n",
  "repo/target/debug/.keep": "",
  "home/.gitconfig": "[user]\n\tname = Ada\n\temail = ada@example.com\n",
  "home/.ssh/id_ed25519": "KEY\n",
  "home/.bashrc": "# rc\n",
  "home/.npmrc": "//registry.npmjs.org/:_authToken=x\n",
};

/**
 * A realistic polyglot project on disk (TypeScript, Python, Go and Rust side by side), a
 * real git repository with two commits, a feature branch and a tag, and a `.claudeignore`
 * that protects `.env*` and `secrets/`: the place where the everyday list and the peer
 * corpus run. Built once per test file.
 */
export function createRealisticProject(): RealisticProject {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), "automode-corpus-")));
  const root = join(tmp, "repo");
  const home = join(tmp, "home");
  for (const [file, text] of Object.entries(files)) {
    const path = join(tmp, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  // A real repository, made with the real git and none of the user's configuration.
  const gitEnv = {
    ...process.env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: join(home, ".gitconfig"),
  };
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, env: gitEnv, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "initial commit");
  writeFileSync(join(root, "src", "app.ts"), "// TODO: split\nexport const app = 2;\n");
  git("commit", "-q", "-am", "feat: bump app");
  git("tag", "v0.1.0");
  git("branch", "feature/login");
  // An uncommitted change, so diff and stash have something to show.
  writeFileSync(join(root, "src", "server.ts"), "export const port = 8080;\n");
  return { tmp, root, home, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
