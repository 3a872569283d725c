import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  selectFiles
} from "./chunk-BNCY3CL7.js";
import {
  QprovError,
  isQprovError
} from "./chunk-U5PWNO2I.js";

// src/workload/manifest.ts
import { createHash } from "node:crypto";

// src/workload/hash-claim.ts
var CTL = { next: 0, stop: 1, done: 2, gate: 3 };
function hashClaimed(files, s, onDone) {
  const fs = process.getBuiltinModule("node:fs");
  const crypto = process.getBuiltinModule("node:crypto");
  const flags = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
  const buf = Buffer.allocUnsafe(1024 * 1024);
  const hex = Buffer.from(s.hex.buffer, s.hex.byteOffset, s.hex.byteLength);
  let view = buf.subarray(0, 0);
  const n = files.length;
  const batch = 64;
  for (; ; ) {
    const from = Atomics.add(s.ctl, 0, batch);
    for (let i = from; i < Math.min(from + batch, n); i++) {
      if (Atomics.load(s.ctl, 1) <= i) return void 0;
      if (s.status[i] === 1) continue;
      let failure;
      let fd = -1;
      try {
        fd = fs.openSync(files[i], flags);
        let got = fs.readSync(fd, buf, 0, buf.length, 0);
        if (got > 0 && got < buf.length && fs.readSync(fd, buf, got, 1, got) === 0) {
          if (view.length !== got) view = buf.subarray(0, got);
          hex.write(crypto.hash("sha256", view, "hex"), i * 64, "latin1");
          s.size[i] = got;
        } else {
          const st = fs.fstatSync(fd);
          if (!st.isFile()) failure = { index: i, kind: "not-regular" };
          else {
            const h = crypto.createHash("sha256");
            let read = 0;
            while (got > 0) {
              h.update(buf.subarray(0, got));
              read += got;
              got = fs.readSync(fd, buf, 0, buf.length, read);
            }
            if (read !== st.size) failure = { index: i, kind: "changed" };
            hex.write(h.digest("hex"), i * 64, "latin1");
            s.size[i] = read;
          }
        }
      } catch (e) {
        const code = e.code;
        if (code === "ELOOP") failure = { index: i, kind: "changed" };
        else if (code === "ESPIPE" || code === "EISDIR") failure = { index: i, kind: "not-regular" };
        else failure = { index: i, kind: "unreadable", cause: e };
      } finally {
        if (fd >= 0) fs.closeSync(fd);
      }
      if (failure) {
        let low = Atomics.load(s.ctl, 1);
        while (i < low) {
          const seen = Atomics.compareExchange(s.ctl, 1, low, i);
          if (seen === low) break;
          low = seen;
        }
        return failure;
      }
      s.status[i] = 1;
      onDone?.(Atomics.add(s.ctl, 2, 1) + 1);
    }
    if (from + batch >= n) return void 0;
  }
}

// src/workload/hash-helper.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
function helperSource() {
  return `'use strict'
const { parentPort } = require('node:worker_threads')
const hashClaimed = ${hashClaimed.toString()}
parentPort.once('message', ({ paths, s }) => {
  const files = paths === '' ? [] : paths.split('\\0')
  if (Atomics.compareExchange(s.ctl, ${CTL.gate}, 0, 1) !== 0) return parentPort.postMessage({ hashed: 0 })
  let hashed = 0
  let failure
  try {
    failure = hashClaimed(files, s, () => { hashed++ })
  } catch (e) {
    return parentPort.postMessage({ crashed: String(e), hashed })
  }
  parentPort.postMessage({ failure, hashed })
})
`;
}
function startHelper() {
  if (availableParallelism() < 2) return void 0;
  let worker;
  try {
    worker = new Worker(helperSource(), { eval: true, execArgv: [] });
  } catch {
    return void 0;
  }
  let ended = false;
  worker.once("exit", () => {
    ended = true;
  });
  worker.on("error", () => void 0);
  const helper = {
    hashed: 0,
    run: (files, s) => new Promise((resolve) => {
      if (ended) return resolve("lost");
      worker.once("message", (m) => {
        helper.hashed = m.hashed;
        resolve(m.crashed === void 0 ? { failure: m.failure } : "lost");
      });
      worker.once("error", () => resolve("lost"));
      worker.once("exit", () => resolve("lost"));
      worker.postMessage({ paths: files.join("\0"), s });
    }),
    stop: () => {
      worker.unref();
      void worker.terminate();
    }
  };
  return helper;
}

