import { describe, expect, it } from "vitest";
import type { CommandClass } from "../../src/types.js";
import { execs } from "./helpers.js";

/** The class of the last executed command of the line. */
function classOf(line: string): CommandClass | undefined {
  return execs(line).at(-1)?.class;
}

const table: Array<[string, CommandClass]> = [
  ["ls -la", "read-only"],
  ["cat README.md", "read-only"],
  ["grep -n foo src/a.ts", "read-only"],
  ["find . -name '*.ts'", "read-only"],
  ["wc -l a", "read-only"],
  ["head -5 a", "read-only"],
  ["diff a b", "read-only"],
  ["echo hi", "read-only"],
  ["pwd", "read-only"],
  ["which node", "read-only"],
  ["env", "read-only"],
  ["date", "read-only"],
  ["git status", "read-only"],
  ["git diff HEAD", "read-only"],
  ["git log --oneline -5", "read-only"],
  ["git show HEAD", "read-only"],
  ["git branch", "read-only"],
  ["git branch -a", "read-only"],
  ["git -C sub status", "read-only"],
  ["git config --get user.name", "read-only"],
  ["git add .", "development"],
  ["git commit -m 'x'", "development"],
  ["git switch main", "development"],
  ["git merge feature", "development"],
  ["git rebase main", "development"],
  ["git branch feature", "development"],
  ["git config user.name me", "development"],
  ["git push", "network"],
  ["git pull", "network"],
  ["git fetch origin", "network"],
  ["git clone https://github.com/a/b", "network"],
  ["git config --global user.name me", "global-config"],
  ["npm run build", "development"],
  ["npm test", "development"],
  ["pnpm build", "development"],
  ["pnpm exec vitest", "development"],
  ["yarn test", "development"],
  ["bun run dev", "development"],
  ["npm install", "package-install"],
  ["npm ci", "package-install"],
  ["npm i lodash", "package-install"],
  ["pnpm add zod", "package-install"],
  ["yarn add zod", "package-install"],
  ["yarn", "package-install"],
  ["bun install", "package-install"],
  ["npm install -g typescript", "global-config"],
  ["npm -g install typescript", "global-config"],
  ["pnpm add --global x", "global-config"],
  ["npm config set registry x", "global-config"],
  ["npm config get registry", "read-only"],
  ["pip install requests", "package-install"],
  ["pip3 install -r requirements.txt", "package-install"],
  ["pip install --user black", "global-config"],
  ["uv add httpx", "package-install"],
  ["uv sync", "package-install"],
  ["uv run pytest", "development"],
  ["poetry install", "package-install"],
  ["poetry run pytest", "development"],
  ["pipx install ruff", "global-config"],
  ["python -m pytest", "development"],
  ["python3 -m pip install x", "package-install"],
  ["pytest -q", "development"],
  ["go build ./...", "development"],
  ["go test ./...", "development"],
  ["go vet ./...", "development"],
  ["go run main.go", "development"],
  ["go mod tidy", "package-install"],
  ["go get example.com/x", "package-install"],
  ["go install example.com/x@latest", "global-config"],
  ["cargo build", "development"],
  ["cargo test", "development"],
  ["cargo check", "development"],
  ["cargo clippy", "development"],
  ["cargo fmt", "development"],
  ["cargo run", "development"],
  ["cargo add serde", "package-install"],
  ["cargo install ripgrep", "global-config"],
  ["mvn test", "development"],
  ["gradle build", "development"],
  ["./gradlew build", "development"],
  ["make", "development"],
  ["make -j4 test", "development"],
  ["tsc --noEmit", "development"],
  ["npx tsc --noEmit", "development"],
  ["npx eslint .", "development"],
  ["npx cowsay hi", "package-install"],
  ["eslint .", "development"],
  ["prettier --check .", "development"],
  ["biome check", "development"],
  ["vitest run", "development"],
  ["jest", "development"],
  ["ruff check .", "development"],
  ["black .", "development"],
  ["mypy src", "development"],
  ["docker build .", "development"],
  ["docker ps", "read-only"],
  ["docker images", "read-only"],
  ["docker run ubuntu", "unknown"],
  ["docker pull node", "network"],
  ["touch a", "development"],
  ["mkdir -p a/b", "development"],
  ["cp a b", "development"],
  ["mv a b", "development"],
  ["crontab -e", "global-config"],
  ["crontab -l", "read-only"],
  ["systemctl restart nginx", "global-config"],
  ["systemctl status nginx", "read-only"],
  ["launchctl load x.plist", "global-config"],
  ["defaults write com.apple.x y 1", "global-config"],
  ["defaults read com.apple.x", "read-only"],
  ["brew install jq", "global-config"],
  ["curl https://example.com", "network"],
  ["wget https://example.com/x", "network"],
  ["ssh host", "network"],
  ["scp a host:b", "network"],
  ["./scripts/build.sh", "development"],
  ["scripts/build.sh --fast", "development"],
  ["node scripts/build.js", "development"],
  ["python tools/gen.py", "development"],
  ["bash scripts/x.sh", "development"],
  ["frobnicate --all", "unknown"],
  ["vim file", "unknown"],
];

describe("command classes from the tables", () => {
  it.each(table)("%s → %s", (line, cls) => {
    const e = execs(line).at(-1);
    expect(e?.class, e?.reason).toBe(cls);
    expect(e?.reason.length).toBeGreaterThan(5);
  });
  it.each([
    "echo 'export X=1' >> ~/.bashrc",
    "echo x > $HOME/.zshrc",
    "tee -a ~/.profile < x",
    "cd ~ && echo x >> .bash_profile",
    "cp rc ~/.config/fish/config.fish",
  ])("%s writes a shell startup file → global-config", (line) => {
    expect(execs(line).some((e) => e.class === "global-config")).toBe(true);
  });
  it("a project file named .bashrc is not a startup file", () => {
    expect(execs("echo x > .bashrc").some((e) => e.class === "global-config")).toBe(false);
    expect(classOf("echo x > .bashrc")).toBe("read-only");
  });
});

describe("names of Object.prototype's members are unknown commands, like any other", () => {
  it.each(["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"])("%s", (name) => {
    const exec = execs(`${name} x`).at(-1);
    expect(exec?.class).toBe("unknown");
    expect(exec?.reason).not.toContain("undefined");
  });
});
