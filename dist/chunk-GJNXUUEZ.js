import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  defaultArtifactName
} from "./chunk-L47USBSO.js";
import {
  githubError,
  octokitAttestationStore,
  octokitFor
} from "./chunk-3COUH5BH.js";
import {
  runContext
} from "./chunk-FPECTI7Y.js";
import "./chunk-NGTBCPG4.js";
import {
  prepareTrustMaterial,
  verifyBundle
} from "./chunk-FBYFY6L7.js";
import {
  receiptFileBytes
} from "./chunk-MBCS6YYH.js";
import {
  canonicalJson,
  checkBinding,
  sha256Digest
} from "./chunk-I22LZPDT.js";
import "./chunk-WNFLZQE4.js";
import {
  MAX_PROOF_FILE_BYTES,
  PROOF_FILE_NAMES,
  defaultBundleFileName,
  unpackProofBundle
} from "./chunk-BWSBA4KN.js";
import "./chunk-URB3I2LO.js";
import "./chunk-5FAHOQUQ.js";
import {
  PREDICATE_AIIR_V1,
  PREDICATE_AIIR_V2,
  require_dist
} from "./chunk-WERL3RUE.js";
import "./chunk-VADMPDA4.js";
import "./chunk-YQTSYPUS.js";
import {
  BINDING_PREDICATE_TYPE,
  PROOF_BUNDLE_SUFFIX,
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import "./chunk-XJJHODDG.js";
import "./chunk-SW4PFA3Z.js";
import "./chunk-GIKLMXQE.js";
import "./chunk-GJDA26GL.js";
import "./chunk-M4WF4K2E.js";
import "./chunk-HJX6ZJ5B.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import {
  __toESM
} from "./chunk-TR6SGTEF.js";

// src/github/attestation-proof-source.ts
var import_bundle = __toESM(require_dist(), 1);
var canonicalBundle = (b) => Buffer.from(`${JSON.stringify((0, import_bundle.bundleToJSON)((0, import_bundle.bundleFromJSON)(b)))}
`, "utf8");
function payloadOf(b) {
  const p = b.dsseEnvelope?.payload;
  return typeof p === "string" ? Buffer.from(p, "base64") : void 0;
}
var AttestationStoreSource = class {
  constructor(store, repository, signer) {
    this.store = store;
    this.repository = repository;
    this.signer = signer;
    this.trust = prepareTrustMaterial(signer.trustedRoot);
  }
  store;
  repository;
  signer;
  name = "attestations";
  skipped = [];
  trust;
  verify(b, digest, predicateType) {
    return verifyBundle({
      bundle: b,
      artifact: { digest },
      trustMaterial: this.trust,
      policy: { kind: "identity", ...this.signer.policy },
      profile: this.signer.profile,
      expectedPredicateType: predicateType
    });
  }
  async find(q) {
    this.skipped = [];
    const found = [];
    const bindings = await this.store.find(q.statementDigest, BINDING_PREDICATE_TYPE);
    for (const [i, b] of bindings.entries()) {
      const where = `attestation #${i + 1} for ${q.statementDigest} in ${this.repository}`;
      const v = this.verify(b, q.statementDigest, BINDING_PREDICATE_TYPE);
      if (!v.verified || !v.statement) {
        this.skipped.push({ location: where, reason: `not verified: ${v.error ?? v.code}` });
        continue;
      }
      let bindingJson;
      let jobId;
      let pkg;
      try {
        const doc = checkBinding(v.statement.predicate);
        bindingJson = Buffer.from(canonicalJson(v.statement.predicate), "utf8");
        jobId = doc.runtime.job_id;
        pkg = doc.provenance.workload_package;
      } catch (e) {
        this.skipped.push({ location: where, reason: oneLine(e) });
        continue;
      }
      if (jobId !== q.jobId) {
        this.skipped.push({ location: where, reason: `it binds job ${jobId}` });
        continue;
      }
      const statement = await this.statementBundle(pkg, q.statementDigest, v);
      if (statement === void 0) continue;
      const payload = payloadOf(statement.bundle);
      const files = {
        [PROOF_FILES.binding]: bindingJson,
        [PROOF_FILES.bindingBundle]: canonicalBundle(b),
        [PROOF_FILES.statement]: payload,
        [PROOF_FILES.statementBundle]: canonicalBundle(statement.bundle),
        [PROOF_FILES.receipt]: receiptFileBytes(payload)
      };
      found.push({
        source: this.name,
        location: `${where} (binding) and ${statement.where} (statement)`,
        files
      });
    }
    return found;
  }
  /** The workload statement bundle whose payload is the tagged statement, signed as the binding. */
  async statementBundle(pkg, statementDigest, binding) {
    for (const type of [PREDICATE_AIIR_V2, PREDICATE_AIIR_V1]) {
      for (const [i, b] of (await this.store.find(pkg, type)).entries()) {
        const where = `attestation #${i + 1} for ${pkg} (${type.split("/").pop()})`;
        const payload = payloadOf(b);
        if (payload === void 0 || sha256Digest(payload) !== statementDigest) {
          this.skipped.push({ location: where, reason: "its payload is another statement" });
          continue;
        }
        const v = this.verify(b, pkg, type);
        if (!v.verified) {
          this.skipped.push({ location: where, reason: `not verified: ${v.error ?? v.code}` });
          continue;
        }
        if (v.signer?.identity !== binding.signer?.identity || v.signer?.issuer !== binding.signer?.issuer) {
          this.skipped.push({
            location: where,
            reason: "signed by another signer than the binding"
          });
          continue;
        }
        return { bundle: b, where };
      }
    }
    this.skipped.push({
      location: `attestations for ${pkg}`,
      reason: `no verified statement ${statementDigest}`
    });
    return void 0;
  }
};

