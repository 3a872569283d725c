import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  firstSchemaError
} from "./chunk-WNFLZQE4.js";
import {
  require_ucs2length
} from "./chunk-5FAHOQUQ.js";
import {
  BINDING_SCHEMA_ID,
  PROOF_FILES
} from "./chunk-TVPTIO2N.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/binding-document.ts
import { createHash } from "node:crypto";

// src/proof/binding-validator.ts
var Y = (() => {
  const V = { exports: {} };
  V.exports = n, V.exports.default = n;
  const U = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://qprov.dev/binding/v1", title: "qprov runtime binding (binding.json), version 1", description: "Binds one Qiskit Runtime job to the signed in-toto statement over its workload package. A superset of the portable provenance pattern's binding example. See docs/binding-spec.md.", type: "object", additionalProperties: false, required: ["schema", "runtime", "provenance", "files"], definitions: { digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }, optionalString: { type: ["string", "null"], maxLength: 1024 } }, properties: { schema: { const: "https://qprov.dev/binding/v1" }, runtime: { type: "object", additionalProperties: false, required: ["provider", "session_id", "job_id", "instance", "backend", "backend_source", "program", "created"], properties: { provider: { const: "qiskit-runtime" }, session_id: { $ref: "#/definitions/optionalString" }, job_id: { type: "string", minLength: 1, maxLength: 256 }, instance: { type: "object", additionalProperties: false, required: ["crn", "region"], properties: { crn: { type: "string", pattern: "^crn:v1:" }, region: { type: "string", pattern: "^[a-z][a-z0-9-]{0,31}$" } } }, backend: { $ref: "#/definitions/optionalString" }, backend_source: { enum: ["job-spec", "override", "runtime"] }, program: { $ref: "#/definitions/optionalString" }, created: { $ref: "#/definitions/optionalString" }, target_check: { type: "object", required: ["status", "backend"], properties: { status: { enum: ["passed", "skipped"] }, backend: { type: "string" } } } } }, provenance: { type: "object", additionalProperties: false, required: ["aiir_statement", "transparency_entry", "workload_package", "receipt", "signer"], properties: { aiir_statement: { $ref: "#/definitions/digest" }, transparency_entry: { oneOf: [{ type: "null" }, { description: "Rekor v1: the entry UUID and the global log index", type: "object", additionalProperties: false, required: ["log", "uuid", "log_index"], properties: { log: { const: "rekor" }, uuid: { type: "string", pattern: "^[0-9a-f]{64}$" }, log_index: { type: "integer", minimum: 0 } } }, { description: "Rekor v2: no UUID; the shard's base URL, its log ID (hex of the checkpoint key ID) and the index within the shard", type: "object", additionalProperties: false, required: ["log", "api_version", "base_url", "log_id", "log_index"], properties: { log: { const: "rekor" }, api_version: { const: 2 }, base_url: { type: "string", maxLength: 2048, pattern: "^https?://[^\\s/?#@]+(/[^\\s?#]*)?$" }, log_id: { type: "string", pattern: "^[0-9a-f]{64}$" }, log_index: { type: "integer", minimum: 0 } } }] }, workload_package: { $ref: "#/definitions/digest" }, receipt: { type: "object", additionalProperties: false, required: ["receipt_id", "content_hash", "commit"], properties: { receipt_id: { type: "string", minLength: 1, maxLength: 256 }, content_hash: { type: "string", minLength: 1, maxLength: 256 }, commit: { type: "string", pattern: "^[0-9a-f]{40}([0-9a-f]{24})?$" } } }, signer: { type: "object", additionalProperties: false, required: ["identity", "issuer"], properties: { identity: { type: "string", minLength: 1 }, issuer: { type: "string", minLength: 1 } } } } }, files: { type: "object", additionalProperties: false, required: ["statement.json", "statement.sigstore.json", "receipt.json", "workload.manifest.json", "runtime-job.json"], properties: { "statement.json": { $ref: "#/definitions/digest" }, "statement.sigstore.json": { $ref: "#/definitions/digest" }, "receipt.json": { $ref: "#/definitions/digest" }, "workload.manifest.json": { $ref: "#/definitions/digest" }, "runtime-job.json": { $ref: "#/definitions/digest" } } } } }, S = { type: ["string", "null"], maxLength: 1024 }, K = { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }, Q = Object.prototype.hasOwnProperty, b = require_ucs2length().default, C = new RegExp("^crn:v1:", "u"), F = new RegExp("^[a-z][a-z0-9-]{0,31}$", "u"), O = new RegExp("^sha256:[0-9a-f]{64}$", "u"), I = new RegExp("^[0-9a-f]{64}$", "u"), G = new RegExp("^https?://[^\\s/?#@]+(/[^\\s?#]*)?$", "u"), H = new RegExp("^[0-9a-f]{40}([0-9a-f]{24})?$", "u");
  function n(v, { instancePath: t = "", parentData: M, parentDataProperty: W, rootData: X = v } = {}) {
    let a = null, e = 0;
    if (e === 0) if (v && typeof v == "object" && !Array.isArray(v)) {
      let T;
      if (v.schema === void 0 && (T = "schema") || v.runtime === void 0 && (T = "runtime") || v.provenance === void 0 && (T = "provenance") || v.files === void 0 && (T = "files")) return n.errors = [{ instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: T }, message: "must have required property '" + T + "'" }], false;
      {
        const J = e;
        for (const s in v) if (!(s === "schema" || s === "runtime" || s === "provenance" || s === "files")) {
          return n.errors = [{ instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" }], false;
          break;
        }
        if (J === e) {
          if (v.schema !== void 0) {
            const s = e;
            if (v.schema !== "https://qprov.dev/binding/v1") return n.errors = [{ instancePath: t + "/schema", schemaPath: "#/properties/schema/const", keyword: "const", params: { allowedValue: "https://qprov.dev/binding/v1" }, message: "must be equal to constant" }], false;
            var x = s === e;
          } else var x = true;
          if (x) {
            if (v.runtime !== void 0) {
              let s = v.runtime;
              const q = e;
              if (e === q) if (s && typeof s == "object" && !Array.isArray(s)) {
                let c;
                if (s.provider === void 0 && (c = "provider") || s.session_id === void 0 && (c = "session_id") || s.job_id === void 0 && (c = "job_id") || s.instance === void 0 && (c = "instance") || s.backend === void 0 && (c = "backend") || s.backend_source === void 0 && (c = "backend_source") || s.program === void 0 && (c = "program") || s.created === void 0 && (c = "created")) return n.errors = [{ instancePath: t + "/runtime", schemaPath: "#/properties/runtime/required", keyword: "required", params: { missingProperty: c }, message: "must have required property '" + c + "'" }], false;
                {
                  const A = e;
                  for (const r in s) if (!Q.call(U.properties.runtime.properties, r)) {
                    return n.errors = [{ instancePath: t + "/runtime", schemaPath: "#/properties/runtime/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
                    break;
                  }
                  if (A === e) {
                    if (s.provider !== void 0) {
                      const r = e;
                      if (s.provider !== "qiskit-runtime") return n.errors = [{ instancePath: t + "/runtime/provider", schemaPath: "#/properties/runtime/properties/provider/const", keyword: "const", params: { allowedValue: "qiskit-runtime" }, message: "must be equal to constant" }], false;
                      var f = r === e;
                    } else var f = true;
                    if (f) {
                      if (s.session_id !== void 0) {
                        let r = s.session_id;
                        const i = e, h = e;
                        if (typeof r != "string" && r !== null) return n.errors = [{ instancePath: t + "/runtime/session_id", schemaPath: "#/definitions/optionalString/type", keyword: "type", params: { type: S.type }, message: "must be string,null" }], false;
                        if (e === h && typeof r == "string" && b(r) > 1024) return n.errors = [{ instancePath: t + "/runtime/session_id", schemaPath: "#/definitions/optionalString/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                        var f = i === e;
                      } else var f = true;
                      if (f) {
                        if (s.job_id !== void 0) {
                          let r = s.job_id;
                          const i = e;
                          if (e === i) if (typeof r == "string") {
                            if (b(r) > 256) return n.errors = [{ instancePath: t + "/runtime/job_id", schemaPath: "#/properties/runtime/properties/job_id/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" }], false;
                            if (b(r) < 1) return n.errors = [{ instancePath: t + "/runtime/job_id", schemaPath: "#/properties/runtime/properties/job_id/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                          } else return n.errors = [{ instancePath: t + "/runtime/job_id", schemaPath: "#/properties/runtime/properties/job_id/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                          var f = i === e;
                        } else var f = true;
                        if (f) {
                          if (s.instance !== void 0) {
                            let r = s.instance;
                            const i = e;
                            if (e === i) if (r && typeof r == "object" && !Array.isArray(r)) {
                              let p;
                              if (r.crn === void 0 && (p = "crn") || r.region === void 0 && (p = "region")) return n.errors = [{ instancePath: t + "/runtime/instance", schemaPath: "#/properties/runtime/properties/instance/required", keyword: "required", params: { missingProperty: p }, message: "must have required property '" + p + "'" }], false;
                              {
                                const g = e;
                                for (const o in r) if (!(o === "crn" || o === "region")) {
                                  return n.errors = [{ instancePath: t + "/runtime/instance", schemaPath: "#/properties/runtime/properties/instance/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" }], false;
                                  break;
                                }
                                if (g === e) {
                                  if (r.crn !== void 0) {
                                    let o = r.crn;
                                    const u = e;
                                    if (e === u) if (typeof o == "string") {
                                      if (!C.test(o)) return n.errors = [{ instancePath: t + "/runtime/instance/crn", schemaPath: "#/properties/runtime/properties/instance/properties/crn/pattern", keyword: "pattern", params: { pattern: "^crn:v1:" }, message: 'must match pattern "^crn:v1:"' }], false;
                                    } else return n.errors = [{ instancePath: t + "/runtime/instance/crn", schemaPath: "#/properties/runtime/properties/instance/properties/crn/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                    var R = u === e;
                                  } else var R = true;
                                  if (R) if (r.region !== void 0) {
                                    let o = r.region;
                                    const u = e;
                                    if (e === u) if (typeof o == "string") {
                                      if (!F.test(o)) return n.errors = [{ instancePath: t + "/runtime/instance/region", schemaPath: "#/properties/runtime/properties/instance/properties/region/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,31}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,31}$"' }], false;
                                    } else return n.errors = [{ instancePath: t + "/runtime/instance/region", schemaPath: "#/properties/runtime/properties/instance/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                    var R = u === e;
                                  } else var R = true;
                                }
                              }
                            } else return n.errors = [{ instancePath: t + "/runtime/instance", schemaPath: "#/properties/runtime/properties/instance/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                            var f = i === e;
                          } else var f = true;
                          if (f) {
                            if (s.backend !== void 0) {
                              let r = s.backend;
                              const i = e, h = e;
                              if (typeof r != "string" && r !== null) return n.errors = [{ instancePath: t + "/runtime/backend", schemaPath: "#/definitions/optionalString/type", keyword: "type", params: { type: S.type }, message: "must be string,null" }], false;
                              if (e === h && typeof r == "string" && b(r) > 1024) return n.errors = [{ instancePath: t + "/runtime/backend", schemaPath: "#/definitions/optionalString/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                              var f = i === e;
                            } else var f = true;
                            if (f) {
                              if (s.backend_source !== void 0) {
                                let r = s.backend_source;
                                const i = e;
                                if (!(r === "job-spec" || r === "override" || r === "runtime")) return n.errors = [{ instancePath: t + "/runtime/backend_source", schemaPath: "#/properties/runtime/properties/backend_source/enum", keyword: "enum", params: { allowedValues: U.properties.runtime.properties.backend_source.enum }, message: "must be equal to one of the allowed values" }], false;
                                var f = i === e;
                              } else var f = true;
                              if (f) {
                                if (s.program !== void 0) {
                                  let r = s.program;
                                  const i = e, h = e;
                                  if (typeof r != "string" && r !== null) return n.errors = [{ instancePath: t + "/runtime/program", schemaPath: "#/definitions/optionalString/type", keyword: "type", params: { type: S.type }, message: "must be string,null" }], false;
                                  if (e === h && typeof r == "string" && b(r) > 1024) return n.errors = [{ instancePath: t + "/runtime/program", schemaPath: "#/definitions/optionalString/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                                  var f = i === e;
                                } else var f = true;
                                if (f) {
                                  if (s.created !== void 0) {
                                    let r = s.created;
                                    const i = e, h = e;
                                    if (typeof r != "string" && r !== null) return n.errors = [{ instancePath: t + "/runtime/created", schemaPath: "#/definitions/optionalString/type", keyword: "type", params: { type: S.type }, message: "must be string,null" }], false;
                                    if (e === h && typeof r == "string" && b(r) > 1024) return n.errors = [{ instancePath: t + "/runtime/created", schemaPath: "#/definitions/optionalString/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                                    var f = i === e;
                                  } else var f = true;
                                  if (f) if (s.target_check !== void 0) {
                                    let r = s.target_check;
                                    const i = e;
                                    if (e === i) if (r && typeof r == "object" && !Array.isArray(r)) {
                                      let p;
                                      if (r.status === void 0 && (p = "status") || r.backend === void 0 && (p = "backend")) return n.errors = [{ instancePath: t + "/runtime/target_check", schemaPath: "#/properties/runtime/properties/target_check/required", keyword: "required", params: { missingProperty: p }, message: "must have required property '" + p + "'" }], false;
                                      if (r.status !== void 0) {
                                        let g = r.status;
                                        const o = e;
                                        if (!(g === "passed" || g === "skipped")) return n.errors = [{ instancePath: t + "/runtime/target_check/status", schemaPath: "#/properties/runtime/properties/target_check/properties/status/enum", keyword: "enum", params: { allowedValues: U.properties.runtime.properties.target_check.properties.status.enum }, message: "must be equal to one of the allowed values" }], false;
                                        var z = o === e;
                                      } else var z = true;
                                      if (z) if (r.backend !== void 0) {
                                        const g = e;
                                        if (typeof r.backend != "string") return n.errors = [{ instancePath: t + "/runtime/target_check/backend", schemaPath: "#/properties/runtime/properties/target_check/properties/backend/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                        var z = g === e;
                                      } else var z = true;
                                    } else return n.errors = [{ instancePath: t + "/runtime/target_check", schemaPath: "#/properties/runtime/properties/target_check/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                                    var f = i === e;
                                  } else var f = true;
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              } else return n.errors = [{ instancePath: t + "/runtime", schemaPath: "#/properties/runtime/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
              var x = q === e;
            } else var x = true;
            if (x) {
              if (v.provenance !== void 0) {
                let s = v.provenance;
                const q = e;
                if (e === q) if (s && typeof s == "object" && !Array.isArray(s)) {
                  let c;
                  if (s.aiir_statement === void 0 && (c = "aiir_statement") || s.transparency_entry === void 0 && (c = "transparency_entry") || s.workload_package === void 0 && (c = "workload_package") || s.receipt === void 0 && (c = "receipt") || s.signer === void 0 && (c = "signer")) return n.errors = [{ instancePath: t + "/provenance", schemaPath: "#/properties/provenance/required", keyword: "required", params: { missingProperty: c }, message: "must have required property '" + c + "'" }], false;
                  {
                    const A = e;
                    for (const r in s) if (!(r === "aiir_statement" || r === "transparency_entry" || r === "workload_package" || r === "receipt" || r === "signer")) {
                      return n.errors = [{ instancePath: t + "/provenance", schemaPath: "#/properties/provenance/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
                      break;
                    }
                    if (A === e) {
                      if (s.aiir_statement !== void 0) {
                        let r = s.aiir_statement;
                        const i = e;
                        if (e === e) if (typeof r == "string") {
                          if (!O.test(r)) return n.errors = [{ instancePath: t + "/provenance/aiir_statement", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                        } else return n.errors = [{ instancePath: t + "/provenance/aiir_statement", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                        var P = i === e;
                      } else var P = true;
                      if (P) {
                        if (s.transparency_entry !== void 0) {
                          let r = s.transparency_entry;
                          const i = e, h = e;
                          let p = false, g = null;
                          const o = e;
                          if (r !== null) {
                            const _ = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                            a === null ? a = [_] : a.push(_), e++;
                          }
                          var L = o === e;
                          L && (p = true, g = 0);
                          const u = e;
                          if (e === u) if (r && typeof r == "object" && !Array.isArray(r)) {
                            let _;
                            if (r.log === void 0 && (_ = "log") || r.uuid === void 0 && (_ = "uuid") || r.log_index === void 0 && (_ = "log_index")) {
                              const E = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/required", keyword: "required", params: { missingProperty: _ }, message: "must have required property '" + _ + "'" };
                              a === null ? a = [E] : a.push(E), e++;
                            } else {
                              const E = e;
                              for (const d in r) if (!(d === "log" || d === "uuid" || d === "log_index")) {
                                const k = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: d }, message: "must NOT have additional properties" };
                                a === null ? a = [k] : a.push(k), e++;
                                break;
                              }
                              if (E === e) {
                                if (r.log !== void 0) {
                                  const d = e;
                                  if (r.log !== "rekor") {
                                    const k = { instancePath: t + "/provenance/transparency_entry/log", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/properties/log/const", keyword: "const", params: { allowedValue: "rekor" }, message: "must be equal to constant" };
                                    a === null ? a = [k] : a.push(k), e++;
                                  }
                                  var $ = d === e;
                                } else var $ = true;
                                if ($) {
                                  if (r.uuid !== void 0) {
                                    let d = r.uuid;
                                    const k = e;
                                    if (e === k) if (typeof d == "string") {
                                      if (!I.test(d)) {
                                        const m = { instancePath: t + "/provenance/transparency_entry/uuid", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/properties/uuid/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' };
                                        a === null ? a = [m] : a.push(m), e++;
                                      }
                                    } else {
                                      const m = { instancePath: t + "/provenance/transparency_entry/uuid", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      a === null ? a = [m] : a.push(m), e++;
                                    }
                                    var $ = k === e;
                                  } else var $ = true;
                                  if ($) if (r.log_index !== void 0) {
                                    let d = r.log_index;
                                    const k = e;
                                    if (!(typeof d == "number" && !(d % 1) && !isNaN(d))) {
                                      const m = { instancePath: t + "/provenance/transparency_entry/log_index", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/properties/log_index/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                      a === null ? a = [m] : a.push(m), e++;
                                    }
                                    if (e === k && typeof d == "number" && (d < 0 || isNaN(d))) {
                                      const m = { instancePath: t + "/provenance/transparency_entry/log_index", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/properties/log_index/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                      a === null ? a = [m] : a.push(m), e++;
                                    }
                                    var $ = k === e;
                                  } else var $ = true;
                                }
                              }
                            }
                          } else {
                            const _ = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            a === null ? a = [_] : a.push(_), e++;
                          }
                          var L = u === e;
                          if (L && p) p = false, g = [g, 1];
                          else {
                            L && (p = true, g = 1);
                            const _ = e;
                            if (e === _) if (r && typeof r == "object" && !Array.isArray(r)) {
                              let d;
                              if (r.log === void 0 && (d = "log") || r.api_version === void 0 && (d = "api_version") || r.base_url === void 0 && (d = "base_url") || r.log_id === void 0 && (d = "log_id") || r.log_index === void 0 && (d = "log_index")) {
                                const k = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/required", keyword: "required", params: { missingProperty: d }, message: "must have required property '" + d + "'" };
                                a === null ? a = [k] : a.push(k), e++;
                              } else {
                                const k = e;
                                for (const l in r) if (!(l === "log" || l === "api_version" || l === "base_url" || l === "log_id" || l === "log_index")) {
                                  const m = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: l }, message: "must NOT have additional properties" };
                                  a === null ? a = [m] : a.push(m), e++;
                                  break;
                                }
                                if (k === e) {
                                  if (r.log !== void 0) {
                                    const l = e;
                                    if (r.log !== "rekor") {
                                      const m = { instancePath: t + "/provenance/transparency_entry/log", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/log/const", keyword: "const", params: { allowedValue: "rekor" }, message: "must be equal to constant" };
                                      a === null ? a = [m] : a.push(m), e++;
                                    }
                                    var w = l === e;
                                  } else var w = true;
                                  if (w) {
                                    if (r.api_version !== void 0) {
                                      const l = e;
                                      if (r.api_version !== 2) {
                                        const B = { instancePath: t + "/provenance/transparency_entry/api_version", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/api_version/const", keyword: "const", params: { allowedValue: 2 }, message: "must be equal to constant" };
                                        a === null ? a = [B] : a.push(B), e++;
                                      }
                                      var w = l === e;
                                    } else var w = true;
                                    if (w) {
                                      if (r.base_url !== void 0) {
                                        let l = r.base_url;
                                        const m = e;
                                        if (e === m) if (typeof l == "string") {
                                          if (b(l) > 2048) {
                                            const y = { instancePath: t + "/provenance/transparency_entry/base_url", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/base_url/maxLength", keyword: "maxLength", params: { limit: 2048 }, message: "must NOT have more than 2048 characters" };
                                            a === null ? a = [y] : a.push(y), e++;
                                          } else if (!G.test(l)) {
                                            const y = { instancePath: t + "/provenance/transparency_entry/base_url", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/base_url/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/?#@]+(/[^\\s?#]*)?$" }, message: 'must match pattern "^https?://[^\\s/?#@]+(/[^\\s?#]*)?$"' };
                                            a === null ? a = [y] : a.push(y), e++;
                                          }
                                        } else {
                                          const y = { instancePath: t + "/provenance/transparency_entry/base_url", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/base_url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                          a === null ? a = [y] : a.push(y), e++;
                                        }
                                        var w = m === e;
                                      } else var w = true;
                                      if (w) {
                                        if (r.log_id !== void 0) {
                                          let l = r.log_id;
                                          const m = e;
                                          if (e === m) if (typeof l == "string") {
                                            if (!I.test(l)) {
                                              const y = { instancePath: t + "/provenance/transparency_entry/log_id", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/log_id/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' };
                                              a === null ? a = [y] : a.push(y), e++;
                                            }
                                          } else {
                                            const y = { instancePath: t + "/provenance/transparency_entry/log_id", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/log_id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            a === null ? a = [y] : a.push(y), e++;
                                          }
                                          var w = m === e;
                                        } else var w = true;
                                        if (w) if (r.log_index !== void 0) {
                                          let l = r.log_index;
                                          const m = e;
                                          if (!(typeof l == "number" && !(l % 1) && !isNaN(l))) {
                                            const y = { instancePath: t + "/provenance/transparency_entry/log_index", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/log_index/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                            a === null ? a = [y] : a.push(y), e++;
                                          }
                                          if (e === m && typeof l == "number" && (l < 0 || isNaN(l))) {
                                            const y = { instancePath: t + "/provenance/transparency_entry/log_index", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/properties/log_index/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                            a === null ? a = [y] : a.push(y), e++;
                                          }
                                          var w = m === e;
                                        } else var w = true;
                                      }
                                    }
                                  }
                                }
                              }
                            } else {
                              const d = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                              a === null ? a = [d] : a.push(d), e++;
                            }
                            var L = _ === e;
                            L && p ? (p = false, g = [g, 2]) : L && (p = true, g = 2);
                          }
                          if (p) e = h, a !== null && (h ? a.length = h : a = null);
                          else {
                            const _ = { instancePath: t + "/provenance/transparency_entry", schemaPath: "#/properties/provenance/properties/transparency_entry/oneOf", keyword: "oneOf", params: { passingSchemas: g }, message: "must match exactly one schema in oneOf" };
                            return a === null ? a = [_] : a.push(_), e++, n.errors = a, false;
                          }
                          var P = i === e;
                        } else var P = true;
                        if (P) {
                          if (s.workload_package !== void 0) {
                            let r = s.workload_package;
                            const i = e;
                            if (e === e) if (typeof r == "string") {
                              if (!O.test(r)) return n.errors = [{ instancePath: t + "/provenance/workload_package", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                            } else return n.errors = [{ instancePath: t + "/provenance/workload_package", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                            var P = i === e;
                          } else var P = true;
                          if (P) {
                            if (s.receipt !== void 0) {
                              let r = s.receipt;
                              const i = e;
                              if (e === i) if (r && typeof r == "object" && !Array.isArray(r)) {
                                let p;
                                if (r.receipt_id === void 0 && (p = "receipt_id") || r.content_hash === void 0 && (p = "content_hash") || r.commit === void 0 && (p = "commit")) return n.errors = [{ instancePath: t + "/provenance/receipt", schemaPath: "#/properties/provenance/properties/receipt/required", keyword: "required", params: { missingProperty: p }, message: "must have required property '" + p + "'" }], false;
                                {
                                  const g = e;
                                  for (const o in r) if (!(o === "receipt_id" || o === "content_hash" || o === "commit")) {
                                    return n.errors = [{ instancePath: t + "/provenance/receipt", schemaPath: "#/properties/provenance/properties/receipt/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" }], false;
                                    break;
                                  }
                                  if (g === e) {
                                    if (r.receipt_id !== void 0) {
                                      let o = r.receipt_id;
                                      const u = e;
                                      if (e === u) if (typeof o == "string") {
                                        if (b(o) > 256) return n.errors = [{ instancePath: t + "/provenance/receipt/receipt_id", schemaPath: "#/properties/provenance/properties/receipt/properties/receipt_id/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" }], false;
                                        if (b(o) < 1) return n.errors = [{ instancePath: t + "/provenance/receipt/receipt_id", schemaPath: "#/properties/provenance/properties/receipt/properties/receipt_id/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                                      } else return n.errors = [{ instancePath: t + "/provenance/receipt/receipt_id", schemaPath: "#/properties/provenance/properties/receipt/properties/receipt_id/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                      var N = u === e;
                                    } else var N = true;
                                    if (N) {
                                      if (r.content_hash !== void 0) {
                                        let o = r.content_hash;
                                        const u = e;
                                        if (e === u) if (typeof o == "string") {
                                          if (b(o) > 256) return n.errors = [{ instancePath: t + "/provenance/receipt/content_hash", schemaPath: "#/properties/provenance/properties/receipt/properties/content_hash/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" }], false;
                                          if (b(o) < 1) return n.errors = [{ instancePath: t + "/provenance/receipt/content_hash", schemaPath: "#/properties/provenance/properties/receipt/properties/content_hash/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                                        } else return n.errors = [{ instancePath: t + "/provenance/receipt/content_hash", schemaPath: "#/properties/provenance/properties/receipt/properties/content_hash/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                        var N = u === e;
                                      } else var N = true;
                                      if (N) if (r.commit !== void 0) {
                                        let o = r.commit;
                                        const u = e;
                                        if (e === u) if (typeof o == "string") {
                                          if (!H.test(o)) return n.errors = [{ instancePath: t + "/provenance/receipt/commit", schemaPath: "#/properties/provenance/properties/receipt/properties/commit/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{40}([0-9a-f]{24})?$" }, message: 'must match pattern "^[0-9a-f]{40}([0-9a-f]{24})?$"' }], false;
                                        } else return n.errors = [{ instancePath: t + "/provenance/receipt/commit", schemaPath: "#/properties/provenance/properties/receipt/properties/commit/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                        var N = u === e;
                                      } else var N = true;
                                    }
                                  }
                                }
                              } else return n.errors = [{ instancePath: t + "/provenance/receipt", schemaPath: "#/properties/provenance/properties/receipt/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                              var P = i === e;
                            } else var P = true;
                            if (P) if (s.signer !== void 0) {
                              let r = s.signer;
                              const i = e;
                              if (e === i) if (r && typeof r == "object" && !Array.isArray(r)) {
                                let p;
                                if (r.identity === void 0 && (p = "identity") || r.issuer === void 0 && (p = "issuer")) return n.errors = [{ instancePath: t + "/provenance/signer", schemaPath: "#/properties/provenance/properties/signer/required", keyword: "required", params: { missingProperty: p }, message: "must have required property '" + p + "'" }], false;
                                {
                                  const g = e;
                                  for (const o in r) if (!(o === "identity" || o === "issuer")) {
                                    return n.errors = [{ instancePath: t + "/provenance/signer", schemaPath: "#/properties/provenance/properties/signer/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" }], false;
                                    break;
                                  }
                                  if (g === e) {
                                    if (r.identity !== void 0) {
                                      let o = r.identity;
                                      const u = e;
                                      if (e === u) if (typeof o == "string") {
                                        if (b(o) < 1) return n.errors = [{ instancePath: t + "/provenance/signer/identity", schemaPath: "#/properties/provenance/properties/signer/properties/identity/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                                      } else return n.errors = [{ instancePath: t + "/provenance/signer/identity", schemaPath: "#/properties/provenance/properties/signer/properties/identity/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                      var D = u === e;
                                    } else var D = true;
                                    if (D) if (r.issuer !== void 0) {
                                      let o = r.issuer;
                                      const u = e;
                                      if (e === u) if (typeof o == "string") {
                                        if (b(o) < 1) return n.errors = [{ instancePath: t + "/provenance/signer/issuer", schemaPath: "#/properties/provenance/properties/signer/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                                      } else return n.errors = [{ instancePath: t + "/provenance/signer/issuer", schemaPath: "#/properties/provenance/properties/signer/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                      var D = u === e;
                                    } else var D = true;
                                  }
                                }
                              } else return n.errors = [{ instancePath: t + "/provenance/signer", schemaPath: "#/properties/provenance/properties/signer/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                              var P = i === e;
                            } else var P = true;
                          }
                        }
                      }
                    }
                  }
                } else return n.errors = [{ instancePath: t + "/provenance", schemaPath: "#/properties/provenance/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                var x = q === e;
              } else var x = true;
              if (x) if (v.files !== void 0) {
                let s = v.files;
                const q = e;
                if (e === q) if (s && typeof s == "object" && !Array.isArray(s)) {
                  let c;
                  if (s["statement.json"] === void 0 && (c = "statement.json") || s["statement.sigstore.json"] === void 0 && (c = "statement.sigstore.json") || s["receipt.json"] === void 0 && (c = "receipt.json") || s["workload.manifest.json"] === void 0 && (c = "workload.manifest.json") || s["runtime-job.json"] === void 0 && (c = "runtime-job.json")) return n.errors = [{ instancePath: t + "/files", schemaPath: "#/properties/files/required", keyword: "required", params: { missingProperty: c }, message: "must have required property '" + c + "'" }], false;
                  {
                    const A = e;
                    for (const r in s) if (!(r === "statement.json" || r === "statement.sigstore.json" || r === "receipt.json" || r === "workload.manifest.json" || r === "runtime-job.json")) {
                      return n.errors = [{ instancePath: t + "/files", schemaPath: "#/properties/files/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
                      break;
                    }
                    if (A === e) {
                      if (s["statement.json"] !== void 0) {
                        let r = s["statement.json"];
                        const i = e;
                        if (e === e) if (typeof r == "string") {
                          if (!O.test(r)) return n.errors = [{ instancePath: t + "/files/statement.json", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                        } else return n.errors = [{ instancePath: t + "/files/statement.json", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                        var j = i === e;
                      } else var j = true;
                      if (j) {
                        if (s["statement.sigstore.json"] !== void 0) {
                          let r = s["statement.sigstore.json"];
                          const i = e;
                          if (e === e) if (typeof r == "string") {
                            if (!O.test(r)) return n.errors = [{ instancePath: t + "/files/statement.sigstore.json", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                          } else return n.errors = [{ instancePath: t + "/files/statement.sigstore.json", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                          var j = i === e;
                        } else var j = true;
                        if (j) {
                          if (s["receipt.json"] !== void 0) {
                            let r = s["receipt.json"];
                            const i = e;
                            if (e === e) if (typeof r == "string") {
                              if (!O.test(r)) return n.errors = [{ instancePath: t + "/files/receipt.json", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                            } else return n.errors = [{ instancePath: t + "/files/receipt.json", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                            var j = i === e;
                          } else var j = true;
                          if (j) {
                            if (s["workload.manifest.json"] !== void 0) {
                              let r = s["workload.manifest.json"];
                              const i = e;
                              if (e === e) if (typeof r == "string") {
                                if (!O.test(r)) return n.errors = [{ instancePath: t + "/files/workload.manifest.json", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                              } else return n.errors = [{ instancePath: t + "/files/workload.manifest.json", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                              var j = i === e;
                            } else var j = true;
                            if (j) if (s["runtime-job.json"] !== void 0) {
                              let r = s["runtime-job.json"];
                              const i = e;
                              if (e === e) if (typeof r == "string") {
                                if (!O.test(r)) return n.errors = [{ instancePath: t + "/files/runtime-job.json", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                              } else return n.errors = [{ instancePath: t + "/files/runtime-job.json", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                              var j = i === e;
                            } else var j = true;
                          }
                        }
                      }
                    }
                  }
                } else return n.errors = [{ instancePath: t + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                var x = q === e;
              } else var x = true;
            }
          }
        }
      }
    } else return n.errors = [{ instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
    return n.errors = a, e === 0;
  }
  return V.exports;
})();

// src/proof/binding-document.ts
var DIGESTED_FILES = [
  PROOF_FILES.statement,
  PROOF_FILES.statementBundle,
  PROOF_FILES.receipt,
  PROOF_FILES.manifest,
  PROOF_FILES.runtimeJob
];
function entryTagRefs(t) {
  if (t === null) return {};
  const rekorLogIndex = String(t.log_index);
  return "uuid" in t ? { rekorLogIndex, rekorUuid: t.uuid } : { rekorLogIndex, rekorLogId: t.log_id };
}
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function canonicalJson(value) {
  if (value === null || typeof value === "boolean" || typeof value === "string")
    return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value))
      throw new QprovError("BINDING_INVALID", `binding holds a non-integer number ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value).sort();
    const obj = value;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  throw new QprovError("BINDING_INVALID", `binding holds a ${typeof value}`);
}
function bindingBytes(doc) {
  return Buffer.from(canonicalJson(doc), "utf8");
}
function checkBinding(raw) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new QprovError("BINDING_INVALID", "binding.json is not a JSON object");
  const id = raw.schema;
  const m = typeof id === "string" ? /^https:\/\/qprov\.dev\/binding\/v(\d+)$/.exec(id) : null;
  if (m === null)
    throw new QprovError("BINDING_INVALID", `binding.json has no qprov schema id (${String(id)})`);
  if (m[1] !== "1")
    throw new QprovError("BINDING_INVALID", `unsupported binding version v${m[1]}; this is v1`);
  if (!Y(raw))
    throw new QprovError(
      "BINDING_INVALID",
      `binding.json does not match ${BINDING_SCHEMA_ID}: ${firstSchemaError(Y)}`
    );
  const entry = raw.provenance.transparency_entry;
  if (entry !== null && !Number.isSafeInteger(entry.log_index))
    throw new QprovError("BINDING_INVALID", "transparency_entry.log_index is not a safe integer");
  return raw;
}
function parseBinding(bytes) {
  let raw;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new QprovError("BINDING_INVALID", "binding.json is not JSON");
  }
  const doc = checkBinding(raw);
  if (!bindingBytes(doc).equals(Buffer.from(bytes)))
    throw new QprovError("BINDING_INVALID", "binding.json is not in canonical form");
  return doc;
}

export {
  DIGESTED_FILES,
  entryTagRefs,
  sha256Digest,
  canonicalJson,
  bindingBytes,
  checkBinding,
  parseBinding
};
