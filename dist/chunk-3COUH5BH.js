import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  registerSecret
} from "./chunk-NGTBCPG4.js";
import {
  READ_LIMITS
} from "./chunk-SW4PFA3Z.js";
import {
  getOctokit
} from "./chunk-GJDA26GL.js";
import {
  QprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";
import {
  __commonJS,
  __toESM
} from "./chunk-TR6SGTEF.js";

// node_modules/snappyjs/snappy_decompressor.js
var require_snappy_decompressor = __commonJS({
  "node_modules/snappyjs/snappy_decompressor.js"(exports) {
    "use strict";
    var WORD_MASK = [0, 255, 65535, 16777215, 4294967295];
    function copyBytes(fromArray, fromPos, toArray, toPos, length) {
      var i;
      for (i = 0; i < length; i++) {
        toArray[toPos + i] = fromArray[fromPos + i];
      }
    }
    function selfCopyBytes(array, pos, offset, length) {
      var i;
      for (i = 0; i < length; i++) {
        array[pos + i] = array[pos - offset + i];
      }
    }
    function SnappyDecompressor(compressed) {
      this.array = compressed;
      this.pos = 0;
    }
    SnappyDecompressor.prototype.readUncompressedLength = function() {
      var result = 0;
      var shift = 0;
      var c, val;
      while (shift < 32 && this.pos < this.array.length) {
        c = this.array[this.pos];
        this.pos += 1;
        val = c & 127;
        if (val << shift >>> shift !== val) {
          return -1;
        }
        result |= val << shift;
        if (c < 128) {
          return result;
        }
        shift += 7;
      }
      return -1;
    };
    SnappyDecompressor.prototype.uncompressToBuffer = function(outBuffer) {
      var array = this.array;
      var arrayLength = array.length;
      var pos = this.pos;
      var outPos = 0;
      var c, len, smallLen;
      var offset;
      while (pos < array.length) {
        c = array[pos];
        pos += 1;
        if ((c & 3) === 0) {
          len = (c >>> 2) + 1;
          if (len > 60) {
            if (pos + 3 >= arrayLength) {
              return false;
            }
            smallLen = len - 60;
            len = array[pos] + (array[pos + 1] << 8) + (array[pos + 2] << 16) + (array[pos + 3] << 24);
            len = (len & WORD_MASK[smallLen]) + 1;
            pos += smallLen;
          }
          if (pos + len > arrayLength) {
            return false;
          }
          copyBytes(array, pos, outBuffer, outPos, len);
          pos += len;
          outPos += len;
        } else {
          switch (c & 3) {
            case 1:
              len = (c >>> 2 & 7) + 4;
              offset = array[pos] + (c >>> 5 << 8);
              pos += 1;
              break;
            case 2:
              if (pos + 1 >= arrayLength) {
                return false;
              }
              len = (c >>> 2) + 1;
              offset = array[pos] + (array[pos + 1] << 8);
              pos += 2;
              break;
            case 3:
              if (pos + 3 >= arrayLength) {
                return false;
              }
              len = (c >>> 2) + 1;
              offset = array[pos] + (array[pos + 1] << 8) + (array[pos + 2] << 16) + (array[pos + 3] << 24);
              pos += 4;
              break;
            default:
              break;
          }
          if (offset === 0 || offset > outPos) {
            return false;
          }
          selfCopyBytes(outBuffer, outPos, offset, len);
          outPos += len;
        }
      }
      return true;
    };
    exports.SnappyDecompressor = SnappyDecompressor;
  }
});

// node_modules/snappyjs/snappy_compressor.js
var require_snappy_compressor = __commonJS({
  "node_modules/snappyjs/snappy_compressor.js"(exports) {
    "use strict";
    var BLOCK_LOG = 16;
    var BLOCK_SIZE = 1 << BLOCK_LOG;
    var MAX_HASH_TABLE_BITS = 14;
    var globalHashTables = new Array(MAX_HASH_TABLE_BITS + 1);
    function hashFunc(key, hashFuncShift) {
      return key * 506832829 >>> hashFuncShift;
    }
    function load32(array, pos) {
      return array[pos] + (array[pos + 1] << 8) + (array[pos + 2] << 16) + (array[pos + 3] << 24);
    }
    function equals32(array, pos1, pos2) {
      return array[pos1] === array[pos2] && array[pos1 + 1] === array[pos2 + 1] && array[pos1 + 2] === array[pos2 + 2] && array[pos1 + 3] === array[pos2 + 3];
    }
    function copyBytes(fromArray, fromPos, toArray, toPos, length) {
      var i;
      for (i = 0; i < length; i++) {
        toArray[toPos + i] = fromArray[fromPos + i];
      }
    }
    function emitLiteral(input, ip, len, output, op) {
      if (len <= 60) {
        output[op] = len - 1 << 2;
        op += 1;
      } else if (len < 256) {
        output[op] = 60 << 2;
        output[op + 1] = len - 1;
        op += 2;
      } else {
        output[op] = 61 << 2;
        output[op + 1] = len - 1 & 255;
        output[op + 2] = len - 1 >>> 8;
        op += 3;
      }
      copyBytes(input, ip, output, op, len);
      return op + len;
    }
    function emitCopyLessThan64(output, op, offset, len) {
      if (len < 12 && offset < 2048) {
        output[op] = 1 + (len - 4 << 2) + (offset >>> 8 << 5);
        output[op + 1] = offset & 255;
        return op + 2;
      } else {
        output[op] = 2 + (len - 1 << 2);
        output[op + 1] = offset & 255;
        output[op + 2] = offset >>> 8;
        return op + 3;
      }
    }
    function emitCopy(output, op, offset, len) {
      while (len >= 68) {
        op = emitCopyLessThan64(output, op, offset, 64);
        len -= 64;
      }
      if (len > 64) {
        op = emitCopyLessThan64(output, op, offset, 60);
        len -= 60;
      }
      return emitCopyLessThan64(output, op, offset, len);
    }
    function compressFragment(input, ip, inputSize, output, op) {
      var hashTableBits = 1;
      while (1 << hashTableBits <= inputSize && hashTableBits <= MAX_HASH_TABLE_BITS) {
        hashTableBits += 1;
      }
      hashTableBits -= 1;
      var hashFuncShift = 32 - hashTableBits;
      if (typeof globalHashTables[hashTableBits] === "undefined") {
        globalHashTables[hashTableBits] = new Uint16Array(1 << hashTableBits);
      }
      var hashTable = globalHashTables[hashTableBits];
      var i;
      for (i = 0; i < hashTable.length; i++) {
        hashTable[i] = 0;
      }
      var ipEnd = ip + inputSize;
      var ipLimit;
      var baseIp = ip;
      var nextEmit = ip;
      var hash, nextHash;
      var nextIp, candidate, skip;
      var bytesBetweenHashLookups;
      var base, matched, offset;
      var prevHash, curHash;
      var flag = true;
      var INPUT_MARGIN = 15;
      if (inputSize >= INPUT_MARGIN) {
        ipLimit = ipEnd - INPUT_MARGIN;
        ip += 1;
        nextHash = hashFunc(load32(input, ip), hashFuncShift);
        while (flag) {
          skip = 32;
          nextIp = ip;
          do {
            ip = nextIp;
            hash = nextHash;
            bytesBetweenHashLookups = skip >>> 5;
            skip += 1;
            nextIp = ip + bytesBetweenHashLookups;
            if (ip > ipLimit) {
              flag = false;
              break;
            }
            nextHash = hashFunc(load32(input, nextIp), hashFuncShift);
            candidate = baseIp + hashTable[hash];
            hashTable[hash] = ip - baseIp;
          } while (!equals32(input, ip, candidate));
          if (!flag) {
            break;
          }
          op = emitLiteral(input, nextEmit, ip - nextEmit, output, op);
          do {
            base = ip;
            matched = 4;
            while (ip + matched < ipEnd && input[ip + matched] === input[candidate + matched]) {
              matched += 1;
            }
            ip += matched;
            offset = base - candidate;
            op = emitCopy(output, op, offset, matched);
            nextEmit = ip;
            if (ip >= ipLimit) {
              flag = false;
              break;
            }
            prevHash = hashFunc(load32(input, ip - 1), hashFuncShift);
            hashTable[prevHash] = ip - 1 - baseIp;
            curHash = hashFunc(load32(input, ip), hashFuncShift);
            candidate = baseIp + hashTable[curHash];
            hashTable[curHash] = ip - baseIp;
          } while (equals32(input, ip, candidate));
          if (!flag) {
            break;
          }
          ip += 1;
          nextHash = hashFunc(load32(input, ip), hashFuncShift);
        }
      }
      if (nextEmit < ipEnd) {
        op = emitLiteral(input, nextEmit, ipEnd - nextEmit, output, op);
      }
      return op;
    }
    function putVarint(value, output, op) {
      do {
        output[op] = value & 127;
        value = value >>> 7;
        if (value > 0) {
          output[op] += 128;
        }
        op += 1;
      } while (value > 0);
      return op;
    }
    function SnappyCompressor(uncompressed) {
      this.array = uncompressed;
    }
    SnappyCompressor.prototype.maxCompressedLength = function() {
      var sourceLen = this.array.length;
      return 32 + sourceLen + Math.floor(sourceLen / 6);
    };
    SnappyCompressor.prototype.compressToBuffer = function(outBuffer) {
      var array = this.array;
      var length = array.length;
      var pos = 0;
      var outPos = 0;
      var fragmentSize;
      outPos = putVarint(length, outBuffer, outPos);
      while (pos < length) {
        fragmentSize = Math.min(length - pos, BLOCK_SIZE);
        outPos = compressFragment(array, pos, fragmentSize, outBuffer, outPos);
        pos += fragmentSize;
      }
      return outPos;
    };
    exports.SnappyCompressor = SnappyCompressor;
  }
});

// node_modules/snappyjs/index.js
var require_snappyjs = __commonJS({
  "node_modules/snappyjs/index.js"(exports) {
    "use strict";
    function isNode() {
      if (typeof process === "object") {
        if (typeof process.versions === "object") {
          if (typeof process.versions.node !== "undefined") {
            return true;
          }
        }
      }
      return false;
    }
    function isUint8Array(object) {
      return object instanceof Uint8Array && (!isNode() || !Buffer.isBuffer(object));
    }
    function isArrayBuffer(object) {
      return object instanceof ArrayBuffer;
    }
    function isBuffer(object) {
      if (!isNode()) {
        return false;
      }
      return Buffer.isBuffer(object);
    }
    var SnappyDecompressor = require_snappy_decompressor().SnappyDecompressor;
    var SnappyCompressor = require_snappy_compressor().SnappyCompressor;
    var TYPE_ERROR_MSG = "Argument compressed must be type of ArrayBuffer, Buffer, or Uint8Array";
    function uncompress2(compressed, maxLength) {
      if (!isUint8Array(compressed) && !isArrayBuffer(compressed) && !isBuffer(compressed)) {
        throw new TypeError(TYPE_ERROR_MSG);
      }
      var uint8Mode = false;
      var arrayBufferMode = false;
      if (isUint8Array(compressed)) {
        uint8Mode = true;
      } else if (isArrayBuffer(compressed)) {
        arrayBufferMode = true;
        compressed = new Uint8Array(compressed);
      }
      var decompressor = new SnappyDecompressor(compressed);
      var length = decompressor.readUncompressedLength();
      if (length === -1) {
        throw new Error("Invalid Snappy bitstream");
      }
      if (length > maxLength) {
        throw new Error(`The uncompressed length of ${length} is too big, expect at most ${maxLength}`);
      }
      var uncompressed, uncompressedView;
      if (uint8Mode) {
        uncompressed = new Uint8Array(length);
        if (!decompressor.uncompressToBuffer(uncompressed)) {
          throw new Error("Invalid Snappy bitstream");
        }
      } else if (arrayBufferMode) {
        uncompressed = new ArrayBuffer(length);
        uncompressedView = new Uint8Array(uncompressed);
        if (!decompressor.uncompressToBuffer(uncompressedView)) {
          throw new Error("Invalid Snappy bitstream");
        }
      } else {
        uncompressed = Buffer.alloc(length);
        if (!decompressor.uncompressToBuffer(uncompressed)) {
          throw new Error("Invalid Snappy bitstream");
        }
      }
      return uncompressed;
    }
    function compress(uncompressed) {
      if (!isUint8Array(uncompressed) && !isArrayBuffer(uncompressed) && !isBuffer(uncompressed)) {
        throw new TypeError(TYPE_ERROR_MSG);
      }
      var uint8Mode = false;
      var arrayBufferMode = false;
      if (isUint8Array(uncompressed)) {
        uint8Mode = true;
      } else if (isArrayBuffer(uncompressed)) {
        arrayBufferMode = true;
        uncompressed = new Uint8Array(uncompressed);
      }
      var compressor = new SnappyCompressor(uncompressed);
      var maxLength = compressor.maxCompressedLength();
      var compressed, compressedView;
      var length;
      if (uint8Mode) {
        compressed = new Uint8Array(maxLength);
        length = compressor.compressToBuffer(compressed);
      } else if (arrayBufferMode) {
        compressed = new ArrayBuffer(maxLength);
        compressedView = new Uint8Array(compressed);
        length = compressor.compressToBuffer(compressedView);
      } else {
        compressed = Buffer.alloc(maxLength);
        length = compressor.compressToBuffer(compressed);
      }
      if (!compressed.slice) {
        var compressedArray = new Uint8Array(Array.prototype.slice.call(compressed, 0, length));
        if (uint8Mode) {
          return compressedArray;
        } else if (arrayBufferMode) {
          return compressedArray.buffer;
        } else {
          throw new Error("Not implemented");
        }
      }
      return compressed.slice(0, length);
    }
    exports.uncompress = uncompress2;
    exports.compress = compress;
  }
});

// src/github/octokit.ts
function octokitFor(ctx, token) {
  if (!token)
    throw new QprovError(
      "USAGE",
      "no GitHub token: input github-token is empty (its default is ${{ github.token }})"
    );
  registerSecret(token);
  return getOctokit(token, { baseUrl: ctx.apiURL, request: { retries: 0 } });
}
function httpFailure(e) {
  const o = e;
  const status = typeof o?.status === "number" ? o.status : void 0;
  const data = o?.response?.data;
  const parts = [];
  if (typeof data?.message === "string") parts.push(data.message);
  if (Array.isArray(data?.errors))
    for (const err of data.errors) {
      const m = err ?? {};
      if (typeof m.message === "string") parts.push(m.message);
      else if (typeof m.code === "string") parts.push(m.code);
    }
  return { ...status !== void 0 ? { status } : {}, message: parts.join("; ") || oneLine(e) };
}
function githubError(what, e, opts = {}) {
  if (e instanceof QprovError) return e;
  const f = httpFailure(e);
  const hint = opts.permission && (f.status === 403 || f.status === 404) ? ` (the job needs \`permissions: ${opts.permission}\`)` : "";
  return new QprovError(
    opts.code ?? "GITHUB_API",
    `${what}: ${f.status !== void 0 ? `HTTP ${f.status} ` : ""}${f.message}${hint}`,
    { cause: e, details: f.status !== void 0 ? { status: f.status } : {} }
  );
}

// src/github/attestation-bundle-url.ts
var import_snappyjs = __toESM(require_snappyjs(), 1);
async function fetchBundleFromURL(bundleURL, apiURL) {
  let url;
  try {
    url = new URL(bundleURL);
  } catch {
    throw new QprovError("GITHUB_API", "an attestation bundle_url is not a URL");
  }
  const scheme = url.protocol === "https:" || url.protocol === "http:" && apiURL.startsWith("http:");
  if (!scheme || url.username !== "" || url.password !== "")
    throw new QprovError(
      "GITHUB_API",
      `an attestation bundle_url is not a plain https URL (${url.origin})`
    );
  const what = `the attestation bundle at ${url.origin}${url.pathname}`;
  let bytes;
  try {
    const res = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(3e4) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const declared = Number(res.headers.get("content-length") ?? "0");
    if (declared > READ_LIMITS.bundle.maxBytes) throw new Error(`${declared} bytes is too large`);
    bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > READ_LIMITS.bundle.maxBytes) throw new Error("the body is too large");
  } catch (e) {
    throw new QprovError("GITHUB_API", `fetching ${what}: ${oneLine(e)}`, { cause: e });
  }
  try {
    const json = Buffer.from((0, import_snappyjs.uncompress)(bytes, READ_LIMITS.bundle.maxBytes)).toString("utf8");
    const bundle = JSON.parse(json);
    if (bundle === null || typeof bundle !== "object" || Array.isArray(bundle))
      throw new Error("not a JSON object");
    return bundle;
  } catch (e) {
    throw new QprovError("GITHUB_API", `${what} is not a snappy-compressed bundle: ${oneLine(e)}`, {
      cause: e
    });
  }
}