// src/github/zip-reader.ts
import { inflateRawSync } from "node:zlib";
var EOCD = 101010256;
var CENTRAL = 33639248;
var LOCAL = 67324752;
function readZipEntries(zip, maxEntryBytes) {
  const bad = (why) => new QprovError("PROOF_BUNDLE_INVALID", `the artifact zip ${why}`);
  const u16 = (at) => {
    if (at < 0 || at + 2 > zip.length) throw bad("is truncated");
    return zip.readUInt16LE(at);
  };
  const u32 = (at) => {
    if (at < 0 || at + 4 > zip.length) throw bad("is truncated");
    return zip.readUInt32LE(at);
  };
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--)
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw bad("has no end of central directory");
  const count = u16(eocd + 10);
  let p = u32(eocd + 16);
  if (count === 65535 || p === 4294967295) throw bad("is ZIP64, which a proof bundle never needs");
  const out = /* @__PURE__ */ new Map();
  for (let n = 0; n < count; n++) {
    if (u32(p) !== CENTRAL) throw bad("has a bad central directory entry");
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const csize = u32(p + 20);
    const size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    const local = u32(p + 42);
    if (p + 46 + nameLen > zip.length) throw bad("is truncated");
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith("/")) continue;
    if (flags & 1) throw bad(`entry ${name} is encrypted`);
    if (method !== 0 && method !== 8) throw bad(`entry ${name} uses compression method ${method}`);
    if (size > maxEntryBytes) throw bad(`entry ${name} exceeds ${maxEntryBytes} bytes`);
    if (u32(local) !== LOCAL) throw bad(`entry ${name} has no local header`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + csize > zip.length) throw bad(`entry ${name} is truncated`);
    const raw = zip.subarray(start, start + csize);
    let data;
    try {
      data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: maxEntryBytes });
    } catch (e) {
      throw new QprovError(
        "PROOF_BUNDLE_INVALID",
        `the artifact zip entry ${name} does not inflate`,
        {
          cause: e
        }
      );
    }
    if (data.length !== size) throw bad(`entry ${name} is not the size its header says`);
    if (out.has(name)) throw bad(`holds ${name} twice`);
    out.set(name, data);
  }
  return out;
}

