import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  selectFiles
} from "./chunk-V7CMXENV.js";
import {
  QprovError,
  isQprovError
} from "./chunk-U5PWNO2I.js";

// src/workload/manifest.ts
import { createHash as createHash2 } from "node:crypto";

// src/workload/hash.ts
import { createHash, hash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
var OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
var CHUNK = 1024 * 1024;
function refused(file, why) {
  return new QprovError("WORKLOAD_INVALID", `'${file.path}' ${why}`);
}
function unreadable(file, e) {
  const code = e.code;
  if (code === "ELOOP") return refused(file, "changed while it was being hashed");
  if (code === "ESPIPE" || code === "EISDIR") return refused(file, "is not a regular file");
  return new QprovError("WORKLOAD_INVALID", `cannot read '${file.path}': ${e.message}`, {
    cause: e
  });
}
function hashFile(file, buf = Buffer.allocUnsafe(CHUNK)) {
  let fd;
  try {
    fd = openSync(file.absolute, OPEN_FLAGS);
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    let n = readSync(fd, buf, 0, buf.length, 0);
    if (n > 0 && n < buf.length && readSync(fd, buf, n, 1, n) === 0)
      return { size: n, sha256: hash("sha256", buf.subarray(0, n), "hex") };
    const st = fstatSync(fd);
    if (!st.isFile()) throw refused(file, "is not a regular file");
    const h = createHash("sha256");
    let read = 0;
    while (n > 0) {
      h.update(buf.subarray(0, n));
      read += n;
      n = readSync(fd, buf, 0, buf.length, read);
    }
    if (read !== st.size) throw refused(file, "changed while it was being hashed");
    return { size: read, sha256: h.digest("hex") };
  } catch (e) {
    throw e instanceof QprovError ? e : unreadable(file, e);
  } finally {
    closeSync(fd);
  }
}
function hashFiles(files, onDone) {
  const buf = Buffer.allocUnsafe(CHUNK);
  return files.map((f, i) => {
    const d = hashFile(f, buf);
    onDone?.(i + 1);
    return d;
  });
}

// src/workload/manifest.ts
var MANIFEST_VERSION = "qprov.workload.manifest/v1";
var SURROGATE = /[\uD800-\uDFFF]/;
function sortByPath(files) {
  if (!files.some((f) => SURROGATE.test(f.path)))
    return [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return files.map((f) => ({ f, key: Buffer.from(f.path, "utf8") })).sort((a, b) => Buffer.compare(a.key, b.key)).map((x) => x.f);
}
function canonicalManifestBytes(files) {
  return canonicalSorted(sortByPath(files));
}
var CANONICAL_KEYS = ["files", "path", "sha256", "size", "version"];
function canonicalSorted(sorted) {
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].path === sorted[i - 1].path)
      throw new QprovError("WORKLOAD_INVALID", `duplicate workload path '${sorted[i].path}'`);
  const json = JSON.stringify({ files: sorted, version: MANIFEST_VERSION }, CANONICAL_KEYS);
  return Buffer.from(json, "utf8");
}
function manifestFromEntries(files) {
  const sorted = sortByPath(files);
  const canonicalBytes = canonicalSorted(sorted);
  return {
    digest: `sha256:${createHash2("sha256").update(canonicalBytes).digest("hex")}`,
    files: sorted,
    canonicalBytes
  };
}
async function buildManifest(patterns, opts) {
  try {
    const selected = await selectFiles(patterns, opts.cwd);
    const every = Math.max(1e3, Math.ceil(selected.length / 10));
    const digests = hashFiles(selected, (done) => {
      if (done % every === 0) opts.onProgress?.(`hashed ${done}/${selected.length} files`);
    });
    return manifestFromEntries(
      digests.map((d, i) => ({ path: selected[i].path, size: d.size, sha256: d.sha256 }))
    );
  } catch (e) {
    if (isQprovError(e)) throw e;
    throw new QprovError("WORKLOAD_INVALID", `cannot read the workload: ${String(e)}`, { cause: e });
  }
}
function parseManifest(bytes) {
  let raw;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw new QprovError("WORKLOAD_INVALID", "workload manifest is not JSON", { cause: e });
  }
  const r = raw;
  if (r?.version !== MANIFEST_VERSION || !Array.isArray(r.files))
    throw new QprovError("WORKLOAD_INVALID", `workload manifest is not ${MANIFEST_VERSION}`);
  const files = r.files.map((f) => {
    const e = f;
    if (typeof e?.path !== "string" || typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256) || !Number.isSafeInteger(e.size) || e.size < 0)
      throw new QprovError("WORKLOAD_INVALID", "workload manifest has a malformed file entry");
    return { path: e.path, size: e.size, sha256: e.sha256 };
  });
  const m = manifestFromEntries(files);
  if (!m.canonicalBytes.equals(bytes.subarray(0, m.canonicalBytes.length)) || bytes.length !== m.canonicalBytes.length)
    throw new QprovError("WORKLOAD_INVALID", "workload manifest bytes are not canonical");
  return m;
}

export {
  MANIFEST_VERSION,
  canonicalManifestBytes,
  manifestFromEntries,
  buildManifest,
  parseManifest
};
