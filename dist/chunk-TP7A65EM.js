import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  MAX_COMMITS,
  checkRange,
  checkRef
} from "./chunk-X3TANSDR.js";
import {
  QPROV_VERSION
} from "./chunk-JHKQVXEF.js";
import {
  detectAi
} from "./chunk-BZNYSJDT.js";
import {
  coreHashes
} from "./chunk-RN7MAYEV.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/receipt/commit-object.ts
import { createHash } from "node:crypto";

// src/receipt/py-strip.ts
var PY_WS = "	\n\v\f\r \x85\xA0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
function pyStrip(s) {
  let a = 0;
  let b = s.length;
  while (a < b && PY_WS.includes(s[a])) a++;
  while (b > a && PY_WS.includes(s[b - 1])) b--;
  return s.slice(a, b);
}
function decodeGitText(bytes) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/\r\n?/g, "\n");
}

// src/receipt/commit-object.ts
var MAX_FILES = 100;
var SHA_RE = /^[0-9a-f]{40,64}$/;
var LOG_FORMAT = "%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%s%x00%B";
var FIELDS = 11;
function parseLogRecords(raw) {
  const text = decodeGitText(raw);
  const parts = text.split("\0");
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  if (parts.length % FIELDS !== 0)
    throw new QprovError("GIT_ERROR", "unexpected git log output (NUL inside a commit message?)");
  const out = [];
  for (let i = 0; i < parts.length; i += FIELDS) {
    const f = parts.slice(i, i + FIELDS);
    const sha = f[0].replace(/^\n/, "");
    const line = pyStrip([sha, f[3], f[4], f[5], f[6], f[7], f[8], f[9]].join("\0")).split("\0");
    if (!SHA_RE.test(line[0])) throw new QprovError("GIT_ERROR", `git returned a bad sha: ${sha}`);
    out.push({
      sha: line[0],
      tree: f[1],
      parents: f[2] === "" ? [] : f[2].split(" "),
      authorName: line[1],
      authorEmail: line[2],
      authorDate: line[3],
      committerName: line[4],
      committerEmail: line[5],
      committerDate: line[6],
      subject: line[7] ?? "",
      body: f[10]
    });
  }
  return out;
}
function messageHash(body) {
  const text = pyStrip(body.replace(/\r\n?/g, "\n"));
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}
function parseNameOnly(text) {
  return pyStrip(text).split("\n").filter((l) => l !== "");
}
function buildCommitObject(meta, files, diffHash) {
  const commit = {
    sha: meta.sha,
    tree_sha: meta.tree,
    parent_shas: meta.parents,
    author: { name: meta.authorName, email: meta.authorEmail, date: meta.authorDate },
    committer: { name: meta.committerName, email: meta.committerEmail, date: meta.committerDate },
    subject: meta.subject,
    message_hash: messageHash(meta.body),
    diff_hash: diffHash,
    files_changed: files.length,
    files: files.slice(0, MAX_FILES)
  };
  if (files.length > MAX_FILES) commit.files_capped = true;
  return commit;
}

// src/receipt/credentials.ts
var REDACTED_URL = "[credential-redacted-url]";
var URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
function stripCredentials(url) {
  const m = URL_RE.exec(url);
  if (!m) return url;
  const scheme = m[1].toLowerCase();
  const netloc = m[2];
  const path = m[3];
  const at = netloc.lastIndexOf("@");
  if (at < 0) return `${scheme}://${netloc}${path}`;
  const hostPort = netloc.slice(at + 1);
  let host;
  let port;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return REDACTED_URL;
    host = hostPort.slice(1, close);
    port = hostPort.slice(close + 1);
  } else {
    const colon = hostPort.indexOf(":");
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    port = colon < 0 ? "" : hostPort.slice(colon);
  }
  if (port !== "" && !/^:\d*$/.test(port)) return REDACTED_URL;
  if (port !== "" && port !== ":" && Number(port.slice(1)) > 65535) return REDACTED_URL;
  const portPart = port.length > 1 ? `:${Number(port.slice(1))}` : "";
  return `${scheme}://${host.toLowerCase()}${portPart}${path}`;
}

// src/receipt/diff-batch.ts
import { createHash as createHash2 } from "node:crypto";

