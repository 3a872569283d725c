import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/atomic-file.ts
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { lstat, mkdir, mkdtemp, open, rename, rm, rmdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
function tempName(path) {
  return `${path}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
}
function writeFailed(what, e) {
  if (e instanceof QprovError) return e;
  return new QprovError("OUTPUT_WRITE_FAILED", `cannot write ${what}: ${e.message}`, {
    cause: e
  });
}
async function syncDir(dir) {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
function syncDirSync(dir) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
async function writeNew(path, data, mode) {
  const fh = await open(path, "wx", mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}
async function writeFileAtomic(path, data, opts = {}) {
  const tmp = tempName(path);
  try {
    await writeNew(tmp, data, opts.mode ?? 420);
    await rename(tmp, path);
    await syncDir(dirname(path));
  } catch (e) {
    await rm(tmp, { force: true });
    throw writeFailed(path, e);
  }
}
function writeFileAtomicSync(path, data, opts = {}) {
  const tmp = tempName(path);
  try {
    const fd = openSync(tmp, "wx", opts.mode ?? 420);
    try {
      writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncDirSync(dirname(path));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeFailed(path, e);
  }
}
async function exists(path) {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
async function writeFilesAtomically(outDir, files) {
  const target = resolve(outDir);
  const fresh = !await exists(target);
  const parent = fresh ? dirname(target) : target;
  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    throw new QprovError("OUTPUT_WRITE_FAILED", `cannot create ${parent}: ${e.message}`);
  }
  const staging = await mkdtemp(join(parent, `.${basename(target)}.qprov-tmp-`));
  try {
    for (const [name, bytes] of files) await writeNew(join(staging, name), bytes, 420);
    await syncDir(staging);
    if (fresh) {
      await rename(staging, target);
    } else {
      for (const [name] of files) {
        const dest = join(target, name);
        if (await exists(dest) && !(await lstat(dest)).isFile())
          throw new Error(`${dest} exists and is not a regular file`);
      }
      for (const [name] of files) await rename(join(staging, name), join(target, name));
      await rmdir(staging);
    }
    await syncDir(parent);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw new QprovError(
      "OUTPUT_WRITE_FAILED",
      `cannot write the outputs to ${target}: ${e.message}`,
      { cause: e }
    );
  }
  return Object.fromEntries(files.map(([name]) => [name, join(target, name)]));
}

export {
  writeFileAtomic,
  writeFileAtomicSync,
  writeFilesAtomically
};
