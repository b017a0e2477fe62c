import { randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type AuditRecord, appendDecision, recordFromDecision } from "../src/index.js";

// Fresh random secrets every run, in the shapes real ones have: the test cannot pass by
// matching a fixed string, and each `secret` is what must never reach the file.
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0234567";
const B64URL = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;
const DIGITS = "0123456789";
const pick = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
const pw = () => `${pick(ALNUM, 10)}_${pick(ALNUM, 4)}`;
const jwt = () => `eyJ${pick(B64URL, 30)}.eyJ${pick(B64URL, 60)}.${pick(B64URL, 43)}`;
const pem = (label: string) =>
  `-----BEGIN ${label}-----\n${Array.from({ length: 4 }, () => pick(B64, 64)).join("\n")}\n-----END ${label}-----`;

interface Case {
  name: string;
  secret: string;
  command: (secret: string) => string;
}

const corpus: Case[] = [
  {
    name: "curl -u user:pass",
    secret: pw(),
    command: (s) => `curl -u admin:${s} https://ci.internal/api`,
  },
  {
    name: "curl --user=",
    secret: pw(),
    command: (s) => `curl -sS --user=deploy:${s} -X POST https://x/hook`,
  },
  { name: "curl -uuser:pass", secret: pw(), command: (s) => `curl -uadmin:${s} https://x` },
  {
    name: "curl --proxy-user",
    secret: pw(),
    command: (s) => `curl --proxy-user bob:${s} -x proxy:3128 https://x`,
  },
  { name: "httpie -a", secret: pw(), command: (s) => `http -a ann:${s} GET https://api.x/me` },
  {
    name: "wget --password=",
    secret: pw(),
    command: (s) => `wget --user=ann --password=${s} https://x/f.tgz`,
  },
  {
    name: "mysql -pPASS",
    secret: pw(),
    command: (s) => `mysql -h db -u root -p${s} app < dump.sql`,
  },
  {
    name: "mysqldump -p'…'",
    secret: pw(),
    command: (s) => `mysqldump -uroot -p'${s}' app > app.sql`,
  },
  { name: "mariadb -p", secret: pw(), command: (s) => `mariadb -u app -p${s} -e 'select 1'` },
  {
    name: "mysql --password=",
    secret: pw(),
    command: (s) => `mysql --password=${s} -e 'show tables'`,
  },
  {
    name: "--password x",
    secret: pw(),
    command: (s) => `mongosh --username admin --password ${s} mongodb://db`,
  },
  {
    name: "sshpass -p",
    secret: pw(),
    command: (s) => `sshpass -p ${s} ssh deploy@10.0.0.5 uptime`,
  },
  {
    name: "docker login -p",
    secret: pw(),
    command: (s) => `docker login -u ann -p ${s} registry.example.com`,
  },
  {
    name: "openssl -passin pass:",
    secret: pw(),
    command: (s) => `openssl rsa -in key.enc -passin pass:${s} -out key.txt`,
  },
  {
    name: "https://user:pass@host",
    secret: pw(),
    command: (s) => `git clone https://ann:${s}@git.example.com/team/app.git`,
  },
  {
    name: "postgres://user:pass@",
    secret: pw(),
    command: (s) => `psql postgres://app:${s}@db.internal:5432/app -c 'select 1'`,
  },
  {
    name: "redis://:pass@",
    secret: pw(),
    command: (s) => `redis-cli -u redis://:${s}@cache:6379 ping`,
  },
  { name: "PGPASSWORD=", secret: pw(), command: (s) => `PGPASSWORD=${s} psql -h db -U app app` },
  { name: "GITHUB_TOKEN=", secret: pw(), command: (s) => `GITHUB_TOKEN=${s} gh pr list` },
  { name: "export *_TOKEN=", secret: pw(), command: (s) => `export NPM_TOKEN=${s} && npm whoami` },
  { name: "*_SECRET=", secret: pw(), command: (s) => `APP_CLIENT_SECRET=${s} node server.js` },
  { name: "*_API_KEY=", secret: pw(), command: (s) => `OPENAI_API_KEY=${s} python eval.py` },
  {
    name: "AWS_SECRET_ACCESS_KEY=",
    secret: pick(B64, 40),
    command: (s) => `AWS_SECRET_ACCESS_KEY=${s} aws s3 ls`,
  },
  {
    name: "aws configure set",
    secret: pick(B64, 40),
    command: (s) => `aws configure set aws_secret_access_key ${s}`,
  },
  {
    name: "Authorization: Bearer",
    secret: pick(B64URL, 40),
    command: (s) => `curl -H "Authorization: Bearer ${s}" https://api.x`,
  },
  {
    name: "Authorization: Basic",
    secret: pick(B64, 28),
    command: (s) => `curl -H 'Authorization: Basic ${s}' https://x`,
  },
  {
    name: "Authorization: token",
    secret: pick(ALNUM, 40),
    command: (s) => `curl -H 'authorization: token ${s}' https://api.github.com`,
  },
  {
    name: "Cookie:",
    secret: pick(ALNUM, 32),
    command: (s) => `curl -H 'Cookie: session=${s}; theme=dark' https://x`,
  },
  {
    name: "X-Api-Key:",
    secret: pick(ALNUM, 32),
    command: (s) => `curl -H 'X-Api-Key: ${s}' https://api.x`,
  },
  {
    name: "git extraHeader",
    secret: pick(B64URL, 36),
    command: (s) => `git -c http.extraHeader="Authorization: Bearer ${s}" fetch`,
  },
  {
    name: "--token x",
    secret: pick(ALNUM, 30),
    command: (s) => `vercel deploy --prod --token ${s}`,
  },
  {
    name: "--api-key=",
    secret: pick(ALNUM, 30),
    command: (s) => `mycli upload --api-key=${s} dist/`,
  },
  {
    name: "?access_token=",
    secret: pick(ALNUM, 30),
    command: (s) => `curl 'https://graph.x/me?fields=id&access_token=${s}'`,
  },
  {
    name: "JSON password",
    secret: pw(),
    command: (s) => `curl -d '{"user":"ann","password":"${s}"}' https://x/login`,
  },
  { name: "AWS AKIA", secret: `AKIA${pick(UPPER, 16)}`, command: (s) => `echo ${s} >> notes.txt` },
  {
    name: "AWS ASIA",
    secret: `ASIA${pick(UPPER, 16)}`,
    command: (s) => `aws sts get-caller-identity # ${s}`,
  },
  {
    name: "GitHub ghp_",
    secret: `ghp_${pick(ALNUM, 36)}`,
    command: (s) => `gh auth login --with-token <<< ${s}`,
  },
  {
    name: "GitHub gho_",
    secret: `gho_${pick(ALNUM, 36)}`,
    command: (s) => `echo "token=${s}" | gh auth login`,
  },
  {
    name: "GitHub ghs_",
    secret: `ghs_${pick(ALNUM, 36)}`,
    command: (s) => `git push https://x-access-token:${s}@github.com/o/r`,
  },
  {
    name: "GitHub github_pat_",
    secret: `github_pat_${pick(ALNUM, 22)}_${pick(ALNUM, 59)}`,
    command: (s) => `echo ${s} | docker login ghcr.io -u ann --password-stdin`,
  },
  {
    name: "Slack xoxb-",
    secret: `xoxb-${pick(DIGITS, 12)}-${pick(DIGITS, 12)}-${pick(ALNUM, 24)}`,
    command: (s) => `curl -X POST -d 'token=${s}' https://slack.com/api/chat.postMessage`,
  },
  {
    name: "Slack xoxp-",
    secret: `xoxp-${pick(DIGITS, 12)}-${pick(ALNUM, 30)}`,
    command: (s) => `slack-cli send --as ${s} hello`,
  },
  {
    name: "Stripe sk_live_",
    secret: `sk_live_${pick(ALNUM, 24)}`,
    command: (s) => `curl https://api.stripe.com/v1/charges -u ${s}:`,
  },
  {
    name: "Stripe rk_live_",
    secret: `rk_live_${pick(ALNUM, 24)}`,
    command: (s) => `stripe listen --api-key ${s}`,
  },
  {
    name: "Google AIza",
    secret: `AIza${pick(B64URL, 35)}`,
    command: (s) => `curl 'https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${s}'`,
  },
  {
    name: "OpenAI sk-",
    secret: `sk-${pick(ALNUM, 48)}`,
    command: (s) => `llm keys set openai --value ${s}`,
  },
  {
    name: "OpenAI sk-proj-",
    secret: `sk-proj-${pick(B64URL, 64)}`,
    command: (s) => `echo ${s} > /dev/null`,
  },
  {
    name: "Anthropic sk-ant-",
    secret: `sk-ant-api03-${pick(B64URL, 93)}AA`,
    command: (s) => `claude config set apiKey ${s}`,
  },
  {
    name: "npm npm_",
    secret: `npm_${pick(ALNUM, 36)}`,
    command: (s) => `npm config set //registry.npmjs.org/:_authToken ${s}`,
  },
  {
    name: "GitLab glpat-",
    secret: `glpat-${pick(B64URL, 20)}`,
    command: (s) => `glab auth login --token ${s}`,
  },
  { name: "JWT", secret: jwt(), command: (s) => `http POST :3000/api x-auth:${s}` },
  { name: "PEM private key", secret: pem("PRIVATE KEY").split("\n")[2]!, command: () => "" },
  {
    name: "PEM RSA key heredoc",
    secret: pem("RSA PRIVATE KEY").split("\n")[1]!,
    command: () => "",
  },
  {
    name: "PEM OpenSSH key",
    secret: pem("OPENSSH PRIVATE KEY").split("\n")[3]!,
    command: () => "",
  },
];
// PEM blocks: the command holds the whole block; the secret is one of its body lines.
for (const c of corpus.filter((x) => x.name.startsWith("PEM"))) {
  const label =
    c.name === "PEM private key"
      ? "PRIVATE KEY"
      : c.name === "PEM RSA key heredoc"
        ? "RSA PRIVATE KEY"
        : "OPENSSH PRIVATE KEY";
  const body = Array.from({ length: 4 }, () => pick(B64, 64));
  c.secret = body[2]!;
  const block = `-----BEGIN ${label}-----\n${body.join("\n")}\n-----END ${label}-----`;
  c.command = () => `cat > deploy.key <<'EOF'\n${block}\nEOF\nchmod 600 deploy.key`;
}

