import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  outputPath
} from "./chunk-67CPZEZ6.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/output-dir.ts
import { randomBytes } from "node:crypto";
import { closeSync, lstatSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
function unusable(what, path, why) {
  return new QprovError("OUTPUT_UNUSABLE", `${what} ${path} cannot be used: ${why}`);
}
function statOrUndefined(path, fail, link = "follow") {
  try {
    return link === "lstat" ? lstatSync(path) : statSync(path);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return void 0;
    if (code === "ENOTDIR") throw fail("a part of the path above it is a file, not a directory");
    if (code === "EACCES") throw fail("permission denied");
    if (code === "ELOOP") throw fail("too many levels of symbolic links");
    if (code === "ENAMETOOLONG") throw fail("the path is too long");
    throw fail(`it cannot be inspected (${code ?? "error"})`);
  }
}
function kindOf(st) {
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isFile()) return "a regular file";
  if (st.isFIFO()) return "a FIFO";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "not a directory";
}
function probeWritable(dir, what, shown) {
  const probe = join(dir, `.qprov-probe-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    closeSync(openSync(probe, "wx", 384));
  } catch (e) {
    const code = e.code ?? "error";
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : `files cannot be created in ${dir} (${code})`;
    throw unusable(what, shown, why);
  }
  rmSync(probe, { force: true });
}
function checkOutputDir(path, opts) {
  const { what } = opts;
  if (path.trim() === "") throw unusable(what, JSON.stringify(path), "the path is empty");
  const target = resolve(outputPath(path, opts.workspace ?? process.cwd(), what));
  const fail = (why) => unusable(what, path, why);
  const st = statOrUndefined(target, fail, "lstat");
  if (st !== void 0) {
    if (!st.isDirectory()) throw unusable(what, path, `it is ${kindOf(st)}, not a directory`);
    for (const name of opts.files ?? []) {
      const f = statOrUndefined(join(target, name), fail, "lstat");
      if (f !== void 0 && !f.isFile())
        throw unusable(
          what,
          path,
          `${name} in it is ${f.isDirectory() ? "a directory" : kindOf(f)}`
        );
    }
    probeWritable(target, what, path);
    return target;
  }
  let parent = dirname(target);
  for (; ; ) {
    const p = statOrUndefined(parent, fail);
    if (p !== void 0) {
      if (!p.isDirectory()) throw unusable(what, path, `${parent} is ${kindOf(p)}, not a directory`);
      probeWritable(parent, what, path);
      return target;
    }
    const up = dirname(parent);
    if (up === parent) throw unusable(what, path, "no part of the path exists");
    parent = up;
  }
}

export {
  checkOutputDir
};