// src/github/download-proof-sources.ts
var MAX_DOWNLOAD_BYTES = 8 * MAX_PROOF_FILE_BYTES;
function tooLarge(size) {
  return typeof size !== "number" || size > MAX_DOWNLOAD_BYTES;
}
async function bytesOf(data) {
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ReadableStream) {
    const parts = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > MAX_DOWNLOAD_BYTES)
        throw new QprovError("GITHUB_API", `the download exceeds ${MAX_DOWNLOAD_BYTES} bytes`);
      parts.push(Buffer.from(chunk));
    }
    return Buffer.concat(parts);
  }
  throw new QprovError("GITHUB_API", "the download returned no bytes");
}
var RAW = { request: { parseSuccessResponseBody: false } };
var ReleaseAssetSource = class {
  constructor(octokit, ctx) {
    this.octokit = octokit;
    this.ctx = ctx;
  }
  octokit;
  ctx;
  name = "release assets";
  skipped = [];
  async find(q) {
    this.skipped = [];
    const repo = { owner: this.ctx.owner, repo: this.ctx.repo };
    const name = defaultBundleFileName(q.jobId);
    const found = [];
    let releases;
    try {
      releases = await this.octokit.paginate(this.octokit.rest.repos.listReleases, {
        ...repo,
        per_page: 100
      });
    } catch (e) {
      throw githubError(`listing the releases of ${this.ctx.repository}`, e, {
        permission: "contents: read"
      });
    }
    for (const r of releases)
      for (const a of r.assets ?? []) {
        if (a.name !== name) continue;
        const where = `release ${r.tag_name} asset ${a.name}`;
        if (tooLarge(a.size)) {
          this.skipped.push({ location: where, reason: `it is ${a.size} bytes` });
          continue;
        }
        let bytes;
        try {
          const res = await this.octokit.request(
            "GET /repos/{owner}/{repo}/releases/assets/{asset_id}",
            { ...repo, asset_id: a.id, headers: { accept: "application/octet-stream" }, ...RAW }
          );
          bytes = await bytesOf(res.data);
        } catch (e) {
          throw githubError(`downloading ${where}`, e, { permission: "contents: read" });
        }
        try {
          found.push({ source: this.name, location: where, files: unpackProofBundle(bytes).files });
        } catch (e) {
          this.skipped.push({ location: where, reason: oneLine(e) });
        }
      }
    return found;
  }
};
var ArtifactSource = class {
  constructor(octokit, ctx) {
    this.octokit = octokit;
    this.ctx = ctx;
  }
  octokit;
  ctx;
  name = "workflow artifacts";
  skipped = [];
  async find(q) {
    this.skipped = [];
    const repo = { owner: this.ctx.owner, repo: this.ctx.repo };
    const name = defaultArtifactName(q.jobId);
    let listed;
    try {
      const res = await this.octokit.rest.actions.listArtifactsForRepo({
        ...repo,
        name,
        per_page: 100
      });
      listed = res.data.artifacts;
    } catch (e) {
      throw githubError(`listing the artifacts of ${this.ctx.repository}`, e, {
        permission: "actions: read"
      });
    }
    const found = [];
    for (const a of [...listed].sort((x, y) => y.id - x.id)) {
      const where = `artifact ${a.name} (ID ${a.id})`;
      if (a.name !== name) continue;
      if (a.expired || tooLarge(a.size_in_bytes)) {
        this.skipped.push({ location: where, reason: a.expired ? "it expired" : "it is too large" });
        continue;
      }
      let zip;
      try {
        const res = await this.octokit.rest.actions.downloadArtifact({
          ...repo,
          artifact_id: a.id,
          archive_format: "zip",
          ...RAW
        });
        zip = await bytesOf(res.data);
      } catch (e) {
        throw githubError(`downloading ${where}`, e, { permission: "actions: read" });
      }
      try {
        found.push({ source: this.name, location: where, files: filesOfZip(zip) });
      } catch (e) {
        this.skipped.push({ location: where, reason: oneLine(e) });
      }
    }
    return found;
  }
};
function filesOfZip(zip) {
  const entries = readZipEntries(zip, MAX_PROOF_FILE_BYTES);
  const files = {};
  for (const n of PROOF_FILE_NAMES) {
    const bytes = entries.get(n);
    if (bytes !== void 0) files[n] = bytes;
  }
  if (Object.keys(files).length > 0) return files;
  const singles = [...entries.keys()].filter((n) => n.endsWith(PROOF_BUNDLE_SUFFIX));
  if (singles.length !== 1)
    throw new QprovError("PROOF_BUNDLE_INVALID", "the zip holds no proof bundle");
  return unpackProofBundle(entries.get(singles[0])).files;
}

// src/github/fetch-sources.ts
function githubProofSources(o) {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(o.repository))
    throw new QprovError("USAGE", `--repo takes OWNER/REPO, got ${JSON.stringify(o.repository)}`);
  if (!o.token)
    throw new QprovError(
      "USAGE",
      `--repo ${o.repository} needs a GitHub token in GITHUB_TOKEN or GH_TOKEN (read access to contents, actions and attestations)`
    );
  const ctx = runContext({ GITHUB_REPOSITORY: o.repository, GITHUB_API_URL: o.apiURL });
  const octokit = octokitFor(ctx, o.token);
  return [
    new AttestationStoreSource(octokitAttestationStore(octokit, ctx), o.repository, o.signer),
    new ReleaseAssetSource(octokit, ctx),
    new ArtifactSource(octokit, ctx)
  ];
}
export {
  githubProofSources
};
