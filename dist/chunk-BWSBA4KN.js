import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  PROOF_BUNDLE_MEDIA_TYPE,
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES,
  RESULTS_FILES
} from "./chunk-TVPTIO2N.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";

// src/proof/proof-bundle.ts
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
var REQUIRED_PROOF_FILE_NAMES = Object.values(PROOF_FILES);
var PROOF_FILE_NAMES = [
  ...REQUIRED_PROOF_FILE_NAMES,
  ...Object.values(RESULTS_FILES)
];
var MAX_PROOF_FILE_BYTES = 16 * 1024 * 1024;
function readBoundedFile(path, cap = MAX_PROOF_FILE_BYTES) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return void 0;
    throw new QprovError("INPUT_INVALID", `cannot read ${path}: ${code ?? oneLine(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new QprovError("INPUT_INVALID", `${path} is not a regular file`);
    if (st.size > cap) throw new QprovError("INPUT_TOO_LARGE", `${path} exceeds ${cap} bytes`);
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const bytesRead = readSync(fd, buf, off, st.size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}
function packProofBundle(files, jobId) {
  const names = Object.keys(files).sort();
  for (const n of names)
    if (!PROOF_FILE_NAMES.includes(n))
      throw new QprovError("PROOF_BUNDLE_INVALID", `unknown proof bundle file ${n}`);
  const body = {
    mediaType: PROOF_BUNDLE_MEDIA_TYPE,
    jobId,
    files: Object.fromEntries(names.map((n) => [n, files[n].toString("base64")]))
  };
  return Buffer.from(`${JSON.stringify(body, null, 2)}
`, "utf8");
}
function unpackProofBundle(bytes) {
  let raw;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new QprovError("PROOF_BUNDLE_INVALID", "the proof bundle file is not JSON");
  }
  const o = raw;
  if (o === null || typeof o !== "object" || Array.isArray(o))
    throw new QprovError("PROOF_BUNDLE_INVALID", "the proof bundle file is not a JSON object");
  if (o.mediaType !== PROOF_BUNDLE_MEDIA_TYPE)
    throw new QprovError(
      "PROOF_BUNDLE_INVALID",
      `unsupported proof bundle media type ${JSON.stringify(o.mediaType)} (expected ${PROOF_BUNDLE_MEDIA_TYPE})`
    );
  if (typeof o.jobId !== "string" || o.jobId === "")
    throw new QprovError("PROOF_BUNDLE_INVALID", "the proof bundle file names no jobId");
  if (o.files === null || typeof o.files !== "object" || Array.isArray(o.files))
    throw new QprovError("PROOF_BUNDLE_INVALID", "the proof bundle file has no files object");
  const files = {};
  for (const [name, b64] of Object.entries(o.files)) {
    if (!PROOF_FILE_NAMES.includes(name))
      throw new QprovError("PROOF_BUNDLE_INVALID", `unknown proof bundle file ${name}`);
    const buf = typeof b64 === "string" ? Buffer.from(b64, "base64") : void 0;
    if (buf === void 0 || buf.toString("base64") !== b64)
      throw new QprovError("PROOF_BUNDLE_INVALID", `${name} is not canonical base64`);
    files[name] = buf;
  }
  if (!packProofBundle(files, o.jobId).equals(bytes))
    throw new QprovError("PROOF_BUNDLE_INVALID", "the proof bundle file is not in canonical form");
  return { files, jobId: o.jobId };
}
async function readProofDirectory(dir) {
  const files = {};
  for (const name of PROOF_FILE_NAMES) {
    const bytes = readBoundedFile(join(dir, name));
    if (bytes !== void 0) files[name] = bytes;
  }
  return files;
}
async function loadProofBundle(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new QprovError("INPUT_NOT_FOUND", `proof bundle not found: ${path}`);
  }
  if (path.endsWith(PROOF_BUNDLE_SUFFIX) && !st.isFile())
    return {
      path,
      form: "file",
      files: {},
      error: `${path} is ${kindOf(st)}, not a single-file proof bundle`
    };
  if (st.isDirectory()) return { path, form: "directory", files: await readProofDirectory(path) };
  try {
    const bytes = readBoundedFile(path);
    if (bytes === void 0)
      throw new QprovError("INPUT_NOT_FOUND", `proof bundle not found: ${path}`);
    const { files, jobId } = unpackProofBundle(bytes);
    const named = jobIdOfFileName(path);
    return {
      path,
      form: "file",
      files,
      declaredJobId: jobId,
      ...named !== void 0 ? { namedJobId: named } : {}
    };
  } catch (e) {
    if (e instanceof QprovError && e.code === "INPUT_NOT_FOUND") throw e;
    return { path, form: "file", files: {}, error: oneLine(e) };
  }
}
function kindOf(st) {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}
async function isBundleDir(dir) {
  const names = await readdir(dir);
  return names.some((n) => PROOF_FILE_NAMES.includes(n));
}
async function expandBundlePaths(paths) {
  const out = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => void 0);
    if (st === void 0 || !st.isDirectory() || p.endsWith(PROOF_BUNDLE_SUFFIX) || await isBundleDir(p)) {
      out.push(p);
      continue;
    }
    const found = [];
    for (const entry of (await readdir(p, { withFileTypes: true })).sort(
      (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    )) {
      const full = join(p, entry.name);
      const target = entry.isSymbolicLink() ? await stat(full).catch(() => void 0) : entry;
      if (entry.name.endsWith(PROOF_BUNDLE_SUFFIX)) found.push(full);
      else if (target?.isDirectory() && await isBundleDir(full)) found.push(full);
    }
    if (found.length === 0)
      throw new QprovError(
        "INPUT_INVALID",
        `${p} holds no proof bundle (directory or *${PROOF_BUNDLE_SUFFIX})`
      );
    out.push(...found);
  }
  return out;
}
function jobIdOfFileName(path) {
  const name = basename(path);
  if (!name.endsWith(PROOF_BUNDLE_SUFFIX)) return void 0;
  const id = name.slice(0, -PROOF_BUNDLE_SUFFIX.length);
  return id === "" ? void 0 : id;
}
function defaultBundleFileName(jobId) {
  return `${basename(jobId)}${PROOF_BUNDLE_SUFFIX}`;
}

export {
  REQUIRED_PROOF_FILE_NAMES,
  PROOF_FILE_NAMES,
  MAX_PROOF_FILE_BYTES,
  readBoundedFile,
  packProofBundle,
  unpackProofBundle,
  readProofDirectory,
  loadProofBundle,
  expandBundlePaths,
  jobIdOfFileName,
  defaultBundleFileName
};
