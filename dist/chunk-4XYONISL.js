import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  cleanText,
  cutText
} from "./chunk-4DXEKH5E.js";

// src/verify/estimator-values.ts
var MAX_LISTED_VALUES = 4096;
var MAX_VALUES = 1e6;
var MAX_DEPTH = 32;
function flatten(value, field) {
  if (typeof value === "number") return { shape: [], numbers: [value] };
  const shape = [];
  for (let v = value; Array.isArray(v); v = v[0]) {
    if (shape.length === MAX_DEPTH)
      return { problem: "too-large", detail: `${field} is nested deeper than ${MAX_DEPTH}` };
    shape.push(v.length);
  }
  const total = shape.reduce((a, b) => a * b, 1);
  if (total > MAX_VALUES)
    return { problem: "too-large", detail: `${field} has more than ${MAX_VALUES} values` };
  const numbers = [];
  const walk = (v, depth) => {
    if (depth === shape.length) {
      if (typeof v !== "number") return false;
      numbers.push(v);
      return true;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) return false;
    for (const item of v) if (!walk(item, depth + 1)) return false;
    return true;
  };
  if (!walk(value, 0))
    return { problem: "invalid-value", detail: `${field} is not a rectangular array of numbers` };
  return { shape, numbers };
}
var sameShape = (a, b) => a.length === b.length && a.every((n, i) => n === b[i]);
function position(i, shape) {
  const index = new Array(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d];
    index[d] = i % n;
    i = Math.floor(i / n);
  }
  return index;
}
function decodeEstimatorData(data) {
  const evs = flatten(data.evs, "evs");
  if ("problem" in evs) return evs;
  if (data.stds === void 0) return { problem: "unexpected-shape", detail: "stds is missing" };
  const stds = flatten(data.stds, "stds");
  if ("problem" in stds) return stds;
  if (!sameShape(evs.shape, stds.shape))
    return { problem: "unexpected-shape", detail: "stds and evs differ in shape" };
  const ensembleRaw = data.ensemble_standard_error ?? data.ensamble_standard_error;
  let ensemble;
  if (ensembleRaw !== void 0) {
    const e = flatten(ensembleRaw, "ensemble_standard_error");
    if ("problem" in e) return e;
    if (!sameShape(evs.shape, e.shape))
      return {
        problem: "unexpected-shape",
        detail: "ensemble_standard_error and evs differ in shape"
      };
    ensemble = e.numbers;
  }
  const listed = Math.min(evs.numbers.length, MAX_LISTED_VALUES);
  const values = [];
  for (let i = 0; i < listed; i++) {
    const value = {
      index: position(i, evs.shape),
      ev: evs.numbers[i],
      std: stds.numbers[i]
    };
    if (ensemble) value.ensembleError = ensemble[i];
    values.push(value);
  }
  return { shape: evs.shape, values, omitted: evs.numbers.length - listed };
}

// src/verify/register-counts.ts
var TOP_OUTCOMES = 64;
var MAX_NUM_BITS = 4096;
var MAX_SAMPLE_CHARS = 2 + MAX_NUM_BITS / 4 + 8;
var HEX = /^0x([0-9a-f]+)$/i;
var NIBBLE = Array.from({ length: 16 }, (_, i) => i.toString(2).padStart(4, "0"));
function normalHex(sample) {
  const m = HEX.exec(sample);
  if (!m) return void 0;
  const digits = m[1].toLowerCase().replace(/^0+/, "");
  return digits === "" ? "0" : digits;
}
function bitLength(hex) {
  if (hex === "0") return 0;
  return (hex.length - 1) * 4 + parseInt(hex[0], 16).toString(2).length;
}
function toBitstring(hex, numBits) {
  if (numBits === 0) return "";
  let bits = "";
  for (const d of hex) bits += NIBBLE[parseInt(d, 16)];
  return bits.slice(-numBits).padStart(numBits, "0");
}
var hexLess = (a, b) => a.length !== b.length ? a.length < b.length : a < b;
var ranksBefore = (a, b) => a.count !== b.count ? a.count > b.count : hexLess(a.hex, b.hex);
function topK(entries, k) {
  const heap = [];
  const worse = (i, j) => ranksBefore(heap[j], heap[i]);
  const swap = (i, j) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (const e of entries) {
    if (heap.length < k) {
      heap.push(e);
      for (let i = heap.length - 1; i > 0; ) {
        const p = i - 1 >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (ranksBefore(e, heap[0])) {
      heap[0] = e;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < heap.length && worse(l, w)) w = l;
        if (r < heap.length && worse(r, w)) w = r;
        if (w === i) break;
        swap(i, w);
        i = w;
      }
    }
  }
  return heap.sort((a, b) => ranksBefore(a, b) ? -1 : 1);
}
function countRegister(name, samples, numBits) {
  const raw = /* @__PURE__ */ new Map();
  for (const s of samples) {
    if (typeof s !== "string" || s.length > MAX_SAMPLE_CHARS)
      return { problem: "invalid-sample", detail: "a sample is not a hex string" };
    raw.set(s, (raw.get(s) ?? 0) + 1);
  }
  let canonical = true;
  const merged = /* @__PURE__ */ new Map();
  for (const [s, n] of raw) {
    const hex = normalHex(s);
    if (hex === void 0)
      return { problem: "invalid-sample", detail: "a sample is not a hex string" };
    if (bitLength(hex) > numBits)
      return { problem: "invalid-sample", detail: `a sample is wider than num_bits (${numBits})` };
    if (canonical && s[1] === "x" && s.length === hex.length + 2 && s.endsWith(hex)) continue;
    if (canonical) {
      canonical = false;
      for (const [k, m] of raw) {
        if (k === s) break;
        merged.set(k.slice(2), m);
      }
    }
    merged.set(hex, (merged.get(hex) ?? 0) + n);
  }
  const byValue = canonical ? raw : merged;
  const prefix = canonical ? 2 : 0;
  const entries = (function* () {
    for (const [key, count] of byValue) yield { hex: key.slice(prefix), count };
  })();
  return {
    name,
    numBits,
    shots: samples.length,
    distinct: byValue.size,
    top: topK(entries, TOP_OUTCOMES).map((e) => ({
      bitstring: toBitstring(e.hex, numBits),
      count: e.count
    }))
  };
}

