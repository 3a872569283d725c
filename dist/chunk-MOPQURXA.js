import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  ATTESTATION_FILES,
  bindProofBundle,
  jobExistsError,
  jobRecord,
  readAttestationDir,
  refsOfAttestation,
  writeJobRecord
} from "./chunk-PXRCH4PE.js";
import {
  realSleep
} from "./chunk-ZR6I2UEQ.js";
import {
  OUTPUT_NAMES,
  attestWorkload
} from "./chunk-QODLDESX.js";
import {
  checkManifestClosure,
  checkPackageClosure
} from "./chunk-VZNLKQ4P.js";
import {
  planSigning,
  signingEndpoints
} from "./chunk-WXX5DDHP.js";
import {
  checkOutputDir
} from "./chunk-3FPLHB7U.js";
import {
  assertTagLimits,
  fitProvenanceTags,
  formatProvenanceTags,
  parseTags,
  requiredQprovTagCount
} from "./chunk-TWZN2JUN.js";
import {
  JOB_SPEC_FILE,
  MAX_SPEC_BYTES,
  sha256Hex
} from "./chunk-7W4FK6ST.js";
import {
  buildManifest
} from "./chunk-BG4X6T6Z.js";
import {
  require_ucs2length
} from "./chunk-5FAHOQUQ.js";
import {
  rekorTagRefs
} from "./chunk-WTSU7EZI.js";
import {
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  confinePath
} from "./chunk-67CPZEZ6.js";
import {
  jsonSyntaxProblem,
  readBoundedSync
} from "./chunk-SW4PFA3Z.js";
import {
  checkBackend
} from "./chunk-RCN3TL6S.js";
import {
  writeFileAtomic
} from "./chunk-V4VES5YC.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/binding/submit-workload.ts
import { existsSync } from "node:fs";
import { dirname as dirname2, join as join3 } from "node:path";

