import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/read-file.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from "node:fs";

// src/json-position.ts
var WS = /* @__PURE__ */ new Set([32, 9, 10, 13]);
var LITERALS = ["true", "false", "null"];
var ESCAPES = /* @__PURE__ */ new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
var isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
var isHex = (c) => c !== void 0 && /^[0-9a-fA-F]$/.test(c);
function jsonErrorOffset(s) {
  let i = 0;
  const open = [];
  const skipWs = () => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++;
  };
  const digits = () => {
    while (isDigit(s[i])) i++;
  };
  const string = () => {
    i++;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c < " ") return false;
      if (c === "\\") {
        i++;
        if (s[i] === "u") {
          for (let k = 0; k < 4; k++) if (!isHex(s[++i])) return false;
          i++;
        } else if (ESCAPES.has(s[i])) i++;
        else return false;
      } else i++;
    }
    return false;
  };
  const number = () => {
    if (s[i] === "-") i++;
    if (s[i] === "0") i++;
    else if (isDigit(s[i])) digits();
    else return false;
    if (s[i] === ".") {
      i++;
      if (!isDigit(s[i])) return false;
      digits();
    }
    if (s[i] === "e" || s[i] === "E") {
      i++;
      if (s[i] === "+" || s[i] === "-") i++;
      if (!isDigit(s[i])) return false;
      digits();
    }
    return true;
  };
  const literal = () => {
    const word = LITERALS.find((w) => w[0] === s[i]);
    let k = 0;
    while (k < word.length && s[i + k] === word[k]) k++;
    i += k;
    return k === word.length;
  };
  const key = () => {
    skipWs();
    if (s[i] !== '"' || !string()) return false;
    skipWs();
    if (s[i] !== ":") return false;
    i++;
    return true;
  };
  let wantValue = true;
  for (; ; ) {
    skipWs();
    const c = s[i];
    if (wantValue) {
      if (c === "[" || c === "{") {
        i++;
        skipWs();
        if (s[i] === (c === "[" ? "]" : "}")) {
          i++;
          wantValue = false;
          continue;
        }
        open.push(c);
        if (c === "{" && !key()) return i;
        continue;
      }
      const ok = c === '"' ? string() : c === "t" || c === "f" || c === "n" ? literal() : c === "-" || isDigit(c) ? number() : false;
      if (!ok) return i;
      wantValue = false;
      continue;
    }
    const top = open[open.length - 1];
    if (top === void 0) return i < s.length ? i : void 0;
    if (c === ",") {
      i++;
      if (top === "{" && !key()) return i;
      wantValue = true;
    } else if (c === (top === "[" ? "]" : "}")) {
      i++;
      open.pop();
    } else return i;
  }
}
function positionOf(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf("\n"); k !== -1 && k < offset; k = text.indexOf("\n", k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

// src/read-file.ts
var KiB = 1024;
var MiB = 1024 * KiB;
var GiB = 1024 * MiB;
var READ_LIMITS = {
  bundle: { what: "bundle", maxBytes: 24 * MiB },
  trustedRoot: { what: "trusted root", maxBytes: 4 * MiB },
  key: { what: "public key", maxBytes: 64 * KiB },
  sandboxConfig: { what: "sandbox config", maxBytes: 64 * KiB },
  signingConfig: { what: "signing config", maxBytes: 256 * KiB },
  statement: { what: "statement", maxBytes: 16 * MiB },
  manifest: { what: "workload manifest", maxBytes: 16 * MiB },
  artifact: { what: "artifact", maxBytes: 16 * GiB }
};
function pipeWaitMs(env = process.env) {
  const v = Number(env.QPROV_PIPE_WAIT_MS);
  return Number.isInteger(v) && v > 0 && v <= 6e5 ? v : 1e4;
}
var POLL_MS = 10;
var CHUNK = MiB;
var sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms) {
  Atomics.wait(sleeper, 0, 0, ms);
}
function formatBytes(n) {
  if (n >= GiB && n % GiB === 0) return `${n / GiB} GiB`;
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= KiB && n % KiB === 0) return `${n / KiB} KiB`;
  return `${n} bytes`;
}
function typeName(st) {
  if (st.isDirectory()) return "a directory";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  if (st.isFIFO()) return "a FIFO";
  if (st.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}
function openError(e, path, limit, noFollow) {
  const code = e.code;
  const where = `${limit.what} ${path}`;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new QprovError("INPUT_NOT_FOUND", `${limit.what} not found: ${path}`);
  if (code === "ELOOP")
    return noFollow ? new QprovError("INPUT_SYMLINK", `${where} is a symbolic link, refusing it`) : new QprovError("INPUT_INVALID", `${where}: too many levels of symbolic links`);
  if (code === "EACCES" || code === "EPERM")
    return new QprovError("INPUT_INVALID", `${where} cannot be read: permission denied`);
  if (code === "ENAMETOOLONG")
    return new QprovError("INPUT_INVALID", `${limit.what}: path too long`);
  return new QprovError("INPUT_INVALID", `${where} cannot be opened (${code ?? "error"})`);
}
function tooLarge(path, limit, size) {
  const got = size === void 0 ? "more than" : `${size} bytes, over`;
  return new QprovError(
    "INPUT_TOO_LARGE",
    `${limit.what} ${path} is too large (${got} the ${formatBytes(limit.maxBytes)} limit for ${/^[aeiou]/i.test(limit.what) ? "an" : "a"} ${limit.what})`
  );
}
function openChecked(path, limit, opts) {
  const noFollow = opts.noFollow === true;
  const allowPipe = opts.allowPipe !== false;
  const accept = (st2) => st2.isFile() || allowPipe && st2.isFIFO();
  let pre;
  try {
    pre = noFollow ? lstatSync(path) : statSync(path);
  } catch (e) {
    throw openError(e, path, limit, noFollow);
  }
  if (noFollow && pre.isSymbolicLink())
    throw new QprovError("INPUT_SYMLINK", `${limit.what} ${path} is a symbolic link, refusing it`);
  if (!accept(pre))
    throw new QprovError(
      "INPUT_INVALID",
      `${limit.what} ${path} is ${typeName(pre)}, not a file${allowPipe ? " or a pipe" : ""}`
    );
  if (pre.isFile() && pre.size > limit.maxBytes) throw tooLarge(path, limit, pre.size);
  let fd;
  try {
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0);
    fd = openSync(path, flags);
  } catch (e) {
    throw openError(e, path, limit, noFollow);
  }
  const st = fstatSync(fd);
  if (!accept(st) || st.ino !== pre.ino || st.dev !== pre.dev) {
    closeSync(fd);
    throw new QprovError("INPUT_INVALID", `${limit.what} ${path} changed while it was opened`);
  }
  if (st.isFile() && st.size > limit.maxBytes) {
    closeSync(fd);
    throw tooLarge(path, limit, st.size);
  }
  return { fd, pipe: st.isFIFO() };
}
function drain({ fd, pipe }, path, limit, take) {
  const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit.maxBytes + 1));
  const wait = pipeWaitMs();
  let total = 0;
  let writerSeen = false;
  let lastProgress = Date.now();
  for (; ; ) {
    let n;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = e.code;
      if (pipe && code === "EAGAIN") {
        writerSeen = true;
        if (Date.now() - lastProgress > wait) throw stalled(path, limit, wait, true);
        sleepSync(POLL_MS);
        continue;
      }
      throw new QprovError("INPUT_INVALID", `${limit.what} ${path} cannot be read (${code})`);
    }
    if (n === 0) {
      if (!pipe || writerSeen) return total;
      if (Date.now() - lastProgress > wait) throw stalled(path, limit, wait, false);
      sleepSync(POLL_MS);
      continue;
    }
    writerSeen = true;
    lastProgress = Date.now();
    total += n;
    if (total > limit.maxBytes) throw tooLarge(path, limit);
    take(buf.subarray(0, n));
  }
}
function stalled(path, limit, ms, writer) {
  const s = `${Math.round(ms / 100) / 10} s`;
  return new QprovError(
    "INPUT_INVALID",
    writer ? `${limit.what} ${path} is a pipe that sent nothing for ${s}` : `${limit.what} ${path} is a pipe with no writer (nothing arrived within ${s})`
  );
}
function withOpened(path, limit, opts, f) {
  const o = openChecked(path, limit, opts);
  try {
    return f(o);
  } finally {
    closeSync(o.fd);
  }
}
function readBoundedSync(path, limit, opts = {}) {
  return withOpened(path, limit, opts, (o) => {
    const chunks = [];
    const total = drain(o, path, limit, (c) => chunks.push(Buffer.from(c)));
    return Buffer.concat(chunks, total);
  });
}
function readBoundedText(path, limit, opts = {}) {
  const bytes = readBoundedSync(path, limit, opts);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new QprovError("INPUT_INVALID", `${limit.what} ${path} is not valid UTF-8`);
  }
}
function streamBoundedSync(path, limit, take, opts = {}) {
  return withOpened(path, limit, opts, (o) => drain(o, path, limit, take));
}
function parseJsonText(text, what, path) {
  const where = `${what} ${path}`;
  if (text.startsWith("\uFEFF"))
    throw new QprovError(
      "INPUT_NOT_JSON",
      `${where} starts with a byte order mark; save it as UTF-8 without BOM`
    );
  if (text.trim() === "") throw new QprovError("INPUT_NOT_JSON", `${where} is empty`);
  try {
    return JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError)
      throw new QprovError("INPUT_NOT_JSON", `${where} is nested too deeply to parse`);
    throw new QprovError("INPUT_NOT_JSON", `${where} ${jsonSyntaxProblem(text, e)}`);
  }
}
function jsonSyntaxProblem(text, e) {
  const at = /at position (\d+)/.exec(e instanceof Error ? e.message : "");
  const offset = at ? Number(at[1]) : jsonErrorOffset(text);
  if (offset === void 0) return "is not valid JSON";
  if (offset >= text.length) return "is not valid JSON: it ends before the value is complete";
  const p = positionOf(text, offset);
  return `is not valid JSON (error at line ${p.line}, column ${p.column})`;
}

export {
  READ_LIMITS,
  readBoundedSync,
  readBoundedText,
  streamBoundedSync,
  parseJsonText,
  jsonSyntaxProblem
};
