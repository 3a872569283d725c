// src/workload/hash-loop.ts
import { hash, createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
var HashRefusal = class extends Error {
  index;
  constructor(message, index) {
    super(message);
    this.index = index;
  }
};
function openRegular(path, index) {
  let fd;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    if (e.code === "ELOOP")
      throw new HashRefusal("changed while it was being hashed", index);
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new HashRefusal("is not a regular file", index);
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
var SMALL = 256 * 1024;
var BATCH = 8;
function loopFailure(e, index) {
  const err = e;
  return {
    error: String(err?.message ?? e),
    index: err?.index ?? index,
    own: e instanceof HashRefusal
  };
}
function hashLoop(count, pathOf, next, sizes, hexes, buf) {
  for (; ; ) {
    let i = Atomics.add(next, 0, BATCH);
    if (i >= count) return;
    const end = Math.min(count, i + BATCH);
    for (; i < end; i++) {
      let fd = -1;
      try {
        const opened = openRegular(pathOf(i), i);
        fd = opened.fd;
        let n = readSync(fd, buf, 0, SMALL, 0);
        if (n > 0 && n < SMALL) {
          sizes[i] = n;
          hexes(i, hash("sha256", buf.subarray(0, n), "hex"));
          continue;
        }
        const h = createHash("sha256");
        let size = 0;
        while (n > 0) {
          h.update(buf.subarray(0, n));
          size += n;
          n = readSync(fd, buf, 0, buf.length, size);
        }
        if (size !== opened.size) throw new HashRefusal("changed while it was being hashed", i);
        sizes[i] = size;
        hexes(i, h.digest("hex"));
      } catch (e) {
        if (e !== null && typeof e === "object" && e.index === void 0)
          e.index = i;
        throw e;
      } finally {
        if (fd >= 0) closeSync(fd);
      }
    }
  }
}
function serve() {
  parentPort?.once("message", ({ paths, ends, next, sizes, hexes }) => {
    const out = Buffer.from(hexes);
    const pathOf = (i) => paths.slice(i === 0 ? 0 : ends[i - 1] + 1, ends[i]);
    try {
      hashLoop(
        ends.length,
        pathOf,
        new Int32Array(next),
        new Float64Array(sizes),
        (i, hex) => out.write(hex, i * 64, 64, "latin1"),
        Buffer.allocUnsafe(1024 * 1024)
      );
      parentPort?.postMessage({});
    } catch (e) {
      parentPort?.postMessage(loopFailure(e));
    }
  });
}
var HASH_WORKER = "qprov.hash-worker";
if (!isMainThread && workerData === HASH_WORKER) serve();
export {
  HASH_WORKER,
  HashRefusal,
  OPEN_FLAGS,
  hashLoop,
  loopFailure,
  openRegular
};