// src/receipt/git.ts
import { spawn } from "node:child_process";
var TIMEOUT_MS = 3e5;
var PINNED_CONFIG = [
  "color.ui=never",
  "color.diff=never",
  "core.quotePath=true",
  "core.bigFileThreshold=512m",
  "core.attributesFile=/dev/null",
  "diff.noprefix=false",
  "diff.mnemonicPrefix=false",
  "diff.renames=true",
  "diff.renameLimit=1000",
  "diff.algorithm=myers",
  "diff.indentHeuristic=true",
  "diff.suppressBlankEmpty=false",
  "diff.context=3",
  "diff.interHunkContext=0",
  "diff.relative=false",
  "diff.submodule=short",
  "diff.ignoreSubmodules=none",
  "i18n.logOutputEncoding=UTF-8",
  "log.showSignature=false",
  "log.showRoot=true",
  "core.pager=cat"
];
var DIFF_FLAGS = [
  "--no-ext-diff",
  "--no-textconv",
  "--no-color",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "-M",
  "--diff-algorithm=myers",
  "--indent-heuristic",
  "-U3",
  "--inter-hunk-context=0",
  "--no-relative",
  "-O/dev/null"
];
function gitEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== void 0 && !k.startsWith("GIT_")) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "",
    GIT_PAGER: "cat",
    LC_ALL: "C"
  };
}
function gitArgs(repoDir, args) {
  const pins = PINNED_CONFIG.flatMap((c) => ["-c", c]);
  return ["--no-optional-locks", "--no-pager", "-c", `safe.directory=${repoDir}`, ...pins, ...args];
}
function git(repoDir, args, call = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", gitArgs(repoDir, args), {
      cwd: repoDir,
      env: gitEnv(),
      stdio: [call.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    const out = [];
    const err = [];
    child.stdout?.on("data", (d) => call.onData ? call.onData(d) : out.push(d));
    child.stderr?.on("data", (d) => err.push(d));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new QprovError("GIT_ERROR", `cannot run git: ${e.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve(Buffer.concat(out));
      const msg = Buffer.concat(err).toString("utf8").trim().split("\n")[0] || `exit ${code}`;
      reject(new QprovError("GIT_ERROR", `git ${args[0]} failed: ${msg}`));
    });
    if (child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(call.input);
    }
  });
}
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/receipt/diff-batch.ts
var MARK = 1;
var PatchStreamHasher = class {
  hashes = /* @__PURE__ */ new Map();
  rest = Buffer.alloc(0);
  sha = null;
  hash = null;
  afterHeader = false;
  push(chunk) {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      this.line(data.subarray(start, nl), true);
      start = nl + 1;
    }
    this.rest = Buffer.from(data.subarray(start));
  }
  end() {
    if (this.rest.length > 0) this.line(this.rest, false);
    this.rest = Buffer.alloc(0);
    this.finish();
    return this.hashes;
  }
  line(line, newline) {
    if (line.length > 0 && line[0] === MARK) {
      this.finish();
      this.sha = line.subarray(1).toString("utf8").trim();
      this.hash = createHash2("sha256");
      this.afterHeader = true;
      return;
    }
    if (this.afterHeader && line.length === 0) {
      this.afterHeader = false;
      return;
    }
    this.afterHeader = false;
    this.hash?.update(line);
    if (newline) this.hash?.update("\n");
  }
  finish() {
    if (this.sha !== null && this.hash !== null)
      this.hashes.set(this.sha, `sha256:${this.hash.digest("hex")}`);
    this.sha = null;
    this.hash = null;
  }
};
async function batchDiffHashes(repoDir, shas, concurrency, onChunk) {
  const size = Math.max(64, Math.ceil(shas.length / concurrency));
  const chunks = [];
  for (let i = 0; i < shas.length; i += size) chunks.push(shas.slice(i, i + size));
  const maps = await mapLimit(chunks, concurrency, async (chunk) => {
    const hasher = new PatchStreamHasher();
    const args = ["log", "-p", "--no-walk=unsorted", "--stdin", "--diff-merges=first-parent"];
    await git(repoDir, [...args, "--root", "--format=%x01%H", ...DIFF_FLAGS], {
      input: `${chunk.join("\n")}
`,
      onData: (d) => hasher.push(d)
    });
    onChunk?.(chunk.length);
    return hasher.end();
  });
  return new Map(maps.flatMap((m) => [...m]));
}

// src/receipt/generate.ts
var RECEIPT_SCHEMA = "aiir/commit_receipt.v2";
var QPROV_TOOL = `https://github.com/qprov/qprov@${QPROV_VERSION}`;
async function generateReceipts(opts) {
  const repo = opts.repoDir;
  const shas = await listCommits(opts);
  if (shas.length === 0) return [];
  const stdin = `${shas.join("\n")}
`;
  const [metaRaw, namesRaw, repository] = await Promise.all([
    git(
      repo,
      [
        "log",
        "--no-walk=unsorted",
        "--stdin",
        "--no-mailmap",
        "--encoding=UTF-8",
        "-z",
        `--format=${LOG_FORMAT}`
      ],
      { input: stdin }
    ),
    git(
      repo,
      [
        "log",
        "--no-walk=unsorted",
        "--stdin",
        "--diff-merges=first-parent",
        "--root",
        "--name-only",
        "-M",
        "--no-relative",
        "-O/dev/null",
        "--format=%x01%H"
      ],
      { input: stdin }
    ),
    originURL(repo)
  ]);
  const metas = parseLogRecords(metaRaw);
  const names = splitNamesBySha(decodeGitText(namesRaw));
  let done = 0;
  const hashes = await batchDiffHashes(
    repo,
    metas.map((m) => m.sha),
    opts.concurrency ?? 4,
    (n) => opts.onProgress?.(done += n, metas.length)
  );
  const diffHashes = metas.map((m) => {
    const h = hashes.get(m.sha);
    if (h === void 0) throw new QprovError("GIT_ERROR", `git log printed no diff for ${m.sha}`);
    return h;
  });
  const timestamp = (opts.now ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  return metas.map((m, i) => {
    const commit = buildCommitObject(m, names.get(m.sha) ?? [], diffHashes[i]);
    const core = {
      type: "aiir.commit_receipt",
      schema: RECEIPT_SCHEMA,
      version: QPROV_VERSION,
      commit,
      ai_attestation: detectAi(
        {
          message: m.body,
          authorName: m.authorName,
          authorEmail: m.authorEmail,
          committerName: m.committerName,
          committerEmail: m.committerEmail
        },
        opts.declareAi
      ),
      provenance: { repository, tool: QPROV_TOOL, generator: opts.generator ?? "qprov.cli" }
    };
    const { contentHash, receiptId } = coreHashes(core);
    return { ...core, receipt_id: receiptId, content_hash: contentHash, timestamp, extensions: {} };
  });
}
async function resolveRevs(repo, args) {
  try {
    return (await git(repo, args)).toString("utf8").split("\n").filter(Boolean);
  } catch (e) {
    if (e instanceof QprovError && e.code === "GIT_ERROR")
      throw new QprovError("BAD_REF", e.message.replace(/^git \S+ failed: /, "cannot resolve: "));
    throw e;
  }
}
async function listCommits(opts) {
  await git(opts.repoDir, ["rev-parse", "--git-dir"]).catch((e) => {
    throw new QprovError("NOT_A_GIT_REPO", `not a git repository: ${opts.repoDir}`, { cause: e });
  });
  if (opts.range !== void 0)
    return resolveRevs(opts.repoDir, [
      "rev-list",
      `--max-count=${MAX_COMMITS}`,
      checkRange(opts.range),
      "--"
    ]);
  const ref = checkRef(opts.commit ?? "HEAD");
  const revs = await resolveRevs(opts.repoDir, [
    "rev-parse",
    "--verify",
    "--end-of-options",
    `${ref}^{commit}`
  ]);
  if (revs.length !== 1 || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(revs[0]))
    throw new QprovError("BAD_REF", `${JSON.stringify(ref)} does not name one commit`);
  return revs;
}
function splitNamesBySha(text) {
  const out = /* @__PURE__ */ new Map();
  for (const chunk of text.split("").slice(1)) {
    const nl = chunk.indexOf("\n");
    const sha = nl < 0 ? chunk : chunk.slice(0, nl);
    out.set(sha.trim(), nl < 0 ? [] : parseNameOnly(chunk.slice(nl + 1)));
  }
  return out;
}
async function originURL(repo) {
  try {
    const url = pyStrip(decodeGitText(await git(repo, ["remote", "get-url", "origin"])));
    return url === "" ? null : stripCredentials(url);
  } catch {
    return null;
  }
}

export {
  git,
  RECEIPT_SCHEMA,
  QPROV_TOOL,
  generateReceipts,
  splitNamesBySha
};
