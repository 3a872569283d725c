import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  confinePath,
  isInside
} from "./chunk-67CPZEZ6.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/workload/select.ts
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
async function selectFiles(patterns, root, many) {
  if (patterns.length === 0) throw new QprovError("WORKLOAD_INVALID", "no workload paths given");
  const walker = new Walker(path.resolve(root), many);
  for (const pattern of patterns) {
    if (GLOB_CHARS.test(pattern)) {
      const fsp = await import("node:fs/promises");
      let hits = 0;
      for await (const hit of fsp.glob(pattern, { cwd: walker.rootAbs })) {
        hits++;
        walker.start(walker.toRelative(hit));
      }
      if (hits === 0)
        throw new QprovError("WORKLOAD_INVALID", `workload pattern '${pattern}' matched no files`);
    } else walker.start(walker.toRelative(pattern), pattern);
  }
  if (walker.found.length === 0)
    throw new QprovError("WORKLOAD_INVALID", "the workload package is empty");
  return walker.starts > 1 ? unique(walker.found) : walker.found;
}
function unique(found) {
  const byPath = /* @__PURE__ */ new Map();
  for (const f of found) byPath.set(f.path, f);
  return [...byPath.values()];
}
var Walker = class {
  constructor(rootAbs, many) {
    this.rootAbs = rootAbs;
    this.many = many;
    try {
      this.rootReal = realpathSync.native(rootAbs);
    } catch (e) {
      throw new QprovError("INPUT_NOT_FOUND", `workload root ${rootAbs} not found`, {
        cause: e
      });
    }
  }
  rootAbs;
  many;
  rootReal;
  // One walk meets each path once; only several starting points can repeat one.
  found = [];
  starts = 0;
  active = /* @__PURE__ */ new Set();
  /** The POSIX path of p relative to the root; refuses anything that is not below the root. */
  toRelative(p) {
    const rel = path.relative(this.rootAbs, path.resolve(this.rootAbs, p));
    if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
      throw new QprovError("WORKLOAD_INVALID", `workload path '${p}' is outside the package root`);
    return rel.split(path.sep).join("/");
  }
  abs(rel) {
    return rel === "" ? this.rootAbs : path.join(this.rootAbs, ...rel.split("/"));
  }
  inside(real) {
    return isInside(this.rootReal, real);
  }
  start(rel, literal) {
    this.starts++;
    const abs = this.abs(rel);
    let st;
    try {
      st = lstatSync(abs);
    } catch (e) {
      throw new QprovError("INPUT_NOT_FOUND", `workload path '${literal ?? rel}' not found`, {
        cause: e
      });
    }
    if (st.isSymbolicLink()) return this.follow(rel, abs);
    const { real } = confinePath(this.rootAbs, rel, {
      what: "workload path",
      rootName: "the package root",
      code: "WORKLOAD_INVALID"
    });
    this.visit(rel, real, st);
  }
  follow(rel, abs) {
    let real;
    let st;
    try {
      real = realpathSync.native(abs);
      st = statSync(real);
    } catch (e) {
      throw new QprovError("WORKLOAD_INVALID", `symlink '${rel}' is dangling`, { cause: e });
    }
    if (!this.inside(real))
      throw new QprovError("WORKLOAD_INVALID", `symlink '${rel}' points outside the package root`);
    this.visit(rel, real, st);
  }
  visit(rel, real, st) {
    const shown = rel === "" ? "." : rel;
    if (st.isFile()) {
      if (rel === "")
        throw new QprovError("WORKLOAD_INVALID", "the package root must be a directory");
      if (this.found.push({ path: rel, absolute: real }) === this.many?.count) this.many.then();
      return;
    }
    if (!st.isDirectory())
      throw new QprovError("WORKLOAD_INVALID", `'${shown}' is a ${kind(st)}, not a regular file`);
    if (this.active.has(real))
      throw new QprovError("WORKLOAD_INVALID", `symlink cycle at '${shown}'`);
    this.active.add(real);
    const entries = readdirSync(real, { withFileTypes: true });
    const dirPrefix = real.endsWith(path.sep) ? real : real + path.sep;
    const relPrefix = rel === "" ? "" : `${rel}/`;
    for (const entry of entries) {
      const childRel = relPrefix + entry.name;
      if (entry.isSymbolicLink()) this.follow(childRel, dirPrefix + entry.name);
      else this.visit(childRel, dirPrefix + entry.name, entry);
    }
    this.active.delete(real);
  }
};
function kind(st) {
  if (st.isFIFO()) return "FIFO";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice()) return "character device";
  if (st.isBlockDevice()) return "block device";
  return "special file";
}

export {
  selectFiles
};