// src/verify/results-decode.ts
var MAX_RESULTS_CHARS = 64 * 1024 * 1024;
var MAX_PUBS = 1e3;
var MAX_REGISTERS = 128;
var MAX_TOTAL_SAMPLES = 4e6;
var NAME_CHARS = 100;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var notDecoded = (reason, detail) => ({
  kind: "not-decoded",
  reason,
  detail
});
var isQiskitEncoded = (v) => isObject(v) && Object.hasOwn(v, "__type__");
var registerName = (key) => cutText(cleanText(key), NAME_CHARS);
function decodeSampler(data, budget) {
  const keys = Object.keys(data);
  if (keys.length > MAX_REGISTERS)
    return notDecoded("too-large", `more than ${MAX_REGISTERS} classical registers`);
  const registers = [];
  for (const key of keys) {
    const reg = data[key];
    const name = registerName(key);
    if (!isObject(reg) || !Array.isArray(reg.samples))
      return notDecoded("unexpected-shape", `register ${name} has no samples array`);
    const numBits = reg.num_bits;
    if (typeof numBits !== "number" || !Number.isInteger(numBits) || numBits < 0)
      return notDecoded("unexpected-shape", `register ${name} has no valid num_bits`);
    if (numBits > MAX_NUM_BITS)
      return notDecoded("too-large", `register ${name} has more than ${MAX_NUM_BITS} bits`);
    if (reg.samples.length > budget.samples)
      return notDecoded("too-large", `more than ${MAX_TOTAL_SAMPLES} samples in all`);
    budget.samples -= reg.samples.length;
    const counts = countRegister(name, reg.samples, numBits);
    if ("problem" in counts)
      return notDecoded("invalid-value", `register ${name}: ${counts.detail}`);
    registers.push(counts);
  }
  return { kind: "sampler", registers };
}
var looksEstimator = (data) => typeof data.evs === "number" || Array.isArray(data.evs);
function decodePub(pub, budget) {
  if (isQiskitEncoded(pub)) return notDecoded("qiskit-encoded", "a Qiskit-encoded PUB result");
  if (!isObject(pub) || !isObject(pub.data))
    return notDecoded("unexpected-shape", "a PUB result without a data object");
  if (isQiskitEncoded(pub.data)) return notDecoded("qiskit-encoded", "Qiskit-encoded PUB data");
  if (looksEstimator(pub.data)) {
    const est = decodeEstimatorData(pub.data);
    return "problem" in est ? notDecoded(est.problem, est.detail) : { kind: "estimator", ...est };
  }
  return decodeSampler(pub.data, budget);
}
function decodeResultsValue(doc) {
  if (isQiskitEncoded(doc))
    return notDecoded("qiskit-encoded", "Qiskit-encoded results (submitted with support_qiskit)");
  if (!isObject(doc) || !Array.isArray(doc.results))
    return notDecoded("unexpected-shape", "no results array");
  const budget = { samples: MAX_TOTAL_SAMPLES };
  const pubs = doc.results.slice(0, MAX_PUBS).map((pub, index) => ({ ...decodePub(pub, budget), index }));
  return { kind: "decoded", pubs, omittedPubs: Math.max(0, doc.results.length - MAX_PUBS) };
}
function decodeResults(text) {
  const size = typeof text === "string" ? text.length : text.byteLength;
  if (size > MAX_RESULTS_CHARS)
    return notDecoded("too-large", `results are larger than ${MAX_RESULTS_CHARS} characters`);
  let doc;
  try {
    doc = JSON.parse(typeof text === "string" ? text : new TextDecoder().decode(text));
  } catch {
    return notDecoded("not-json", "results are not JSON");
  }
  return decodeResultsValue(doc);
}

export {
  decodeResults
};
