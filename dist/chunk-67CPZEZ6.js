import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/confined-path.ts
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
function isInside(rootReal, real) {
  const prefix = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep;
  return real === rootReal || real.startsWith(prefix);
}
function isLink(p) {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
function errnoOf(e) {
  return e.code;
}
function realOrAncestor(abs, opts, shown) {
  let missing = [];
  let at = abs;
  for (; ; ) {
    try {
      const real = realpathSync.native(at);
      return [missing.length === 0 ? real : path.join(real, ...missing), missing.length === 0];
    } catch (e) {
      const code = errnoOf(e);
      const absent = code === "ENOENT" || code === "ENOTDIR" && opts.mayBeMissing === true;
      if (code === "ELOOP")
        throw new QprovError(opts.code, `${opts.what} '${shown}': too many symbolic links`);
      if (!absent || !opts.mayBeMissing)
        throw new QprovError(
          code === "ENOENT" || code === "ENOTDIR" ? "INPUT_NOT_FOUND" : opts.code,
          code === "ENOENT" || code === "ENOTDIR" ? `${opts.what} '${shown}' not found` : `${opts.what} '${shown}' cannot be resolved (${code ?? "error"})`,
          { cause: e }
        );
      if (isLink(at))
        throw new QprovError(
          opts.code,
          `${opts.what} '${shown}' goes through a symbolic link that leads nowhere`
        );
      const up = path.dirname(at);
      if (up === at) throw new QprovError(opts.code, `${opts.what} '${shown}': no part exists`);
      missing = [path.basename(at), ...missing];
      at = up;
    }
  }
}
function confinePath(root, p, opts) {
  const rootAbs = path.resolve(root);
  let rootReal;
  try {
    rootReal = realpathSync.native(rootAbs);
  } catch (e) {
    throw new QprovError("INPUT_NOT_FOUND", `${opts.rootName} ${rootAbs} not found`, {
      cause: e
    });
  }
  const absolute = path.resolve(rootAbs, p);
  const rel = path.relative(rootAbs, absolute);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new QprovError(opts.code, `${opts.what} '${p}' is outside ${opts.rootName}`);
  const [real, exists] = realOrAncestor(absolute, opts, p);
  if (!isInside(rootReal, real))
    throw new QprovError(
      opts.code,
      `${opts.what} '${p}' resolves outside ${opts.rootName} (through a symbolic link)`
    );
  return { absolute, relative: rel.split(path.sep).join("/"), real, exists };
}
function outputPath(given, workspace, what) {
  if (path.isAbsolute(given)) return path.resolve(given);
  return confinePath(workspace, given, {
    what,
    rootName: "the workspace",
    code: "OUTPUT_UNUSABLE",
    mayBeMissing: true
  }).absolute;
}

export {
  isInside,
  confinePath,
  outputPath
};
