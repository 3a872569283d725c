import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  DIGESTED_FILES,
  parseBinding,
  sha256Digest
} from "./chunk-I22LZPDT.js";
import {
  PROOF_FILE_NAMES,
  loadProofBundle
} from "./chunk-BWSBA4KN.js";
import {
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/binding/proof-sources.ts
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
function completeFrom(partial, donor) {
  const bytes = partial.files[PROOF_FILES.binding];
  if (bytes === void 0) return [];
  let digests;
  try {
    digests = parseBinding(bytes).files;
  } catch {
    return [];
  }
  const filled = [];
  for (const name of DIGESTED_FILES) {
    const d = donor.files[name];
    if (partial.files[name] !== void 0 || d === void 0) continue;
    if (sha256Digest(d) !== digests[name]) continue;
    partial.files[name] = d;
    filled.push(name);
  }
  if (filled.length > 0) (partial.completedFrom ??= []).push(donor.location);
  return filled;
}
async function candidatePaths(dir) {
  const st = await stat(dir).catch(() => void 0);
  if (st === void 0) throw new QprovError("INPUT_NOT_FOUND", `--from ${dir}: not found`);
  if (!st.isDirectory()) throw new QprovError("INPUT_NOT_FOUND", `--from ${dir} is not a directory`);
  const entries = (await readdir(dir, { withFileTypes: true })).sort(
    (x, y) => x.name < y.name ? -1 : x.name > y.name ? 1 : 0
  );
  return entries.some((e) => PROOF_FILE_NAMES.includes(e.name)) ? [dir] : entries.filter((e) => e.isDirectory() || e.isFile() && e.name.endsWith(PROOF_BUNDLE_SUFFIX)).map((e) => join(dir, e.name));
}
async function loadCandidate(path) {
  const loaded = await loadProofBundle(path).catch(() => void 0);
  if (loaded === void 0 || loaded.error !== void 0) return void 0;
  const b = loaded.files[PROOF_FILES.binding];
  if (b === void 0) return void 0;
  try {
    return { jobId: parseBinding(b).runtime.job_id, files: loaded.files };
  } catch {
    return void 0;
  }
}
var LocalDirectorySource = class {
  constructor(dirs, opts = {}) {
    this.dirs = dirs;
    this.opts = opts;
  }
  dirs;
  opts;
  name = "local";
  index;
  async paths(query) {
    const all = async () => (await Promise.all(this.dirs.map(candidatePaths))).flat();
    if (!this.opts.index) return all();
    this.index ??= (async () => {
      const byJob = /* @__PURE__ */ new Map();
      for (const path of await all()) {
        const c = await loadCandidate(path);
        if (c !== void 0) byJob.set(c.jobId, [...byJob.get(c.jobId) ?? [], path]);
      }
      return byJob;
    })();
    return (await this.index).get(query.jobId) ?? [];
  }
  async find(query) {
    const found = [];
    for (const path of await this.paths(query)) {
      const c = await loadCandidate(path);
      if (c === void 0 || c.jobId !== query.jobId) continue;
      found.push({ source: this.name, location: path, files: c.files });
    }
    return found;
  }
};

export {
  completeFrom,
  LocalDirectorySource
};