// src/runtime/job-spec.ts
import { statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

// src/runtime/job-spec-validator.ts
var J = (() => {
  const I = { exports: {} };
  I.exports = m, I.exports.default = m;
  const q = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://github.com/qprov/qprov/schemas/qprov.job.schema.json", title: "qprov job spec (qprov.job.json)", description: "A declarative Qiskit Runtime primitive job. Lives in the workload package, so the job that runs is the job that was attested.", type: "object", additionalProperties: false, required: ["version", "program", "backend", "pubs"], properties: { $schema: { type: "string" }, version: { const: 1 }, program: { enum: ["sampler", "estimator"] }, backend: { type: "string", pattern: "^[A-Za-z0-9_.-]{1,100}$" }, mode: { enum: ["job", "session", "batch"] }, max_execution_time: { type: "integer", minimum: 1, maximum: 10800 }, shots: { type: "integer", minimum: 1, maximum: 1e7 }, precision: { type: "number", exclusiveMinimum: 0 }, resilience_level: { type: "integer", minimum: 0, maximum: 2 }, options: { type: "object" }, tags: { type: "array", maxItems: 8, items: { type: "string", minLength: 1, maxLength: 86, pattern: "^[^\\r\\n]*$" } }, pubs: { type: "array", minItems: 1, maxItems: 1e3, items: { $ref: "#/definitions/pub" } } }, definitions: { circuit: { description: "Path of an OpenQASM 3 file, relative to the directory of qprov.job.json and inside it.", type: "string", minLength: 1, maxLength: 1e3, pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\]+\\.qasm$" }, parameterValues: { type: "array", maxItems: 1e5, items: { anyOf: [{ type: "number" }, { type: "array", items: { type: "number" } }] } }, observables: { anyOf: [{ $ref: "#/definitions/pauli" }, { type: "array", minItems: 1, items: { $ref: "#/definitions/pauli" } }, { type: "object", minProperties: 1, propertyNames: { $ref: "#/definitions/pauli" }, additionalProperties: { type: "number" } }] }, pauli: { type: "string", pattern: "^[IXYZ]{1,1000}$" }, pub: { type: "object", additionalProperties: false, required: ["circuit"], properties: { circuit: { $ref: "#/definitions/circuit" }, parameter_values: { $ref: "#/definitions/parameterValues" }, shots: { type: "integer", minimum: 1, maximum: 1e7 }, observables: { $ref: "#/definitions/observables" }, precision: { type: "number", exclusiveMinimum: 0 } } } } }, V = Object.prototype.hasOwnProperty, N = require_ucs2length().default, D = new RegExp("^[A-Za-z0-9_.-]{1,100}$", "u"), M = new RegExp("^[^\\r\\n]*$", "u"), E = { type: "object", additionalProperties: false, required: ["circuit"], properties: { circuit: { $ref: "#/definitions/circuit" }, parameter_values: { $ref: "#/definitions/parameterValues" }, shots: { type: "integer", minimum: 1, maximum: 1e7 }, observables: { $ref: "#/definitions/observables" }, precision: { type: "number", exclusiveMinimum: 0 } } }, R = { description: "Path of an OpenQASM 3 file, relative to the directory of qprov.job.json and inside it.", type: "string", minLength: 1, maxLength: 1e3, pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\]+\\.qasm$" }, z = { type: "array", maxItems: 1e5, items: { anyOf: [{ type: "number" }, { type: "array", items: { type: "number" } }] } }, X = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\]+\\.qasm$", "u"), S = { anyOf: [{ $ref: "#/definitions/pauli" }, { type: "array", minItems: 1, items: { $ref: "#/definitions/pauli" } }, { type: "object", minProperties: 1, propertyNames: { $ref: "#/definitions/pauli" }, additionalProperties: { type: "number" } }] }, Q = { type: "string", pattern: "^[IXYZ]{1,1000}$" }, A = new RegExp("^[IXYZ]{1,1000}$", "u");
  function x(t, { instancePath: a = "", parentData: L, parentDataProperty: Z, rootData: $ = t } = {}) {
    let r = null, e = 0;
    const n = e;
    let c = false;
    const b = e;
    if (e === e) if (typeof t == "string") {
      if (!A.test(t)) {
        const u = { instancePath: a, schemaPath: "#/definitions/pauli/pattern", keyword: "pattern", params: { pattern: "^[IXYZ]{1,1000}$" }, message: 'must match pattern "^[IXYZ]{1,1000}$"' };
        r === null ? r = [u] : r.push(u), e++;
      }
    } else {
      const u = { instancePath: a, schemaPath: "#/definitions/pauli/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      r === null ? r = [u] : r.push(u), e++;
    }
    var d = b === e;
    if (c = c || d, !c) {
      const u = e;
      if (e === u) if (Array.isArray(t)) if (t.length < 1) {
        const l = { instancePath: a, schemaPath: "#/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
        r === null ? r = [l] : r.push(l), e++;
      } else {
        var s = true;
        const l = t.length;
        for (let f = 0; f < l; f++) {
          let o = t[f];
          const w = e;
          if (e === e) if (typeof o == "string") {
            if (!A.test(o)) {
              const P = { instancePath: a + "/" + f, schemaPath: "#/definitions/pauli/pattern", keyword: "pattern", params: { pattern: "^[IXYZ]{1,1000}$" }, message: 'must match pattern "^[IXYZ]{1,1000}$"' };
              r === null ? r = [P] : r.push(P), e++;
            }
          } else {
            const P = { instancePath: a + "/" + f, schemaPath: "#/definitions/pauli/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            r === null ? r = [P] : r.push(P), e++;
          }
          var s = w === e;
          if (!s) break;
        }
      }
      else {
        const l = { instancePath: a, schemaPath: "#/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        r === null ? r = [l] : r.push(l), e++;
      }
      var d = u === e;
      if (c = c || d, !c) {
        const l = e;
        if (e === l) if (t && typeof t == "object" && !Array.isArray(t)) if (Object.keys(t).length < 1) {
          const o = { instancePath: a, schemaPath: "#/anyOf/2/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          r === null ? r = [o] : r.push(o), e++;
        } else {
          for (const o in t) {
            const w = e;
            if (e === e) if (typeof o == "string") {
              if (!A.test(o)) {
                const y = { instancePath: a, schemaPath: "#/definitions/pauli/pattern", keyword: "pattern", params: { pattern: "^[IXYZ]{1,1000}$" }, message: 'must match pattern "^[IXYZ]{1,1000}$"', propertyName: o };
                r === null ? r = [y] : r.push(y), e++;
              }
            } else {
              const y = { instancePath: a, schemaPath: "#/definitions/pauli/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: o };
              r === null ? r = [y] : r.push(y), e++;
            }
            var i = w === e;
            if (!i) {
              const y = { instancePath: a, schemaPath: "#/anyOf/2/propertyNames", keyword: "propertyNames", params: { propertyName: o }, message: "property name must be valid" };
              r === null ? r = [y] : r.push(y), e++;
              break;
            }
          }
          if (i) for (const o in t) {
            const w = e;
            if (typeof t[o] != "number") {
              const _ = { instancePath: a + "/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/anyOf/2/additionalProperties/type", keyword: "type", params: { type: "number" }, message: "must be number" };
              r === null ? r = [_] : r.push(_), e++;
            }
            var g = w === e;
            if (!g) break;
          }
        }
        else {
          const o = { instancePath: a, schemaPath: "#/anyOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          r === null ? r = [o] : r.push(o), e++;
        }
        var d = l === e;
        c = c || d;
      }
    }
    if (c) e = n, r !== null && (n ? r.length = n : r = null);
    else {
      const u = { instancePath: a, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
      return r === null ? r = [u] : r.push(u), e++, x.errors = r, false;
    }
    return x.errors = r, e === 0;
  }
  function p(t, { instancePath: a = "", parentData: L, parentDataProperty: Z, rootData: $ = t } = {}) {
    let r = null, e = 0;
    if (e === 0) if (t && typeof t == "object" && !Array.isArray(t)) {
      let d;
      if (t.circuit === void 0 && (d = "circuit")) return p.errors = [{ instancePath: a, schemaPath: "#/required", keyword: "required", params: { missingProperty: d }, message: "must have required property '" + d + "'" }], false;
      {
        const s = e;
        for (const i in t) if (!(i === "circuit" || i === "parameter_values" || i === "shots" || i === "observables" || i === "precision")) {
          return p.errors = [{ instancePath: a, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" }], false;
          break;
        }
        if (s === e) {
          if (t.circuit !== void 0) {
            let i = t.circuit;
            const g = e;
            if (e === e) if (typeof i == "string") {
              if (N(i) > 1e3) return p.errors = [{ instancePath: a + "/circuit", schemaPath: "#/definitions/circuit/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters" }], false;
              if (N(i) < 1) return p.errors = [{ instancePath: a + "/circuit", schemaPath: "#/definitions/circuit/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
              if (!X.test(i)) return p.errors = [{ instancePath: a + "/circuit", schemaPath: "#/definitions/circuit/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\]+\\.qasm$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\]+\\.qasm$"' }], false;
            } else return p.errors = [{ instancePath: a + "/circuit", schemaPath: "#/definitions/circuit/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
            var n = g === e;
          } else var n = true;
          if (n) {
            if (t.parameter_values !== void 0) {
              let i = t.parameter_values;
              const g = e;
              if (e === e) if (Array.isArray(i)) {
                if (i.length > 1e5) return p.errors = [{ instancePath: a + "/parameter_values", schemaPath: "#/definitions/parameterValues/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items" }], false;
                {
                  var c = true;
                  const l = i.length;
                  for (let f = 0; f < l; f++) {
                    let o = i[f];
                    const w = e, _ = e;
                    let y = false;
                    const P = e;
                    if (typeof o != "number") {
                      const k = { instancePath: a + "/parameter_values/" + f, schemaPath: "#/definitions/parameterValues/items/anyOf/0/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                      r === null ? r = [k] : r.push(k), e++;
                    }
                    var b = P === e;
                    if (y = y || b, !y) {
                      const k = e;
                      if (e === k) if (Array.isArray(o)) {
                        var v = true;
                        const O = o.length;
                        for (let j = 0; j < O; j++) {
                          const Y = e;
                          if (typeof o[j] != "number") {
                            const T = { instancePath: a + "/parameter_values/" + f + "/" + j, schemaPath: "#/definitions/parameterValues/items/anyOf/1/items/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                            r === null ? r = [T] : r.push(T), e++;
                          }
                          var v = Y === e;
                          if (!v) break;
                        }
                      } else {
                        const O = { instancePath: a + "/parameter_values/" + f, schemaPath: "#/definitions/parameterValues/items/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        r === null ? r = [O] : r.push(O), e++;
                      }
                      var b = k === e;
                      y = y || b;
                    }
                    if (y) e = _, r !== null && (_ ? r.length = _ : r = null);
                    else {
                      const k = { instancePath: a + "/parameter_values/" + f, schemaPath: "#/definitions/parameterValues/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                      return r === null ? r = [k] : r.push(k), e++, p.errors = r, false;
                    }
                    var c = w === e;
                    if (!c) break;
                  }
                }
              } else return p.errors = [{ instancePath: a + "/parameter_values", schemaPath: "#/definitions/parameterValues/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
              var n = g === e;
            } else var n = true;
            if (n) {
              if (t.shots !== void 0) {
                let i = t.shots;
                const g = e;
                if (!(typeof i == "number" && !(i % 1) && !isNaN(i))) return p.errors = [{ instancePath: a + "/shots", schemaPath: "#/properties/shots/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                if (e === g && typeof i == "number") {
                  if (i > 1e7 || isNaN(i)) return p.errors = [{ instancePath: a + "/shots", schemaPath: "#/properties/shots/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e7 }, message: "must be <= 10000000" }], false;
                  if (i < 1 || isNaN(i)) return p.errors = [{ instancePath: a + "/shots", schemaPath: "#/properties/shots/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }], false;
                }
                var n = g === e;
              } else var n = true;
              if (n) {
                if (t.observables !== void 0) {
                  const i = e;
                  x(t.observables, { instancePath: a + "/observables", parentData: t, parentDataProperty: "observables", rootData: $ }) || (r = r === null ? x.errors : r.concat(x.errors), e = r.length);
                  var n = i === e;
                } else var n = true;
                if (n) if (t.precision !== void 0) {
                  let i = t.precision;
                  const g = e;
                  if (e === g) if (typeof i == "number") {
                    if (i <= 0 || isNaN(i)) return p.errors = [{ instancePath: a + "/precision", schemaPath: "#/properties/precision/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" }], false;
                  } else return p.errors = [{ instancePath: a + "/precision", schemaPath: "#/properties/precision/type", keyword: "type", params: { type: "number" }, message: "must be number" }], false;
                  var n = g === e;
                } else var n = true;
              }
            }
          }
        }
      }
    } else return p.errors = [{ instancePath: a, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
    return p.errors = r, e === 0;
  }
  function m(t, { instancePath: a = "", parentData: L, parentDataProperty: Z, rootData: $ = t } = {}) {
    let r = null, e = 0;
    if (e === 0) if (t && typeof t == "object" && !Array.isArray(t)) {
      let v;
      if (t.version === void 0 && (v = "version") || t.program === void 0 && (v = "program") || t.backend === void 0 && (v = "backend") || t.pubs === void 0 && (v = "pubs")) return m.errors = [{ instancePath: a, schemaPath: "#/required", keyword: "required", params: { missingProperty: v }, message: "must have required property '" + v + "'" }], false;
      {
        const d = e;
        for (const s in t) if (!V.call(q.properties, s)) {
          return m.errors = [{ instancePath: a, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" }], false;
          break;
        }
        if (d === e) {
          if (t.$schema !== void 0) {
            const s = e;
            if (typeof t.$schema != "string") return m.errors = [{ instancePath: a + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
            var n = s === e;
          } else var n = true;
          if (n) {
            if (t.version !== void 0) {
              const s = e;
              if (t.version !== 1) return m.errors = [{ instancePath: a + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" }], false;
              var n = s === e;
            } else var n = true;
            if (n) {
              if (t.program !== void 0) {
                let s = t.program;
                const i = e;
                if (!(s === "sampler" || s === "estimator")) return m.errors = [{ instancePath: a + "/program", schemaPath: "#/properties/program/enum", keyword: "enum", params: { allowedValues: q.properties.program.enum }, message: "must be equal to one of the allowed values" }], false;
                var n = i === e;
              } else var n = true;
              if (n) {
                if (t.backend !== void 0) {
                  let s = t.backend;
                  const i = e;
                  if (e === i) if (typeof s == "string") {
                    if (!D.test(s)) return m.errors = [{ instancePath: a + "/backend", schemaPath: "#/properties/backend/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_.-]{1,100}$" }, message: 'must match pattern "^[A-Za-z0-9_.-]{1,100}$"' }], false;
                  } else return m.errors = [{ instancePath: a + "/backend", schemaPath: "#/properties/backend/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                  var n = i === e;
                } else var n = true;
                if (n) {
                  if (t.mode !== void 0) {
                    let s = t.mode;
                    const i = e;
                    if (!(s === "job" || s === "session" || s === "batch")) return m.errors = [{ instancePath: a + "/mode", schemaPath: "#/properties/mode/enum", keyword: "enum", params: { allowedValues: q.properties.mode.enum }, message: "must be equal to one of the allowed values" }], false;
                    var n = i === e;
                  } else var n = true;
                  if (n) {
                    if (t.max_execution_time !== void 0) {
                      let s = t.max_execution_time;
                      const i = e;
                      if (!(typeof s == "number" && !(s % 1) && !isNaN(s))) return m.errors = [{ instancePath: a + "/max_execution_time", schemaPath: "#/properties/max_execution_time/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                      if (e === i && typeof s == "number") {
                        if (s > 10800 || isNaN(s)) return m.errors = [{ instancePath: a + "/max_execution_time", schemaPath: "#/properties/max_execution_time/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10800 }, message: "must be <= 10800" }], false;
                        if (s < 1 || isNaN(s)) return m.errors = [{ instancePath: a + "/max_execution_time", schemaPath: "#/properties/max_execution_time/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }], false;
                      }
                      var n = i === e;
                    } else var n = true;
                    if (n) {
                      if (t.shots !== void 0) {
                        let s = t.shots;
                        const i = e;
                        if (!(typeof s == "number" && !(s % 1) && !isNaN(s))) return m.errors = [{ instancePath: a + "/shots", schemaPath: "#/properties/shots/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                        if (e === i && typeof s == "number") {
                          if (s > 1e7 || isNaN(s)) return m.errors = [{ instancePath: a + "/shots", schemaPath: "#/properties/shots/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e7 }, message: "must be <= 10000000" }], false;
                          if (s < 1 || isNaN(s)) return m.errors = [{ instancePath: a + "/shots", schemaPath: "#/properties/shots/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }], false;
                        }
                        var n = i === e;
                      } else var n = true;
                      if (n) {
                        if (t.precision !== void 0) {
                          let s = t.precision;
                          const i = e;
                          if (e === i) if (typeof s == "number") {
                            if (s <= 0 || isNaN(s)) return m.errors = [{ instancePath: a + "/precision", schemaPath: "#/properties/precision/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0" }], false;
                          } else return m.errors = [{ instancePath: a + "/precision", schemaPath: "#/properties/precision/type", keyword: "type", params: { type: "number" }, message: "must be number" }], false;
                          var n = i === e;
                        } else var n = true;
                        if (n) {
                          if (t.resilience_level !== void 0) {
                            let s = t.resilience_level;
                            const i = e;
                            if (!(typeof s == "number" && !(s % 1) && !isNaN(s))) return m.errors = [{ instancePath: a + "/resilience_level", schemaPath: "#/properties/resilience_level/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                            if (e === i && typeof s == "number") {
                              if (s > 2 || isNaN(s)) return m.errors = [{ instancePath: a + "/resilience_level", schemaPath: "#/properties/resilience_level/maximum", keyword: "maximum", params: { comparison: "<=", limit: 2 }, message: "must be <= 2" }], false;
                              if (s < 0 || isNaN(s)) return m.errors = [{ instancePath: a + "/resilience_level", schemaPath: "#/properties/resilience_level/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                            }
                            var n = i === e;
                          } else var n = true;
                          if (n) {
                            if (t.options !== void 0) {
                              let s = t.options;
                              const i = e;
                              if (!(s && typeof s == "object" && !Array.isArray(s))) return m.errors = [{ instancePath: a + "/options", schemaPath: "#/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                              var n = i === e;
                            } else var n = true;
                            if (n) {
                              if (t.tags !== void 0) {
                                let s = t.tags;
                                const i = e;
                                if (e === i) if (Array.isArray(s)) {
                                  if (s.length > 8) return m.errors = [{ instancePath: a + "/tags", schemaPath: "#/properties/tags/maxItems", keyword: "maxItems", params: { limit: 8 }, message: "must NOT have more than 8 items" }], false;
                                  {
                                    var c = true;
                                    const u = s.length;
                                    for (let h = 0; h < u; h++) {
                                      let l = s[h];
                                      const f = e;
                                      if (e === f) if (typeof l == "string") {
                                        if (N(l) > 86) return m.errors = [{ instancePath: a + "/tags/" + h, schemaPath: "#/properties/tags/items/maxLength", keyword: "maxLength", params: { limit: 86 }, message: "must NOT have more than 86 characters" }], false;
                                        if (N(l) < 1) return m.errors = [{ instancePath: a + "/tags/" + h, schemaPath: "#/properties/tags/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                                        if (!M.test(l)) return m.errors = [{ instancePath: a + "/tags/" + h, schemaPath: "#/properties/tags/items/pattern", keyword: "pattern", params: { pattern: "^[^\\r\\n]*$" }, message: 'must match pattern "^[^\\r\\n]*$"' }], false;
                                      } else return m.errors = [{ instancePath: a + "/tags/" + h, schemaPath: "#/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                      var c = f === e;
                                      if (!c) break;
                                    }
                                  }
                                } else return m.errors = [{ instancePath: a + "/tags", schemaPath: "#/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
                                var n = i === e;
                              } else var n = true;
                              if (n) if (t.pubs !== void 0) {
                                let s = t.pubs;
                                const i = e;
                                if (e === i) if (Array.isArray(s)) {
                                  if (s.length > 1e3) return m.errors = [{ instancePath: a + "/pubs", schemaPath: "#/properties/pubs/maxItems", keyword: "maxItems", params: { limit: 1e3 }, message: "must NOT have more than 1000 items" }], false;
                                  if (s.length < 1) return m.errors = [{ instancePath: a + "/pubs", schemaPath: "#/properties/pubs/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" }], false;
                                  {
                                    var b = true;
                                    const u = s.length;
                                    for (let h = 0; h < u; h++) {
                                      const l = e;
                                      p(s[h], { instancePath: a + "/pubs/" + h, parentData: s, parentDataProperty: h, rootData: $ }) || (r = r === null ? p.errors : r.concat(p.errors), e = r.length);
                                      var b = l === e;
                                      if (!b) break;
                                    }
                                  }
                                } else return m.errors = [{ instancePath: a + "/pubs", schemaPath: "#/properties/pubs/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
                                var n = i === e;
                              } else var n = true;
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else return m.errors = [{ instancePath: a, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
    return m.errors = r, e === 0;
  }
  return I.exports;
})();

// src/runtime/job-spec.ts
var MAX_CIRCUIT_BYTES = 2 * 1024 * 1024;
var MAX_BODY_BYTES = 16 * 1024 * 1024;
var COMMON_OPTIONS = [
  "dynamical_decoupling",
  "execution",
  "twirling",
  "simulator",
  "experimental"
];
var OPTION_KEYS = {
  sampler: /* @__PURE__ */ new Set([...COMMON_OPTIONS, "default_shots"]),
  estimator: /* @__PURE__ */ new Set([
    ...COMMON_OPTIONS,
    "default_shots",
    "resilience",
    "default_precision",
    "seed_estimator"
  ])
};
function specError(source, pointer, message) {
  return new QprovError("JOB_SPEC_INVALID", `${source}: ${pointer || "/"}: ${message}`, {
    details: { pointer: pointer || "/" }
  });
}
function describe(e) {
  if (e.keyword === "additionalProperties")
    return `unknown property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === "enum") return `must be one of ${JSON.stringify(e.params.allowedValues)}`;
  return e.message ?? "is invalid";
}
function validateJobSpec(value, source = JOB_SPEC_FILE) {
  if (!J(value)) {
    const e = J.errors?.[0];
    throw specError(source, e?.instancePath ?? "", e ? describe(e) : "is invalid");
  }
  const spec = value;
  const sampler = spec.program === "sampler";
  if (sampler && spec.precision !== void 0)
    throw specError(source, "/precision", "only an estimator job takes a precision");
  if (sampler && spec.resilience_level !== void 0)
    throw specError(source, "/resilience_level", "only an estimator job takes a resilience_level");
  if (!sampler && spec.shots !== void 0)
    throw specError(source, "/shots", "an estimator job takes precision, not shots");
  for (const key of Object.keys(spec.options ?? {}))
    if (!OPTION_KEYS[spec.program].has(key))
      throw specError(source, `/options/${key}`, `not an option of the ${spec.program} primitive`);
  spec.pubs.forEach((pub, i) => {
    const at = `/pubs/${i}`;
    if (sampler && pub.observables !== void 0)
      throw specError(source, `${at}/observables`, "a sampler PUB has no observables");
    if (sampler && pub.precision !== void 0)
      throw specError(source, `${at}/precision`, "a sampler PUB takes shots, not precision");
    if (!sampler && pub.observables === void 0)
      throw specError(source, at, "an estimator PUB needs observables");
    if (!sampler && pub.shots !== void 0)
      throw specError(source, `${at}/shots`, "an estimator PUB takes precision, not shots");
  });
  return spec;
}
function readBounded(path, max, what) {
  return readBoundedSync(path, { what, maxBytes: max }, { noFollow: true, allowPipe: false });
}
function exactText(bytes, what, path) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191)
    throw new QprovError(
      "JOB_SPEC_INVALID",
      `${what} ${path} starts with a byte order mark; save it as UTF-8 without BOM`
    );
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new QprovError("INPUT_INVALID", `${what} ${path} is not valid UTF-8`);
  }
}
function loadJobSpec(path, root = dirname(path)) {
  const confine = (p, what, code) => confinePath(root, p, { what, rootName: "the package root", code, mayBeMissing: true });
  const packagePath = confine(
    relative(resolve(root), resolve(path)),
    "job spec",
    "WORKLOAD_INVALID"
  ).relative;
  const bytes = readBounded(path, MAX_SPEC_BYTES, "job spec");
  const text = exactText(bytes, "job spec", path);
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new QprovError("JOB_SPEC_INVALID", `job spec ${path} ${jsonSyntaxProblem(text, e)}`);
  }
  const spec = validateJobSpec(raw, path);
  const dir = resolve(dirname(path));
  const circuits = /* @__PURE__ */ new Map();
  const circuitDigests = /* @__PURE__ */ new Map();
  spec.pubs.forEach((pub, i) => {
    if (circuits.has(pub.circuit)) return;
    const file = resolve(dir, pub.circuit);
    if (!file.startsWith(dir + sep))
      throw specError(path, `/pubs/${i}/circuit`, "must stay inside the job spec directory");
    const what = `circuit of PUB ${i}`;
    const inPackage = confine(relative(resolve(root), file), what, "JOB_SPEC_INVALID").relative;
    const circuitBytes = readBounded(file, MAX_CIRCUIT_BYTES, what);
    const qasm = exactText(circuitBytes, what, file);
    if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*OPENQASM\s+3(\.\d+)?\s*;/.test(qasm))
      throw specError(path, `/pubs/${i}/circuit`, `${pub.circuit} is not an OpenQASM 3 program`);
    circuits.set(pub.circuit, qasm);
    circuitDigests.set(inPackage, sha256Hex(circuitBytes));
  });
  return { path, spec, circuits, packagePath, bytes, circuitDigests };
}
function findJobSpec(workload, cwd) {
  const found = [];
  for (const p of workload) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      continue;
    }
    if (!st.isDirectory() && basename(abs) === JOB_SPEC_FILE) found.push(abs);
    else if (st.isDirectory()) {
      try {
        if (!statSync(join(abs, JOB_SPEC_FILE)).isDirectory()) found.push(join(abs, JOB_SPEC_FILE));
      } catch {
      }
    }
  }
  const unique = [...new Set(found)];
  if (unique.length === 0)
    throw new QprovError(
      "JOB_SPEC_INVALID",
      `no ${JOB_SPEC_FILE} in the workload (${workload.join(", ")}); give its directory or the file itself`
    );
  if (unique.length > 1)
    throw new QprovError("JOB_SPEC_INVALID", `more than one ${JOB_SPEC_FILE}: ${unique.join(", ")}`);
  return unique[0];
}
function trimNulls(pub) {
  while (pub.length > 1 && pub[pub.length - 1] === null) pub.pop();
  return pub;
}
function renderJobBody(loaded, o = {}) {
  const { spec, circuits } = loaded;
  const qasm = (p) => circuits.get(p.circuit);
  const pubs = spec.pubs.map(
    (p) => spec.program === "sampler" ? trimNulls([qasm(p), p.parameter_values ?? null, p.shots ?? null]) : trimNulls([qasm(p), p.observables, p.parameter_values ?? null, p.precision ?? null])
  );
  const params = { pubs, version: 2 };
  if (spec.options !== void 0) params.options = spec.options;
  if (spec.shots !== void 0) params.shots = spec.shots;
  if (spec.precision !== void 0) params.precision = spec.precision;
  if (spec.resilience_level !== void 0) params.resilience_level = spec.resilience_level;
  const body = {
    program_id: spec.program,
    backend: o.backend ?? spec.backend,
    params
  };
  const tags = o.tags ?? spec.tags;
  if (tags !== void 0 && tags.length > 0) body.tags = tags;
  if (o.sessionId !== void 0) body.session_id = o.sessionId;
  if (spec.max_execution_time !== void 0) body.cost = spec.max_execution_time;
  const size = Buffer.byteLength(JSON.stringify(body));
  if (size > MAX_BODY_BYTES)
    throw new QprovError(
      "INPUT_TOO_LARGE",
      `the rendered job is ${size} bytes (at most ${MAX_BODY_BYTES}); split it into several jobs`
    );
  return body;
}

// src/runtime/submit.ts
function lostAnswer(e) {
  return e instanceof QprovError && (e.code === "RUNTIME_NETWORK" || e.code === "RUNTIME_TIMEOUT" || e.code === "RUNTIME_BAD_RESPONSE");
}
function findByTagAdvice(tag) {
  return `search for the job tagged ${tag} in the IBM Quantum Platform job list, or GET /api/v1/jobs?tags=${encodeURIComponent(tag)}`;
}
async function listQuietly(api, tag) {
  try {
    return await api.listAllJobs([tag]);
  } catch {
    return void 0;
  }
}
async function createOrRecover(api, plan, body) {
  const known = plan.recoveryTag ? new Set((await api.listAllJobs([plan.recoveryTag])).map((j) => j.id)) : void 0;
  try {
    return { ...await api.createJob(body), recovered: false };
  } catch (e) {
    if (!lostAnswer(e)) throw e;
    if (!plan.recoveryTag || !known)
      throw new QprovError(
        e.code,
        `${e.message}; the job may have been created (look for it in the IBM Quantum Platform job list before submitting again)`,
        { cause: e, details: e.details }
      );
    const tag = plan.recoveryTag;
    const attempts = plan.recovery?.attempts ?? 4;
    const sleep = plan.recovery?.sleep ?? realSleep;
    let fresh = [];
    for (let i = 0; i < attempts && fresh.length === 0; i++) {
      if (i > 0) await sleep(plan.recovery?.delayMs ?? 2e3);
      fresh = (await listQuietly(api, tag) ?? []).filter((j2) => !known.has(j2.id));
    }
    if (fresh.length === 0)
      throw new QprovError(
        e.code,
        `${e.message}; the job may still have been created but was not found after ${attempts} searches: ${findByTagAdvice(tag)}`,
        { cause: e, details: { ...e.details, recoveryTag: tag } }
      );
    if (fresh.length > 1)
      throw new QprovError(
        "RUNTIME_BAD_RESPONSE",
        `the create answer was lost and ${fresh.length} new jobs carry ${tag}: ${fresh.map((j2) => j2.id).join(", ")}`,
        { details: { jobIds: fresh.map((j2) => j2.id), recoveryTag: tag } }
      );
    const j = fresh[0];
    return {
      id: j.id,
      backend: j.backend ?? body.backend,
      session_id: j.session_id,
      recovered: true
    };
  }
}
async function submitJob(api, plan, hooks = {}) {
  let sessionId;
  if (plan.mode === "session" || plan.mode === "batch") {
    const mode = plan.mode === "session" ? "dedicated" : "batch";
    sessionId = (await api.createSession({ mode, backend: plan.body.backend })).id;
    hooks.onProgress?.(`opened ${plan.mode} ${sessionId}`);
  }
  const body = sessionId ? { ...plan.body, session_id: sessionId } : plan.body;
  let created;
  try {
    created = await createOrRecover(api, plan, body);
  } catch (e) {
    if (sessionId)
      await api.closeSession(sessionId, { cancel: true }).catch(() => {
        hooks.onWarning?.(`could not cancel the unused ${plan.mode} ${sessionId}`);
      });
    throw e;
  }
  const jobId = created.id;
  hooks.onJobId?.(jobId, sessionId);
  if (created.recovered)
    hooks.onWarning?.(`the create answer was lost; found job ${jobId} by its tag`);
  let tags;
  let createdAt;
  try {
    const job = await api.getJob(jobId);
    tags = job.tags;
    createdAt = job.created;
    const missing = (body.tags ?? []).filter((t) => !tags.includes(t));
    if (missing.length > 0)
      throw new QprovError(
        "RUNTIME_TAGS_REJECTED",
        `the service dropped tags: ${missing.join(", ")}`,
        { details: { missing } }
      );
  } catch (e) {
    const q = e instanceof QprovError ? e : new QprovError("INTERNAL", String(e));
    throw new QprovError(
      q.code,
      `job ${jobId} was created, but reading back its tags failed: ${q.message}`,
      {
        cause: e,
        details: { ...q.details, jobId, sessionId }
      }
    );
  }
  if (sessionId) {
    await api.closeSession(sessionId).catch((e) => {
      hooks.onWarning?.(`could not close ${plan.mode} ${sessionId}: ${e.message}`);
    });
  }
  return {
    jobId,
    sessionId,
    backend: created.backend,
    tags,
    recovered: created.recovered,
    ...createdAt ? { created: createdAt } : {}
  };
}

// src/runtime/qasm-lexer.ts
var OPS = /* @__PURE__ */ new Set([
  "**",
  "->",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "<<",
  ">>",
  "++",
  "+=",
  "-=",
  "*=",
  "/="
]);
var SINGLE = /^[-+*/%=<>!~&|^()[\]{};,:@?.]$/;
function tokenize(src) {
  const out = [];
  let i = 0;
  let line = 1;
  const fail = (msg) => {
    throw new QprovError("TARGET_MISMATCH", `line ${line}: ${msg}`);
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith("//", i)) while (i < src.length && src[i] !== "\n") i++;
    else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) fail("unterminated comment");
      for (const ch of src.slice(i, end)) if (ch === "\n") line++;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0 || src.slice(i, end).includes("\n")) fail("unterminated string");
      out.push({ kind: "str", text: src.slice(i + 1, end), line });
      i = end + 1;
    } else if (c === "$") {
      const m = /^\$(\d+)/.exec(src.slice(i, i + 12)) ?? fail("'$' must be followed by a qubit number");
      out.push({ kind: "hw", text: m[1], line });
      i += m[0].length;
    } else if (/[0-9]/.test(c) || c === "." && /[0-9]/.test(src[i + 1] ?? "")) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?(dt|ns|us|µs|ms|s|im)?/.exec(src.slice(i, i + 64));
      if (!m) fail(`bad number at '${src.slice(i, i + 8)}'`);
      out.push({ kind: "num", text: m[0], line });
      i += m[0].length;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(src.slice(i, i + 256));
      out.push({ kind: "id", text: m[0], line });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      const op = OPS.has(two) ? two : c;
      if (op.length === 1 && !SINGLE.test(op)) fail(`unexpected character '${c}'`);
      out.push({ kind: "op", text: op, line });
      i += op.length;
    }
  }
  out.push({ kind: "eof", text: "", line });
  return out;
}

// src/runtime/qasm-reader.ts
function formatOperand(o) {
  if ("physical" in o) return `$${o.physical}`;
  return o.index === void 0 ? o.register : `${o.register}[${o.index}]`;
}
var ASSIGN = /* @__PURE__ */ new Set(["=", "+=", "-=", "*=", "/="]);
var TokenReader = class {
  constructor(t) {
    this.t = t;
  }
  t;
  pos = 0;
  peek(ahead = 0) {
    return this.t[Math.min(this.pos + ahead, this.t.length - 1)];
  }
  next() {
    return this.t[Math.min(this.pos++, this.t.length - 1)];
  }
  is(text, ahead = 0) {
    const k = this.peek(ahead);
    return k.kind !== "str" && k.text === text;
  }
  fail(msg, tok = this.peek()) {
    throw new QprovError("TARGET_MISMATCH", `line ${tok.line}: ${msg.replace(/\s+/g, " ")}`);
  }
  expect(text) {
    if (!this.is(text))
      this.fail(`expected '${text}', found '${this.peek().text || "end of file"}'`);
    return this.next();
  }
  ident() {
    const k = this.next();
    if (k.kind !== "id") this.fail(`expected a name, found '${k.text || "end of file"}'`, k);
    return k.text;
  }
  balanced(open, close) {
    this.expect(open);
    let depth = 1;
    const inside = [];
    for (; ; ) {
      const k = this.next();
      if (k.kind === "eof") this.fail(`unbalanced '${open}'`, k);
      if (k.kind === "op" && k.text === open) depth++;
      if (k.kind === "op" && k.text === close && --depth === 0) return inside;
      inside.push(k);
    }
  }
  /** One expression's tokens: up to a ',' or closer at bracket depth 0. */
  expression() {
    let depth = 0;
    const out = [];
    for (; ; ) {
      const k = this.peek();
      if (k.kind === "eof") this.fail("unexpected end of file in an expression", k);
      if (k.kind === "op" && depth === 0 && [",", ")", "]", ";", "}"].includes(k.text)) break;
      if (k.kind === "op" && ["(", "[", "{"].includes(k.text)) depth++;
      if (k.kind === "op" && [")", "]", "}"].includes(k.text)) depth--;
      out.push(this.next());
    }
    if (out.length === 0) this.fail(`expected an expression, found '${this.peek().text}'`);
    return out;
  }
  size() {
    const k = this.next();
    if (k.kind !== "num" || !/^\d+$/.test(k.text))
      this.fail("a register size must be an integer", k);
    this.expect("]");
    return Number(k.text);
  }
  operand() {
    const k = this.peek();
    if (k.kind === "hw") {
      this.next();
      return { physical: Number(k.text) };
    }
    const register = this.ident();
    if (!this.is("[")) return { register };
    const index = this.balanced("[", "]");
    return { register, index: index.map((x) => x.kind === "hw" ? `$${x.text}` : x.text).join("") };
  }
  operands() {
    const out = [];
    if (this.is(";")) return out;
    out.push(this.operand());
    while (this.is(",")) {
      this.next();
      out.push(this.operand());
    }
    return out;
  }
  parameters() {
    this.expect("(");
    const params = [];
    while (!this.is(")")) {
      params.push(this.expression());
      if (this.is(",")) this.next();
      else if (!this.is(")")) this.fail(`expected ',' or ')', found '${this.peek().text}'`);
    }
    this.next();
    return params;
  }
  /** `c[0] = …` rather than a gate applied to `c[0]`: look past the brackets for '='. */
  assignsAfterIndex() {
    if (!this.is("[", 1)) return false;
    let depth = 0;
    for (let i = 1; ; i++) {
      const k = this.peek(i);
      if (k.kind === "eof") return false;
      if (k.text === "[") depth++;
      if (k.text === "]" && --depth === 0) return ASSIGN.has(this.peek(i + 1).text);
    }
  }
  /** `name $0`, `name q[0]` or `name(…) $0`: an instruction call, not a classical expression. */
  isCall() {
    let i = 1;
    if (this.is("(", 1)) {
      let depth = 0;
      for (; ; i++) {
        const k = this.peek(i);
        if (k.kind === "eof") return false;
        if (k.text === "(") depth++;
        if (k.text === ")" && --depth === 0) break;
      }
      i++;
    }
    const after = this.peek(i);
    return after.kind === "hw" || after.kind === "id";
  }
};

// src/runtime/qasm.ts
var CONTROL = {
  if: "if_else",
  for: "for_loop",
  while: "while_loop",
  switch: "switch_case",
  box: "box"
};
var MODIFIERS = /* @__PURE__ */ new Set(["ctrl", "negctrl", "inv", "pow"]);
var CLASSICAL = /* @__PURE__ */ new Set(["input", "output", "const", "float", "angle", "int", "uint", "bool"]);
for (const t of ["complex", "duration", "stretch", "array"]) CLASSICAL.add(t);
var Parser = class extends TokenReader {
  depth = 0;
  circuit = {
    instructions: [],
    qubitRegisters: [],
    bitRegisters: [],
    definedGates: [],
    inputs: []
  };
  program() {
    if (this.is("OPENQASM")) {
      this.next();
      const v = this.next();
      if (v.kind !== "num" || !/^3(\.\d+)?$/.test(v.text))
        this.fail("only OpenQASM 3 is supported", v);
      this.expect(";");
    }
    while (this.peek().kind !== "eof") this.statement();
    return this.circuit;
  }
  push(kind, name, line, operands = [], params = [], modifiers = []) {
    const nested = this.depth > 0;
    this.circuit.instructions.push({ kind, name, operands, params, modifiers, line, nested });
  }
  block() {
    this.depth++;
    if (!this.is("{")) this.statement();
    else {
      this.next();
      while (!this.is("}")) {
        if (this.peek().kind === "eof") this.fail("missing '}'");
        this.statement();
      }
      this.next();
    }
    this.depth--;
  }
  statement() {
    const k = this.peek();
    const word = k.kind === "id" ? k.text : "";
    if (k.kind === "op" && k.text === ";") return void this.next();
    if (k.kind === "op" && k.text === "@") {
      while (this.peek().line === k.line && this.peek().kind !== "eof") this.next();
      return;
    }
    if (word === "include") {
      this.next();
      if (this.next().kind !== "str") this.fail("include needs a file name", k);
      return void this.expect(";");
    }
    if (word === "qubit" || word === "bit") return this.declaration(word);
    if (word === "qreg" || word === "creg") {
      this.next();
      const name = this.ident();
      const size = this.is("[") ? (this.next(), this.size()) : 1;
      if (word === "qreg") this.circuit.qubitRegisters.push({ name, size, line: k.line });
      else this.circuit.bitRegisters.push({ name, size });
      return void this.expect(";");
    }
    if (word === "let") return this.alias();
    if (CLASSICAL.has(word)) return this.classical(word);
    if (word === "gate" || word === "def") {
      this.next();
      this.circuit.definedGates.push(this.ident());
      while (!this.is("{")) {
        if (this.peek().kind === "eof") this.fail("missing '{' after a gate definition", k);
        this.next();
      }
      this.balanced("{", "}");
      return;
    }
    if (word in CONTROL) return this.controlFlow(word);
    if (word === "break" || word === "continue") {
      this.next();
      this.push(word === "break" ? "break_loop" : "continue_loop", `${word}_loop`, k.line);
      return void this.expect(";");
    }
    if (word === "barrier" || word === "reset") {
      this.next();
      this.push(word, word, k.line, this.operands());
      if (word === "reset" && this.circuit.instructions.at(-1).operands.length === 0)
        this.fail("reset needs a qubit", k);
      return void this.expect(";");
    }
    if (word === "delay") {
      this.next();
      const duration = this.balanced("[", "]");
      this.push("delay", "delay", k.line, this.operands(), [duration]);
      return void this.expect(";");
    }
    if (word === "measure") {
      this.next();
      this.push("measure", "measure", k.line, [this.operand()]);
      if (this.is("->")) {
        this.next();
        this.operand();
      }
      return void this.expect(";");
    }
    if (k.kind === "id" && (ASSIGN.has(this.peek(1).text) || this.assignsAfterIndex()))
      return this.assignment();
    return this.gateCall();
  }
  classical(word) {
    const names2 = [];
    while (!this.is(";") && !this.is("=")) {
      const k = this.next();
      if (k.kind === "eof") this.fail("missing ';'");
      if (k.kind === "id") names2.push(k.text);
    }
    if (word === "input" && names2.length > 1) this.circuit.inputs.push(names2.at(-1));
    while (!this.is(";")) {
      if (this.peek().kind === "eof") this.fail("missing ';'");
      this.next();
    }
    this.next();
  }
  /** `let name = {a, b[1]};`: an alias; of bits in what Qiskit writes for overlapping registers. */
  alias() {
    this.next();
    const name = this.ident();
    this.expect("=");
    const items = this.is("{") ? this.balanced("{", "}") : this.expression();
    const bits = new Map(this.circuit.bitRegisters.map((r) => [r.name, r.size]));
    let size = 0;
    for (const [i, x] of items.entries()) {
      if (x.kind !== "id" || i > 0 && items[i - 1].text !== ",") continue;
      const whole = bits.get(x.text);
      if (whole === void 0) return void this.expect(";");
      size += items[i + 1]?.text === "[" ? 1 : whole;
    }
    if (size > 0) this.circuit.bitRegisters.push({ name, size, alias: true });
    this.expect(";");
  }
  controlFlow(word) {
    const k = this.next();
    const kind = CONTROL[word];
    if (word === "for") {
      while (!this.is("in")) {
        if (this.peek().kind === "eof" || this.is("{")) this.fail("a for loop needs 'in'", k);
        this.next();
      }
      this.next();
      if (this.is("[")) this.balanced("[", "]");
      else if (this.is("{")) this.balanced("{", "}");
      else this.ident();
    } else if (word === "box") {
      if (this.is("[")) this.balanced("[", "]");
    } else this.balanced("(", ")");
    this.push(kind, kind, k.line);
    if (word === "switch") return this.switchBody();
    this.block();
    if (word === "if" && this.is("else")) {
      this.next();
      this.block();
    }
  }
  /** Both syntaxes: `case 0 { … }` and the preview `case 0: { … } break;` with fall-through labels. */
  switchBody() {
    this.expect("{");
    while (!this.is("}")) {
      const at = this.peek();
      const label = this.ident();
      if (label === "break") {
        this.expect(";");
        continue;
      }
      if (label !== "case" && label !== "default")
        this.fail(`expected 'case' or 'default', found '${label}'`, at);
      if (label === "case")
        while (!this.is(":") && !this.is("{")) {
          if (this.peek().kind === "eof") this.fail("missing '{' after case", at);
          this.next();
        }
      if (this.is(":")) {
        this.next();
        if (this.is("case") || this.is("default")) continue;
      }
      this.block();
    }
    this.next();
  }
  assignment() {
    this.operand();
    this.next();
    this.assignedValue();
    this.expect(";");
  }
  /** The right-hand side of `bit = …`: a measurement, a call such as `measure_2 $0`, or classical. */
  assignedValue() {
    const k = this.peek();
    if (k.kind === "id" && k.text === "measure") {
      this.next();
      return this.push("measure", "measure", k.line, [this.operand()]);
    }
    if (k.kind === "id" && this.isCall()) {
      this.next();
      const params = this.is("(") ? this.parameters() : [];
      return this.push("call", k.text, k.line, [this.operand()], params);
    }
    this.expression();
  }
  declaration(word) {
    const k = this.next();
    const size = this.is("[") ? (this.next(), this.size()) : 1;
    const name = this.ident();
    if (word === "qubit") this.circuit.qubitRegisters.push({ name, size, line: k.line });
    else this.circuit.bitRegisters.push({ name, size });
    if (word === "bit" && this.is("=")) {
      this.next();
      this.assignedValue();
    }
    this.expect(";");
  }
  gateCall() {
    const start = this.peek();
    const modifiers = [];
    while (this.peek().kind === "id" && MODIFIERS.has(this.peek().text)) {
      modifiers.push(this.next().text);
      if (this.is("(")) this.balanced("(", ")");
      this.expect("@");
    }
    const name = this.ident();
    const params = this.is("(") ? this.parameters() : [];
    if (this.is("[")) this.balanced("[", "]");
    const operands = this.operands();
    if (operands.length === 0) this.fail(`gate '${name}' is applied to no qubit`, start);
    this.push("gate", name, start.line, operands, params, modifiers);
    this.expect(";");
  }
};
function parseQasm(source) {
  return new Parser(tokenize(source)).program();
}
function isDynamic(c) {
  return c.instructions.some((i) => i.kind in CONTROL_KINDS);
}
var CONTROL_KINDS = Object.fromEntries(Object.values(CONTROL).map((k) => [k, true]));

// src/runtime/backend-health.ts
function bad(backend, msg) {
  return new QprovError("RUNTIME_BAD_RESPONSE", `the properties of ${backend}: ${msg}`);
}
function notOperational(backend, nduvs) {
  if (!Array.isArray(nduvs)) throw bad(backend, "a property list is not a list");
  const op = nduvs.find((p) => p?.name === "operational");
  if (op === void 0) return false;
  if (typeof op.value !== "number" && typeof op.value !== "boolean")
    throw bad(backend, "an 'operational' value is not a number");
  return !op.value;
}
function faultyParts(backend, p) {
  if (!Array.isArray(p.qubits) || !Array.isArray(p.gates))
    throw bad(backend, "qubits or gates is missing");
  const qubits = /* @__PURE__ */ new Set();
  p.qubits.forEach((q, i) => {
    if (notOperational(backend, q)) qubits.add(i);
  });
  const edges = /* @__PURE__ */ new Set();
  for (const g of p.gates) {
    const on = g?.qubits;
    if (!Array.isArray(on) || !on.every((q) => Number.isInteger(q)))
      throw bad(backend, "a gate entry has no qubit list");
    if (on.length > 1 && notOperational(backend, g.parameters)) edges.add(on.join(","));
  }
  const updated = typeof p.last_update_date === "string" ? p.last_update_date : void 0;
  return { ...updated ? { updated } : {}, qubits, edges };
}
function faultyProblems(c, f, backend) {
  const when = f.updated ? ` (properties of ${f.updated})` : "";
  const out = [];
  for (const ins of c.instructions) {
    if (ins.kind === "barrier") continue;
    const on = ins.operands.flatMap((o) => "physical" in o ? [o.physical] : []);
    const where = ins.operands.map(formatOperand).join(", ");
    const q = on.find((x) => f.qubits.has(x));
    if (q !== void 0)
      out.push(`line ${ins.line}: ${ins.name} ${where}: qubit $${q} is faulty on ${backend}${when}`);
    else if (on.length === 2 && f.edges.has(on.join(",")))
      out.push(
        `line ${ins.line}: ${ins.name} ${where}: edge (${on.join(", ")}) is faulty on ${backend}${when}`
      );
  }
  return out;
}
function statusWarning(backend, s) {
  const status = typeof s.status === "string" ? s.status : "unknown";
  const message = typeof s.message === "string" && s.message ? `: ${s.message}` : "";
  if (s.state !== true)
    return `${backend} is not operational (status ${status}${message}); the job would wait in its queue`;
  if (status !== "active")
    return `${backend} accepts jobs but is not running them (status ${status}${message})`;
  return void 0;
}
function usageWarning(u) {
  if (u.usage_limit_reached !== true) return void 0;
  const limit = typeof u.usage_limit_seconds === "number" ? u.usage_limit_seconds : void 0;
  const used = typeof u.usage_consumed_seconds === "number" ? u.usage_consumed_seconds : 0;
  if (limit !== void 0 && limit - used <= 0)
    return "this instance has met its usage limit: workloads will not run until time is made available";
  return "there is no more time available for this instance's plan: workloads will not run until time is made available";
}

// src/runtime/backend-target.ts
var CONTROL_FLOW = ["if_else", "while_loop", "for_loop", "switch_case", "box"];
var NON_UNITARY = ["measure", "reset", "delay"];
var VIRTUAL_Z = /* @__PURE__ */ new Set(["rz", "p", "u1"]);
function bad2(backend, msg) {
  return new QprovError(
    "RUNTIME_BAD_RESPONSE",
    `the configuration of ${backend} cannot be used for the target check: ${msg}`
  );
}
var isPairList = (v) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.every((q) => Number.isInteger(q) && q >= 0));
var isNames = (v) => Array.isArray(v) && v.every((g) => typeof g === "string");
function signaturesOf(backend, raw) {
  const out = /* @__PURE__ */ new Map();
  if (raw === void 0 || raw === null) return out;
  if (!Array.isArray(raw)) throw bad2(backend, "instruction_signatures is not a list");
  for (const s of raw) {
    const counts = [s?.num_qubits, s?.num_clbits];
    if (typeof s?.name !== "string" || !counts.every((n) => Number.isInteger(n) && n >= 0))
      throw bad2(backend, "an instruction signature lacks name, num_qubits or num_clbits");
    const params = s.parameters ?? [];
    if (!isNames(params)) throw bad2(backend, `the parameters of ${s.name} are not names`);
    out.set(s.name, {
      qubits: s.num_qubits,
      clbits: s.num_clbits,
      params: params.length
    });
  }
  return out;
}
function parseBackendConfiguration(backend, c) {
  if (c.backend_name !== backend)
    throw bad2(backend, `it names backend ${JSON.stringify(c.backend_name)}`);
  if (!Number.isInteger(c.n_qubits) || c.n_qubits < 1)
    throw bad2(backend, "n_qubits is missing");
  if (!isNames(c.basis_gates) || c.basis_gates.length === 0)
    throw bad2(backend, "basis_gates is missing");
  const basisGates = [...c.basis_gates].sort();
  const listed = c.supported_instructions ?? NON_UNITARY;
  if (!isNames(listed)) throw bad2(backend, "supported_instructions is not a list of names");
  const instructions = /* @__PURE__ */ new Set([...basisGates, ...listed.filter((n) => NON_UNITARY.includes(n))]);
  const controlFlow = new Set(listed.filter((n) => CONTROL_FLOW.includes(n)));
  const listedOnly = new Set(listed.filter((n) => !instructions.has(n) && !controlFlow.has(n)));
  const couplings = /* @__PURE__ */ new Map();
  const params = /* @__PURE__ */ new Map();
  for (const g of Array.isArray(c.gates) ? c.gates : []) {
    if (typeof g?.name !== "string") continue;
    if (Array.isArray(g.parameters)) params.set(g.name, g.parameters.length);
    if (isPairList(g.coupling_map) && g.coupling_map.some((p) => p.length === 2))
      couplings.set(g.name, new Set(g.coupling_map.map((p) => p.join(","))));
  }
  if (c.coupling_map !== void 0 && c.coupling_map !== null) {
    if (!isPairList(c.coupling_map)) throw bad2(backend, "coupling_map is not a list of pairs");
    couplings.set("*", new Set(c.coupling_map.map((p) => p.join(","))));
  } else if (c.simulator !== true) throw bad2(backend, "coupling_map is missing");
  const signatures = signaturesOf(backend, c.instruction_signatures);
  const fractional = basisGates.filter(
    (g) => !VIRTUAL_Z.has(g) && ((params.get(g) ?? 0) > 0 || g === "rx" || g === "rzz")
  );
  return {
    name: backend,
    nQubits: c.n_qubits,
    basisGates,
    instructions,
    listedOnly,
    controlFlow,
    signatures,
    couplings,
    params,
    fractional,
    simulator: c.simulator === true,
    ...typeof c.backend_version === "string" ? { version: c.backend_version } : {}
  };
}

// src/runtime/qasm-expr.ts
var CONSTANTS = {
  pi: Math.PI,
  \u03C0: Math.PI,
  tau: 2 * Math.PI,
  \u03C4: 2 * Math.PI,
  euler: Math.E,
  \u2107: Math.E
};
var Evaluator = class {
  constructor(t, bindings) {
    this.t = t;
    this.bindings = bindings;
  }
  t;
  bindings;
  pos = 0;
  peek() {
    const k = this.t[this.pos];
    return k && k.kind === "op" ? k.text : void 0;
  }
  run() {
    const v = this.sum();
    return this.pos === this.t.length ? v : void 0;
  }
  sum() {
    let v = this.product();
    for (let op = this.peek(); op === "+" || op === "-"; op = this.peek()) {
      this.pos++;
      const r = this.product();
      v = v === void 0 || r === void 0 ? void 0 : op === "+" ? v + r : v - r;
    }
    return v;
  }
  product() {
    let v = this.unary();
    for (let op = this.peek(); op === "*" || op === "/"; op = this.peek()) {
      this.pos++;
      const r = this.unary();
      v = v === void 0 || r === void 0 ? void 0 : op === "*" ? v * r : v / r;
    }
    return v;
  }
  unary() {
    const op = this.peek();
    if (op === "-" || op === "+") {
      this.pos++;
      const v = this.unary();
      return v === void 0 ? void 0 : op === "-" ? -v : v;
    }
    const base = this.atom();
    if (this.peek() !== "**") return base;
    this.pos++;
    const exp = this.unary();
    return base === void 0 || exp === void 0 ? void 0 : base ** exp;
  }
  atom() {
    const k = this.t[this.pos++];
    if (!k) return void 0;
    if (k.kind === "num") return /^[\d.]+([eE][+-]?\d+)?$/.test(k.text) ? Number(k.text) : void 0;
    if (k.kind === "id") return this.bindings.get(k.text) ?? CONSTANTS[k.text];
    if (k.kind === "op" && k.text === "(") {
      const v = this.sum();
      return this.peek() === ")" ? (this.pos++, v) : void 0;
    }
    return void 0;
  }
};
function evaluate(tokens, bindings = /* @__PURE__ */ new Map()) {
  const v = new Evaluator(tokens, bindings).run();
  return v === void 0 || !Number.isFinite(v) ? void 0 : v;
}
function inputsIn(tokens, inputs) {
  return [
    ...new Set(tokens.filter((k) => k.kind === "id" && inputs.includes(k.text)).map((k) => k.text))
  ];
}

// src/runtime/circuit-check.ts
var RZZ_MAX = Math.PI / 2 + 1e-10;
var CONTROL2 = /* @__PURE__ */ new Set(["if_else", "for_loop", "while_loop", "switch_case", "box"]);
var names = (s) => [...s].sort().join(", ") || "none";
function rzzAngleProblem(angle) {
  if (angle >= 0 && angle <= RZZ_MAX) return void 0;
  return `angle ${angle} is outside [0, pi/2], the only range IBM runs rzz in (fractional gates)`;
}
function signatureProblem(ins, t, where) {
  const sig = t.signatures.get(ins.name);
  const assigned = ins.kind === "call" ? 1 : 0;
  if (ins.operands.length !== sig.qubits)
    return `${ins.name} ${where}: takes ${sig.qubits} qubit(s) on ${t.name}, got ${ins.operands.length}`;
  if (assigned !== sig.clbits)
    return sig.clbits === 1 ? `${ins.name} ${where}: returns a bit on ${t.name}; write it as 'c[0] = ${ins.name} ${where};'` : `${ins.name} ${where}: returns nothing on ${t.name}; it cannot be assigned to a bit`;
  if (ins.params.length !== sig.params)
    return `${ins.name} on ${where}: takes ${sig.params} parameter(s), got ${ins.params.length}`;
  return void 0;
}
function gateProblem(ins, t, where) {
  if (ins.modifiers.length > 0 || !t.instructions.has(ins.name)) {
    const shown = [...ins.modifiers.map((m) => `${m} @ `), ins.name].join("");
    const why = t.listedOnly.has(ins.name) ? `; supported_instructions lists it, but only basis_gates count as gates` : "";
    return `gate '${shown}' on ${where} is not supported by ${t.name} (basis: ${t.basisGates.join(", ")})${why}`;
  }
  const want = t.params.get(ins.name);
  if (want !== void 0 && want !== ins.params.length)
    return `${ins.name} on ${where}: takes ${want} parameter(s), got ${ins.params.length}`;
  if (ins.operands.length === 2) {
    const [a, b] = ins.operands.map((o) => o.physical);
    const map = t.couplings.get(ins.name) ?? t.couplings.get("*");
    if (map && !map.has(`${a},${b}`))
      return map.has(`${b},${a}`) ? `${ins.name} ${where}: ${t.name} runs ${ins.name} on this pair only as ${ins.name} $${b}, $${a}` : `${ins.name} ${where}: qubits not coupled on ${t.name}`;
  }
  if (ins.name === "rzz") {
    const angle = evaluate(ins.params[0] ?? []);
    const p = angle === void 0 ? void 0 : rzzAngleProblem(angle);
    if (p) return `rzz ${where}: ${p}`;
  }
  return void 0;
}
function problemOf(ins, t) {
  const where = ins.operands.map(formatOperand).join(", ");
  const virtual = ins.operands.find((o) => !("physical" in o));
  if (virtual)
    return `${ins.name} ${where}: '${formatOperand(virtual)}' is a virtual qubit; an ISA circuit addresses physical qubits ($0 \u2026 $${t.nQubits - 1} on ${t.name})`;
  for (const o of ins.operands)
    if ("physical" in o && o.physical >= t.nQubits)
      return `${ins.name} ${where}: qubit $${o.physical} does not exist on ${t.name} (${t.nQubits} qubits)`;
  if (CONTROL2.has(ins.kind))
    return t.controlFlow.has(ins.name) ? void 0 : `'${ins.name}' is not supported by ${t.name} (control flow it lists: ${names(t.controlFlow)})`;
  if (ins.kind === "break_loop" || ins.kind === "continue_loop")
    return `'${ins.name}' is not supported by ${t.name} (no IBM backend configuration lists it)`;
  if (ins.kind === "barrier") return void 0;
  if (t.signatures.has(ins.name)) return signatureProblem(ins, t, where);
  if (ins.kind === "call")
    return `'${ins.name}' is not supported by ${t.name} (instructions it defines: ${names(t.signatures.keys())})`;
  if (ins.kind !== "gate")
    return t.instructions.has(ins.name) ? void 0 : `'${ins.name}' is not supported by ${t.name} (supported: ${names(t.instructions)})`;
  return gateProblem(ins, t, where);
}
function parsedCircuitProblems(c, t) {
  const out = [];
  for (const r of c.qubitRegisters)
    out.push(
      `line ${r.line}: declares virtual qubits '${r.name}'; an ISA circuit addresses physical qubits ($0 \u2026 $${t.nQubits - 1} on ${t.name})`
    );
  for (const ins of c.instructions) {
    const p = problemOf(ins, t);
    if (p) out.push(`line ${ins.line}: ${p}`);
  }
  return out;
}

// src/runtime/pub-checks.ts
var pyShape = (s) => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;
var mismatch = (got, want) => `The number of values (${got}) does not match the number of parameters (${want}) for the circuit.`;
function bindingsOf(values, inputs) {
  if (values === void 0 || values === null)
    return inputs === 0 ? { shape: [], rows: [[]] } : mismatch(0, inputs);
  const nested = values.filter((v) => Array.isArray(v));
  if (nested.length !== 0 && nested.length !== values.length)
    return "parameter_values mixes numbers and lists, so it is not an array";
  const width = nested[0]?.length;
  if (nested.some((r) => r.length !== width))
    return "parameter_values has rows of different lengths, so it is not an array";
  const dims = nested.length > 0 ? [values.length, width] : [values.length];
  const flat = nested.length > 0 ? nested.flat() : values;
  if (inputs === 1) {
    const shape = dims.at(-1) === 1 ? dims.slice(0, -1) : dims;
    return { shape, rows: flat.map((v) => [v]) };
  }
  if (dims.at(-1) !== inputs) return mismatch(dims.at(-1), inputs);
  return { shape: dims.slice(0, -1), rows: nested.length > 0 ? nested : [values] };
}
function observablesShape(o) {
  return Array.isArray(o) ? [o.length] : [];
}
function broadcastable(a, b) {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const [x, y] = [a[a.length - i], b[b.length - i]];
    if (x !== y && x !== 1 && y !== 1) return false;
  }
  return true;
}
function pubProblems(pub, c) {
  const bound = bindingsOf(pub.parameter_values, c.inputs.length);
  if (typeof bound === "string") return [bound];
  if (pub.observables !== void 0) {
    const obs = observablesShape(pub.observables);
    if (!broadcastable(obs, bound.shape))
      return [
        `The observables shape ${pyShape(obs)} and the parameter values shape ${pyShape(bound.shape)} are not broadcastable.`
      ];
  }
  const order = [...c.inputs].sort();
  const out = [];
  for (const ins of c.instructions) {
    if (ins.name !== "rzz" || inputsIn(ins.params[0] ?? [], order).length === 0) continue;
    for (const row of bound.rows) {
      const values = new Map(order.map((n, i) => [n, row[i]]));
      const angle = evaluate(ins.params[0], values);
      const p = angle === void 0 ? void 0 : rzzAngleProblem(angle);
      if (!p) continue;
      const via = order.map((n) => `${n}=${values.get(n)}`).join(", ");
      out.push(
        `line ${ins.line}: rzz ${ins.operands.map(formatOperand).join(", ")}: ${p}, via parameter values ${via}`
      );
      break;
    }
  }
  return out;
}
var optionAt = (o, ...path) => path.reduce(
  (v, k) => typeof v === "object" && v !== null ? v[k] : void 0,
  o
);
function optionProblems(options, circuits) {
  if (optionAt(options, "dynamical_decoupling", "enable") !== true) return [];
  const dynamic = [...circuits].find(([, c]) => isDynamic(c));
  return dynamic ? [
    `options.dynamical_decoupling.enable: Dynamical decoupling currently cannot be used with dynamic circuits (${dynamic[0]} has control flow)`
  ] : [];
}
function fractionalWarnings(fractional, options, circuits) {
  const used = [...circuits].filter(
    ([, c]) => c.instructions.some((i) => fractional.includes(i.name))
  );
  if (used.length === 0) return [];
  const what = `${used[0][0]} uses fractional gates`;
  const out = [];
  if (used.some(([, c]) => isDynamic(c)))
    out.push(
      `${what} and control flow; IBM's fractional-gates guide lists dynamic circuits as unsupported with them`
    );
  if (optionAt(options, "twirling", "enable_gates") === true)
    out.push(`${what}; IBM's fractional-gates guide lists Pauli twirling as unsupported with them`);
  if (optionAt(options, "resilience", "pec_mitigation") === true)
    out.push(`${what}; IBM's fractional-gates guide lists PEC as unsupported with them`);
  if (optionAt(options, "resilience", "zne", "amplifier") === "pea")
    out.push(`${what}; IBM's fractional-gates guide lists PEA as unsupported with them`);
  return out;
}

// src/runtime/target-check.ts
function paulis(o) {
  if (typeof o === "string") return [o];
  return Array.isArray(o) ? o : Object.keys(o);
}
function checkJobAgainstTarget(loaded, t, faulty) {
  const problems = [];
  const parsed = /* @__PURE__ */ new Map();
  for (const [path, source] of loaded.circuits) {
    let c;
    try {
      c = parseQasm(source);
    } catch (e) {
      problems.push(`circuit ${path}: not valid OpenQASM 3: ${e.message}`);
      continue;
    }
    parsed.set(path, c);
    for (const p of parsedCircuitProblems(c, t)) problems.push(`circuit ${path}: ${p}`);
    if (faulty)
      for (const p of faultyProblems(c, faulty, t.name)) problems.push(`circuit ${path}: ${p}`);
  }
  loaded.spec.pubs.forEach((pub, i) => {
    const c = parsed.get(pub.circuit);
    if (c) for (const p of pubProblems(pub, c)) problems.push(`PUB ${i} (${pub.circuit}): ${p}`);
    if (pub.observables === void 0) return;
    for (const p of paulis(pub.observables))
      if (p.length !== t.nQubits) {
        problems.push(
          `PUB ${i} (${pub.circuit}): observable width ${p.length} \u2260 circuit width ${t.nQubits} (Pauli strings span all ${t.nQubits} qubits of ${t.name}, rightmost character = $0)`
        );
        break;
      }
  });
  problems.push(...optionProblems(loaded.spec.options, parsed));
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    throw new QprovError("TARGET_MISMATCH", `${problems[0]}${more}`, {
      details: { backend: t.name, problems }
    });
  }
  return fractionalWarnings(t.fractional, loaded.spec.options, parsed);
}
async function properties(api, t) {
  if (t.simulator) return void 0;
  try {
    const p = await api.getBackendProperties(t.name);
    return p === void 0 ? void 0 : faultyParts(t.name, p);
  } catch (e) {
    if (e instanceof QprovError && e.details.status === 404) return void 0;
    throw e;
  }
}
async function healthWarnings(api, backend) {
  const out = [];
  const read = async (what, get) => get().catch((e) => {
    out.push(`could not read ${what}: ${e instanceof Error ? e.message : String(e)}`);
    return void 0;
  });
  const status = await read(`the status of ${backend}`, () => api.getBackendStatus(backend));
  const s = status && statusWarning(backend, status);
  if (s) out.push(s);
  const usage = await read("the instance usage", () => api.getInstanceUsage());
  const u = usage && usageWarning(usage);
  if (u) out.push(u);
  return out;
}
async function checkTarget(api, loaded, backend, opts = {}) {
  if (opts.skip) return { status: "skipped", backend };
  let config;
  try {
    config = await api.getBackendConfiguration(backend);
  } catch (e) {
    if (e instanceof QprovError && e.details.status === 404)
      throw new QprovError(
        "BACKEND_UNKNOWN",
        `backend ${backend} is not available to this instance (${e.message})`,
        { cause: e, details: e.details }
      );
    throw e;
  }
  const target = parseBackendConfiguration(backend, config);
  const faulty = await properties(api, target);
  const warnings = checkJobAgainstTarget(loaded, target, faulty);
  opts.onProgress?.(`circuits are ISA for ${backend} (${target.nQubits} qubits)`);
  for (const w of [...warnings, ...await healthWarnings(api, backend)]) opts.onWarning?.(w);
  return {
    status: "passed",
    backend,
    ...target.version ? { version: target.version } : {},
    qubits: target.nQubits
  };
}

// src/binding/reuse-attestation.ts
import { mkdirSync, readFileSync } from "node:fs";
import { join as join2, resolve as resolve2 } from "node:path";
async function reuseAttestation(dir, workload, cwd, outDir) {
  const a = readAttestationDir(dir);
  const m = await buildManifest(workload, { cwd });
  if (!Buffer.from(m.canonicalBytes).equals(a.manifestBytes))
    throw new QprovError(
      "ATTESTATION_MISMATCH",
      `the workload given hashes to ${m.digest}, but ${dir} attests ${a.packageDigest}; submit the attested files, or attest again`
    );
  if (resolve2(dir) !== resolve2(outDir)) {
    mkdirSync(outDir, { recursive: true });
    for (const name of Object.values(ATTESTATION_FILES))
      await writeFileAtomic(join2(outDir, name), readFileSync(join2(dir, name)));
  }
  return {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest,
    ...rekorTagRefs(a.rekor)
  };
}

// src/binding/submit-workload.ts
function assertQprovRoom(userTags, rekorVersion) {
  const placeholders = Array.from(
    { length: requiredQprovTagCount(rekorVersion) },
    (_, i) => `qprov-${i}`
  );
  assertTagLimits([...userTags, ...placeholders], userTags.length);
}
function refuseUsedOutDir(outDir) {
  for (const name of [PROOF_FILES.runtimeJob, OUTPUT_NAMES.statement]) {
    const path = join3(outDir, name);
    if (existsSync(path))
      throw new QprovError(
        "USAGE",
        `${path} already exists (from an earlier attest or submit); choose a new --out directory`
      );
  }
}
async function submitWorkload(opts, hooks = {}) {
  const { api, instanceCRN, runtimeURL } = opts.connect();
  checkOutputDir(opts.outDir, { what: "output directory", files: Object.values(PROOF_FILES) });
  const specPath = findJobSpec(opts.workload, opts.cwd);
  const loaded = loadJobSpec(specPath, opts.attest ? opts.cwd : dirname2(specPath));
  const specs = opts.attest ? await checkPackageClosure(loaded, opts.workload, opts.cwd) : [];
  checkBackend(
    opts.backend ?? loaded.spec.backend,
    opts.backend ? "--backend" : "backend in qprov.job.json"
  );
  const userTags = [...loaded.spec.tags ?? [], ...opts.tags ?? []];
  parseTags(userTags);
  let refs;
  let attestation;
  let signing;
  let endpoints;
  const env = opts.env ?? process.env;
  refuseUsedOutDir(opts.outDir);
  if (opts.attest) {
    assertQprovRoom(userTags, void 0);
    signing = opts.attest.signing();
    endpoints = signingEndpoints(signing, env);
    assertQprovRoom(userTags, endpoints.rekorURL ? endpoints.rekorVersion ?? 1 : void 0);
  }
  const targetCheck = await checkTarget(api, loaded, opts.backend ?? loaded.spec.backend, {
    skip: opts.skipTargetCheck,
    onProgress: hooks.onProgress,
    onWarning: hooks.onWarning
  });
  const reuse = opts.attest ? opts.attest.reuse : void 0;
  if (reuse !== void 0)
    refs = await reuseAttestation(reuse, opts.workload, opts.cwd, opts.outDir);
  else if (opts.attest && signing && endpoints) {
    attestation = await attestWorkload({
      workload: opts.workload,
      cwd: opts.cwd,
      receipt: opts.attest.receipt,
      signing: () => planSigning(signing, env, endpoints),
      outDir: opts.outDir,
      checkManifest: (m) => checkManifestClosure(m, specs, loaded),
      onProgress: hooks.onProgress
    });
    refs = refsOfAttestation(attestation);
    hooks.onAttested?.(attestation);
  }
  const rebind = (id) => opts.hint(id, instanceCRN);
  const tags = [...userTags, ...refs ? fitProvenanceTags(refs, userTags.length) : []];
  const parsed = parseTags(tags);
  assertTagLimits(tags, parsed.userTags.length);
  const body = renderJobBody(loaded, { backend: opts.backend, tags });
  const stmtTag = refs ? formatProvenanceTags(refs)[1] : void 0;
  hooks.onProgress?.(`submitting the ${body.program_id} job to ${body.backend}`);
  let jobId;
  const submitted = await submitJob(
    api,
    { body, mode: loaded.spec.mode, recoveryTag: stmtTag },
    {
      ...hooks,
      onJobId: (id, sessionId) => {
        jobId = id;
        hooks.onJobId?.(id, sessionId);
      }
    }
  ).catch((e) => {
    const lost = e instanceof QprovError && Boolean(e.details.recoveryTag);
    if (jobId === void 0 && !(refs && lost)) throw e;
    throw jobExistsError(e, jobId, refs ? rebind : () => "its tags could not be confirmed");
  });
  const recordPath = writeJobRecord(
    opts.outDir,
    jobRecord(
      {
        jobId: submitted.jobId,
        ...submitted.sessionId ? { sessionId: submitted.sessionId } : {},
        backend: submitted.backend,
        program: body.program_id,
        ...submitted.created ? { created: submitted.created } : {},
        instanceCRN,
        runtimeURL,
        tags: submitted.tags,
        targetCheck,
        backendSource: opts.backend ? "override" : "job-spec"
      },
      refs
    ),
    refs ? rebind : () => "it carries only the user tags it was submitted with"
  );
  const binding = signing ? await planSigning(signing, env).then(
    (plan) => bindProofBundle({
      attestationDir: opts.outDir,
      outDir: opts.outDir,
      plan,
      onProgress: hooks.onProgress
    })
  ).catch((e) => {
    throw jobExistsError(e, submitted.jobId, (id) => opts.hint(id, instanceCRN));
  }) : void 0;
  return {
    ...submitted,
    ...binding ? { binding } : {},
    program: body.program_id,
    ...refs ? { refs } : {},
    ...attestation ? { attestation } : {},
    recordPath
  };
}

export {
  submitWorkload
};
