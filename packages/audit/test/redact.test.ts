import { describe, expect, it } from "vitest";
import { redact } from "../src/index.js";

// Real-looking secrets (all fake); each row: input, what must be gone, what must remain.
const secrets: Array<[string, string, string]> = [
  [
    'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def" https://api.x',
    "eyJhbGci",
    "Authorization: Bearer [REDACTED]",
  ],
  [
    "curl -H 'authorization: token ghp_16C7e42F292c6912E7710c838347Ae178B4a' api",
    "16C7e42F",
    "authorization: token [REDACTED]",
  ],
  [
    "curl -H 'Authorization: Basic dXNlcjpodW50ZXIy' https://x",
    "dXNlcjpodW50ZXIy",
    "Basic [REDACTED]",
  ],
  ["curl -H 'Cookie: session=8f14e45f; csrftoken=abc' https://x", "8f14e45f", "Cookie: [REDACTED]"],
  ["printf 'Set-Cookie: sid=31d6cfe0d16ae931\\r\\n'", "31d6cfe0", "Set-Cookie: [REDACTED]"],
  ["curl --cookie 'sid=31d6cfe0d16ae931' https://x", "31d6cfe0", "--cookie '[REDACTED]'"],
  ["http GET api.x 'Authorization:Bearer sk-live-abcdef0123456789'", "abcdef0123", "[REDACTED]"],
  ["mysql -u root --password hunter2 db", "hunter2", "--password [REDACTED]"],
  ["mysql -u root --password=hunter2 db", "hunter2", "--password=[REDACTED]"],
  [
    "psql 'postgres://app:s3cr3t-pw@db.internal:5432/app'",
    "s3cr3t-pw",
    "postgres://app:[REDACTED]@db.internal",
  ],
  [
    "git clone https://x-access-token:ghs_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345@github.com/o/r",
    "aBcDeFgH",
    "github.com/o/r",
  ],
  ["PGPASSWORD=correct-horse psql -h db", "correct-horse", "PGPASSWORD=[REDACTED]"],
  [
    "export GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "16C7e42F",
    "GITHUB_TOKEN=[REDACTED]",
  ],
  ["echo ghp_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F", "ghp_[REDACTED]"],
  [
    "gh auth login --with-token <<< gho_16C7e42F292c6912E7710c838347Ae178B4a",
    "16C7e42F",
    "gho_[REDACTED]",
  ],
  [
    "echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ",
    "11ABCDEFG",
    "github_pat_[REDACTED]",
  ],
  [
    "npm config set //registry.npmjs.org/:_authToken=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
    "a1B2c3D4",
    "_authToken=[REDACTED]",
  ],
  ["NPM=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 npm publish", "a1B2c3D4", "npm_[REDACTED]"],
  ["aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE", "IOSFODNN7", "AKIA[REDACTED]"],
  [
    "aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "wJalrXUt",
    "aws_secret_access_key [REDACTED]",
  ],
  [
    "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY aws s3 ls",
    "wJalrXUt",
    "AWS_SECRET_ACCESS_KEY=[REDACTED]",
  ],
  [
    "curl 'https://api.x/v1?api_key=9f86d081884c7d65&page=2'",
    "9f86d081",
    "api_key=[REDACTED]&page=2",
  ],
  ["curl 'https://x/cb?access_token=ya29.a0AfH6SMBx&x=1'", "ya29", "access_token=[REDACTED]"],
  [
    'curl -d \'{"username":"ann","password":"hunter2"}\' https://x/login',
    "hunter2",
    '"password":"[REDACTED]"',
  ],
  ["curl -H 'X-Api-Key: 0123456789abcdef' https://x", "0123456789abcdef", "X-Api-Key: [REDACTED]"],
  ["vault login token=s.Qf1s5zigZ4ZEXAMPLE", "Qf1s5zig", "token=[REDACTED]"],
  ["deploy --client-secret 'xK9#mP2$qL7' --region eu", "xK9#mP2", "--client-secret '[REDACTED]'"],
  ["openssl rsa -in k.pem -passin pass:Sup3rS3cret", "Sup3rS3cret", "pass:[REDACTED]"],
  [
    "cat > id <<'EOF'\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nEOF",
    "b3BlbnNz",
    "-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]-----END OPENSSH PRIVATE KEY-----",
  ],
  [
    "echo '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA",
    "MIIEow",
    "-----BEGIN RSA PRIVATE KEY-----[REDACTED]",
  ],
  [
    "curl -H 'x-api-key: sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123' api",
    "AbCdEfGh",
    "[REDACTED]",
  ],
  ["SLACK=xoxb-123456789012-abcdefghijkl ./notify", "abcdefghijkl", "xoxb-[REDACTED]"],
  [
    "curl https://maps.googleapis.com/x?key=AIzaSyA1234567890abcdefghijklmnopqrstuv",
    "SyA12345",
    "AIza[REDACTED]",
  ],
];

// Things that look close but are not secrets: they must come out unchanged.
const harmless = [
  "npm test -- --run",
  "echo $GITHUB_TOKEN",
  'curl -H "Authorization: Bearer $TOKEN" https://api.x',
  "TOKEN=$(cat .token) ./deploy",
  "docker login --password-stdin -u ann",
  "pg_dump --no-password -d app",
  "llm --max-tokens 100 --max_tokens=5 prompt",
  "git log --author=bob --grep=password",
  "git checkout 3f5e1a9c2b7d4e8f0a1b2c3d4e5f6a7b8c9d0e1f",
  "kubectl create secret generic app --from-file=./config",
  "ls packages/audit/src/redact.ts",
  "grep -rn 'token' src/",
  "cat ~/.config/tokenizer.json",
  "https://github.com/automode/automode.git",
  "git clone git@github.com:automode/automode.git",
  "npm install left-pad --save-dev",
  "echo 'one password manager'",
  "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  "rm -rf dist && tsc -p tsconfig.build.json",
];

describe("redact", () => {
  it.each(secrets)("redacts %j", (input, gone, kept) => {
    const out = redact(input);
    expect(out).not.toContain(gone);
    expect(out).toContain(kept);
    expect(redact(out)).toBe(out); // idempotent
  });

  it.each(harmless)("leaves %j alone", (input) => {
    expect(redact(input)).toBe(input);
  });
});
