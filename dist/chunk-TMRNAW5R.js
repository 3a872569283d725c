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
} from "./chunk-R3Z2I67N.js";
import {
  PROOF_FILE_NAMES,
  loadProofBundle
} from "./chunk-K64C7Y5M.js";
import {
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES
} from "./chunk-TA4GRHBR.js";
import {
  QprovError
} from "./chunk-64TALR3W.js";

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
var LocalDirectorySource = class {
  constructor(dirs) {
    this.dirs = dirs;
  }
  dirs;
  name = "local";
  async find(query) {
    const found = [];
    for (const dir of this.dirs) {
      const st = await stat(dir).catch(() => void 0);
      if (st === void 0 || !st.isDirectory())
        throw new QprovError("INPUT_NOT_FOUND", `--from ${dir} is not a directory`);
      const entries = (await readdir(dir, { withFileTypes: true })).sort(
        (x, y) => x.name < y.name ? -1 : x.name > y.name ? 1 : 0
      );
      const candidates = entries.some((e) => PROOF_FILE_NAMES.includes(e.name)) ? [dir] : entries.filter((e) => e.isDirectory() || e.isFile() && e.name.endsWith(PROOF_BUNDLE_SUFFIX)).map((e) => join(dir, e.name));
      for (const path of candidates) {
        const loaded = await loadProofBundle(path).catch(() => void 0);
        if (loaded === void 0 || loaded.error !== void 0) continue;
        const b = loaded.files[PROOF_FILES.binding];
        if (b === void 0) continue;
        try {
          if (parseBinding(b).runtime.job_id !== query.jobId) continue;
        } catch {
          continue;
        }
        found.push({ source: this.name, location: path, files: loaded.files });
      }
    }
    return found;
  }
};

export {
  completeFrom,
  LocalDirectorySource
};