// src/workload/hash.ts
var HELPER_THRESHOLD = 1e3;
function newState(n) {
  const ctl = new Int32Array(new SharedArrayBuffer(4 * 4));
  ctl[CTL.stop] = n;
  return {
    ctl,
    size: new Float64Array(new SharedArrayBuffer(8 * n)),
    hex: new Uint8Array(new SharedArrayBuffer(64 * n)),
    status: new Uint8Array(new SharedArrayBuffer(n))
  };
}
function refusal(files, f) {
  const name = files[f.index].path;
  if (f.kind === "not-regular")
    return new QprovError("WORKLOAD_INVALID", `'${name}' is not a regular file`);
  if (f.kind === "changed")
    return new QprovError("WORKLOAD_INVALID", `'${name}' changed while it was being hashed`);
  const why = f.cause?.message;
  return new QprovError("WORKLOAD_INVALID", `cannot read '${name}': ${why}`, { cause: f.cause });
}
function collect(files, s, failures) {
  const lowest = failures.reduce((a, b) => !b || a && a.index < b.index ? a : b, void 0);
  if (lowest) throw refusal(files, lowest);
  const missing = s.status.indexOf(0);
  if (missing >= 0) throw new QprovError("INTERNAL", `'${files[missing].path}' was not hashed`);
  const hex = Buffer.from(s.hex.buffer).toString("utf8");
  return files.map((_, i) => ({ size: s.size[i], sha256: hex.slice(64 * i, 64 * i + 64) }));
}
var absolutes = (files) => files.map((f) => f.absolute);
async function hashFilesInParallel(files, onDone, helper = files.length >= HELPER_THRESHOLD ? startHelper() : void 0) {
  const s = newState(files.length);
  const paths = absolutes(files);
  try {
    const theirs = helper?.run(paths, s);
    const mine = hashClaimed(paths, s, onDone);
    if (!theirs || Atomics.compareExchange(s.ctl, CTL.gate, 0, 2) === 0)
      return collect(files, s, [mine]);
    const outcome = await theirs;
    if (outcome !== "lost") return collect(files, s, [mine, outcome.failure]);
    Atomics.store(s.ctl, CTL.next, 0);
    Atomics.store(s.ctl, CTL.stop, mine?.index ?? files.length);
    return collect(files, s, [mine, hashClaimed(paths, s, onDone)]);
  } finally {
    helper?.stop();
  }
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
    digest: `sha256:${createHash("sha256").update(canonicalBytes).digest("hex")}`,
    files: sorted,
    canonicalBytes
  };
}
async function buildManifest(patterns, opts) {
  let helper;
  try {
    const selected = await selectFiles(patterns, opts.cwd, {
      count: HELPER_THRESHOLD,
      then: () => helper = startHelper()
    });
    const every = Math.max(1e3, Math.ceil(selected.length / 10));
    let next = every;
    const reportUpTo = (done) => {
      for (; next <= done; next += every)
        opts.onProgress?.(`hashed ${next}/${selected.length} files`);
    };
    const digests = await hashFilesInParallel(selected, reportUpTo, helper);
    reportUpTo(selected.length);
    return manifestFromEntries(
      digests.map((d, i) => ({ path: selected[i].path, size: d.size, sha256: d.sha256 }))
    );
  } catch (e) {
    if (isQprovError(e)) throw e;
    throw new QprovError("WORKLOAD_INVALID", `cannot read the workload: ${String(e)}`, { cause: e });
  } finally {
    helper?.stop();
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