// Ordinary commands, near misses included: the log keeps them exactly.
const ordinary = [
  "npm test -- --run",
  "pnpm --filter @automode/audit exec vitest run test/writer.test.ts",
  "git commit -m 'fix: refresh the session before it expires'",
  "git log --oneline --author=bob -n 20",
  "git push origin feature/login",
  "docker run --rm -u 1000:1000 -v $PWD:/app node:20 npm ci",
  "docker compose up -d db",
  "ssh -p 2222 deploy@10.0.0.5 uptime",
  "mysql -h db -P 3306 -u root -p app",
  "mysql -u root -p",
  "tsc -p tsconfig.build.json",
  "ls -p src",
  "curl -u admin https://ci.internal/api",
  "curl -s -o out.json 'https://api.example.com/v1/items?page=2&limit=50'",
  "curl -H 'Accept: application/json' https://api.example.com/health",
  "http GET localhost:3000/users",
  "python -m http.server 8000",
  "pip install requests==2.32.3",
  "grep -rn 'password' src/ --include=*.ts",
  "echo $AWS_SECRET_ACCESS_KEY | wc -c",
  'curl -H "Authorization: Bearer $TOKEN" https://api.x',
  "TOKEN=$(cat .token) ./deploy.sh",
  "docker login --password-stdin -u ann ghcr.io",
  "pg_dump --no-password -d app -f app.sql",
  "llm --max-tokens 100 prompt",
  "kubectl get secrets -n prod",
  "kubectl create secret generic app --from-file=./config",
  "aws s3 ls s3://my-bucket/releases/",
  "sed -i 's/foo/bar/g' src/index.ts",
  "node -p 'process.versions'",
  "git clone git@github.com:automode/automode.git",
  "git checkout 3f5e1a9c2b7d4e8f0a1b2c3d4e5f6a7b8c9d0e1f",
  "cat ~/.config/tokenizer.json",
  "rm -rf dist && tsc -p tsconfig.build.json",
  "find . -name '*.key' -newer package.json",
  "npm run build -- --token-file=.ci/token-path",
  "openssl req -new -key server.key -out server.csr",
  "jq '.dependencies | keys' package.json",
  "make -j4 test",
  "cargo test --workspace -- --nocapture",
];

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function logged(
  commands: string[],
  redact = true,
): Promise<{ text: string; records: AuditRecord[] }> {
  const dir = mkdtempSync(join(tmpdir(), "audit-redact-"));
  made.push(dir);
  const log = join(dir, "audit.jsonl");
  for (const command of commands) {
    const entry = recordFromDecision(
      { kind: "execute", command },
      { verdict: "escalate", reason: `asked about ${command}`, check: "tier", tier: "balanced" },
      { session: "s", tool: "Bash", cwd: dir, policy: null, us: 1 },
    );
    await appendDecision(log, entry, { redact });
  }
  const text = readFileSync(log, "utf8");
  const records = text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as AuditRecord)
    .filter((r) => !("event" in r));
  return { text, records };
}

describe("redaction through the real writer", () => {
  it(`keeps ${corpus.length} secret shapes out of the file`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const { text } = await logged(corpus.map((c) => c.command(c.secret)));
    const leaked = corpus.filter((c) => text.includes(c.secret)).map((c) => c.name);
    expect(leaked).toEqual([]);
    // The same corpus with redaction off: every secret is there (the check above can fail).
    const { text: clear } = await logged(
      corpus.map((c) => c.command(c.secret)),
      false,
    );
    expect(corpus.filter((c) => !clear.includes(c.secret)).map((c) => c.name)).toEqual([]);
  });

  it(`leaves ${ordinary.length} ordinary commands exactly as they were`, async () => {
    const { records } = await logged(ordinary);
    const changed = records
      .map((r) => ("action" in r && r.action.kind === "execute" ? r.action.command : ""))
      .filter((command, i) => command !== ordinary[i]);
    expect(changed).toEqual([]);
  });
});