// src/github/attestation-store.ts
var ATTESTATIONS_API_VERSION = "2026-03-10";
var FALLBACK_API_VERSION = "2022-11-28";
function predicateTypeOf(bundle) {
  try {
    const env = bundle.dsseEnvelope;
    if (env?.payloadType !== "application/vnd.in-toto+json" || typeof env.payload !== "string")
      return void 0;
    const st = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8"));
    return typeof st.predicateType === "string" ? st.predicateType : void 0;
  } catch {
    return void 0;
  }
}
function versionRefused(e) {
  const f = httpFailure(e);
  return f.status === 400 && /version/i.test(f.message);
}
function octokitAttestationStore(octokit, ctx) {
  const repo = { owner: ctx.owner, repo: ctx.repo };
  let version = ATTESTATIONS_API_VERSION;
  async function versioned(call) {
    try {
      return await call({ "x-github-api-version": version });
    } catch (e) {
      if (version === FALLBACK_API_VERSION || !versionRefused(e)) throw e;
      version = FALLBACK_API_VERSION;
      return call({ "x-github-api-version": version });
    }
  }
  return {
    async store(bundle) {
      try {
        const res = await versioned(
          (headers) => octokit.rest.repos.createAttestation({ ...repo, bundle, headers })
        );
        const id = res.data.id;
        if (typeof id !== "number")
          throw new QprovError("PUBLISH_FAILED", "the attestations API returned no ID");
        return id;
      } catch (e) {
        throw githubError("storing the attestation", e, {
          code: "PUBLISH_FAILED",
          permission: "attestations: write"
        });
      }
    },
    async find(subjectDigest, predicateType) {
      if (!/^sha256:[0-9a-f]{64}$/.test(subjectDigest))
        throw new QprovError("INPUT_INVALID", `"${subjectDigest}" is not sha256:<64 hex>`);
      const found = [];
      try {
        let before;
        for (let page = 0; page < 10; page++) {
          const res = await versioned(
            (headers) => octokit.rest.repos.listAttestations({
              ...repo,
              subject_digest: subjectDigest,
              predicate_type: predicateType,
              per_page: 100,
              ...before ? { before } : {},
              headers
            })
          );
          for (const a of res.data.attestations ?? []) {
            const bundle = a.bundle ?? (a.bundle_url ? await fetchBundleFromURL(a.bundle_url, ctx.apiURL) : void 0);
            if (bundle && predicateTypeOf(bundle) === predicateType)
              found.push(bundle);
          }
          before = nextCursor(res.headers.link);
          if (!before) break;
        }
      } catch (e) {
        throw githubError(`fetching attestations for ${subjectDigest}`, e, {
          permission: "attestations: read"
        });
      }
      return found;
    }
  };
}
function nextCursor(link) {
  const next = link?.split(",").find((p) => /rel="next"/.test(p));
  const url = next && /<([^>]+)>/.exec(next)?.[1];
  return url ? new URL(url).searchParams.get("before") ?? void 0 : void 0;
}

export {
  octokitFor,
  httpFailure,
  githubError,
  octokitAttestationStore
};
