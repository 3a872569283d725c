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
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/proof/runtime-job-validator.ts
var J = (() => {
  const _ = { exports: {} };
  _.exports = a, _.exports.default = a;
  const C = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://qprov.dev/runtime-job/v1", title: "qprov runtime job record (runtime-job.json), version 1", description: "Where a Qiskit Runtime job is and what its tags point at, written by qprov submit and qprov tag. Never holds a secret. See docs/binding-spec.md.", type: "object", additionalProperties: false, required: ["kind", "jobId", "instanceCRN", "runtimeURL", "tags", "recordedAt"], definitions: { digest: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }, text: { type: "string", minLength: 1, maxLength: 1024 } }, properties: { kind: { const: "qprov.runtime-job/v1" }, jobId: { type: "string", minLength: 1, maxLength: 256 }, sessionId: { $ref: "#/definitions/text" }, backend: { $ref: "#/definitions/text" }, program: { $ref: "#/definitions/text" }, created: { $ref: "#/definitions/text" }, instanceCRN: { type: "string", pattern: "^crn:v1:", maxLength: 1024 }, runtimeURL: { $ref: "#/definitions/text" }, tags: { type: "array", items: { type: "string" }, maxItems: 1e3 }, statementDigest: { $ref: "#/definitions/digest" }, packageDigest: { $ref: "#/definitions/digest" }, rekor: { type: "object", additionalProperties: false, required: ["logIndex"], properties: { logIndex: { type: "string", pattern: "^(0|[1-9][0-9]{0,18})$" }, uuid: { type: "string", pattern: "^[0-9a-f]{64}([0-9a-f]{16})?$" }, logId: { type: "string", pattern: "^[0-9a-f]{64}$" } } }, targetCheck: { oneOf: [{ type: "object", additionalProperties: false, required: ["status", "backend", "qubits"], properties: { status: { const: "passed" }, backend: { $ref: "#/definitions/text" }, version: { $ref: "#/definitions/text" }, qubits: { type: "integer", minimum: 0 } } }, { type: "object", additionalProperties: false, required: ["status", "backend"], properties: { status: { const: "skipped" }, backend: { $ref: "#/definitions/text" } } }] }, backendSource: { enum: ["job-spec", "override", "runtime"] }, recordedAt: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$" } } }, U = { type: "string", minLength: 1, maxLength: 1024 }, S = { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }, O = Object.prototype.hasOwnProperty, f = require_ucs2length().default, q = new RegExp("^crn:v1:", "u"), N = new RegExp("^sha256:[0-9a-f]{64}$", "u"), $ = new RegExp("^(0|[1-9][0-9]{0,18})$", "u"), R = new RegExp("^[0-9a-f]{64}([0-9a-f]{16})?$", "u"), T = new RegExp("^[0-9a-f]{64}$", "u"), A = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$", "u");
  function a(n, { instancePath: s = "", parentData: E, parentDataProperty: V, rootData: Z = n } = {}) {
    let t = null, e = 0;
    if (e === 0) if (n && typeof n == "object" && !Array.isArray(n)) {
      let b;
      if (n.kind === void 0 && (b = "kind") || n.jobId === void 0 && (b = "jobId") || n.instanceCRN === void 0 && (b = "instanceCRN") || n.runtimeURL === void 0 && (b = "runtimeURL") || n.tags === void 0 && (b = "tags") || n.recordedAt === void 0 && (b = "recordedAt")) return a.errors = [{ instancePath: s, schemaPath: "#/required", keyword: "required", params: { missingProperty: b }, message: "must have required property '" + b + "'" }], false;
      {
        const D = e;
        for (const r in n) if (!O.call(C.properties, r)) {
          return a.errors = [{ instancePath: s, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
          break;
        }
        if (D === e) {
          if (n.kind !== void 0) {
            const r = e;
            if (n.kind !== "qprov.runtime-job/v1") return a.errors = [{ instancePath: s + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "qprov.runtime-job/v1" }, message: "must be equal to constant" }], false;
            var i = r === e;
          } else var i = true;
          if (i) {
            if (n.jobId !== void 0) {
              let r = n.jobId;
              const o = e;
              if (e === o) if (typeof r == "string") {
                if (f(r) > 256) return a.errors = [{ instancePath: s + "/jobId", schemaPath: "#/properties/jobId/maxLength", keyword: "maxLength", params: { limit: 256 }, message: "must NOT have more than 256 characters" }], false;
                if (f(r) < 1) return a.errors = [{ instancePath: s + "/jobId", schemaPath: "#/properties/jobId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
              } else return a.errors = [{ instancePath: s + "/jobId", schemaPath: "#/properties/jobId/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
              var i = o === e;
            } else var i = true;
            if (i) {
              if (n.sessionId !== void 0) {
                let r = n.sessionId;
                const o = e;
                if (e === e) if (typeof r == "string") {
                  if (f(r) > 1024) return a.errors = [{ instancePath: s + "/sessionId", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                  if (f(r) < 1) return a.errors = [{ instancePath: s + "/sessionId", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                } else return a.errors = [{ instancePath: s + "/sessionId", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                var i = o === e;
              } else var i = true;
              if (i) {
                if (n.backend !== void 0) {
                  let r = n.backend;
                  const o = e;
                  if (e === e) if (typeof r == "string") {
                    if (f(r) > 1024) return a.errors = [{ instancePath: s + "/backend", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                    if (f(r) < 1) return a.errors = [{ instancePath: s + "/backend", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                  } else return a.errors = [{ instancePath: s + "/backend", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                  var i = o === e;
                } else var i = true;
                if (i) {
                  if (n.program !== void 0) {
                    let r = n.program;
                    const o = e;
                    if (e === e) if (typeof r == "string") {
                      if (f(r) > 1024) return a.errors = [{ instancePath: s + "/program", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                      if (f(r) < 1) return a.errors = [{ instancePath: s + "/program", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                    } else return a.errors = [{ instancePath: s + "/program", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                    var i = o === e;
                  } else var i = true;
                  if (i) {
                    if (n.created !== void 0) {
                      let r = n.created;
                      const o = e;
                      if (e === e) if (typeof r == "string") {
                        if (f(r) > 1024) return a.errors = [{ instancePath: s + "/created", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                        if (f(r) < 1) return a.errors = [{ instancePath: s + "/created", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                      } else return a.errors = [{ instancePath: s + "/created", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                      var i = o === e;
                    } else var i = true;
                    if (i) {
                      if (n.instanceCRN !== void 0) {
                        let r = n.instanceCRN;
                        const o = e;
                        if (e === o) if (typeof r == "string") {
                          if (f(r) > 1024) return a.errors = [{ instancePath: s + "/instanceCRN", schemaPath: "#/properties/instanceCRN/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                          if (!q.test(r)) return a.errors = [{ instancePath: s + "/instanceCRN", schemaPath: "#/properties/instanceCRN/pattern", keyword: "pattern", params: { pattern: "^crn:v1:" }, message: 'must match pattern "^crn:v1:"' }], false;
                        } else return a.errors = [{ instancePath: s + "/instanceCRN", schemaPath: "#/properties/instanceCRN/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                        var i = o === e;
                      } else var i = true;
                      if (i) {
                        if (n.runtimeURL !== void 0) {
                          let r = n.runtimeURL;
                          const o = e;
                          if (e === e) if (typeof r == "string") {
                            if (f(r) > 1024) return a.errors = [{ instancePath: s + "/runtimeURL", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" }], false;
                            if (f(r) < 1) return a.errors = [{ instancePath: s + "/runtimeURL", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }], false;
                          } else return a.errors = [{ instancePath: s + "/runtimeURL", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                          var i = o === e;
                        } else var i = true;
                        if (i) {
                          if (n.tags !== void 0) {
                            let r = n.tags;
                            const o = e;
                            if (e === o) if (Array.isArray(r)) {
                              if (r.length > 1e3) return a.errors = [{ instancePath: s + "/tags", schemaPath: "#/properties/tags/maxItems", keyword: "maxItems", params: { limit: 1e3 }, message: "must NOT have more than 1000 items" }], false;
                              {
                                var j = true;
                                const h = r.length;
                                for (let l = 0; l < h; l++) {
                                  const u = e;
                                  if (typeof r[l] != "string") return a.errors = [{ instancePath: s + "/tags/" + l, schemaPath: "#/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                  var j = u === e;
                                  if (!j) break;
                                }
                              }
                            } else return a.errors = [{ instancePath: s + "/tags", schemaPath: "#/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
                            var i = o === e;
                          } else var i = true;
                          if (i) {
                            if (n.statementDigest !== void 0) {
                              let r = n.statementDigest;
                              const o = e;
                              if (e === e) if (typeof r == "string") {
                                if (!N.test(r)) return a.errors = [{ instancePath: s + "/statementDigest", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                              } else return a.errors = [{ instancePath: s + "/statementDigest", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                              var i = o === e;
                            } else var i = true;
                            if (i) {
                              if (n.packageDigest !== void 0) {
                                let r = n.packageDigest;
                                const o = e;
                                if (e === e) if (typeof r == "string") {
                                  if (!N.test(r)) return a.errors = [{ instancePath: s + "/packageDigest", schemaPath: "#/definitions/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' }], false;
                                } else return a.errors = [{ instancePath: s + "/packageDigest", schemaPath: "#/definitions/digest/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                var i = o === e;
                              } else var i = true;
                              if (i) {
                                if (n.rekor !== void 0) {
                                  let r = n.rekor;
                                  const o = e;
                                  if (e === o) if (r && typeof r == "object" && !Array.isArray(r)) {
                                    let h;
                                    if (r.logIndex === void 0 && (h = "logIndex")) return a.errors = [{ instancePath: s + "/rekor", schemaPath: "#/properties/rekor/required", keyword: "required", params: { missingProperty: h }, message: "must have required property '" + h + "'" }], false;
                                    {
                                      const l = e;
                                      for (const u in r) if (!(u === "logIndex" || u === "uuid" || u === "logId")) {
                                        return a.errors = [{ instancePath: s + "/rekor", schemaPath: "#/properties/rekor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: u }, message: "must NOT have additional properties" }], false;
                                        break;
                                      }
                                      if (l === e) {
                                        if (r.logIndex !== void 0) {
                                          let u = r.logIndex;
                                          const g = e;
                                          if (e === g) if (typeof u == "string") {
                                            if (!$.test(u)) return a.errors = [{ instancePath: s + "/rekor/logIndex", schemaPath: "#/properties/rekor/properties/logIndex/pattern", keyword: "pattern", params: { pattern: "^(0|[1-9][0-9]{0,18})$" }, message: 'must match pattern "^(0|[1-9][0-9]{0,18})$"' }], false;
                                          } else return a.errors = [{ instancePath: s + "/rekor/logIndex", schemaPath: "#/properties/rekor/properties/logIndex/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                          var w = g === e;
                                        } else var w = true;
                                        if (w) {
                                          if (r.uuid !== void 0) {
                                            let u = r.uuid;
                                            const g = e;
                                            if (e === g) if (typeof u == "string") {
                                              if (!R.test(u)) return a.errors = [{ instancePath: s + "/rekor/uuid", schemaPath: "#/properties/rekor/properties/uuid/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}([0-9a-f]{16})?$" }, message: 'must match pattern "^[0-9a-f]{64}([0-9a-f]{16})?$"' }], false;
                                            } else return a.errors = [{ instancePath: s + "/rekor/uuid", schemaPath: "#/properties/rekor/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                            var w = g === e;
                                          } else var w = true;
                                          if (w) if (r.logId !== void 0) {
                                            let u = r.logId;
                                            const g = e;
                                            if (e === g) if (typeof u == "string") {
                                              if (!T.test(u)) return a.errors = [{ instancePath: s + "/rekor/logId", schemaPath: "#/properties/rekor/properties/logId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' }], false;
                                            } else return a.errors = [{ instancePath: s + "/rekor/logId", schemaPath: "#/properties/rekor/properties/logId/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                            var w = g === e;
                                          } else var w = true;
                                        }
                                      }
                                    }
                                  } else return a.errors = [{ instancePath: s + "/rekor", schemaPath: "#/properties/rekor/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                                  var i = o === e;
                                } else var i = true;
                                if (i) {
                                  if (n.targetCheck !== void 0) {
                                    let r = n.targetCheck;
                                    const o = e, k = e;
                                    let h = false, l = null;
                                    const u = e;
                                    if (e === u) if (r && typeof r == "object" && !Array.isArray(r)) {
                                      let c;
                                      if (r.status === void 0 && (c = "status") || r.backend === void 0 && (c = "backend") || r.qubits === void 0 && (c = "qubits")) {
                                        const v = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf/0/required", keyword: "required", params: { missingProperty: c }, message: "must have required property '" + c + "'" };
                                        t === null ? t = [v] : t.push(v), e++;
                                      } else {
                                        const v = e;
                                        for (const p in r) if (!(p === "status" || p === "backend" || p === "version" || p === "qubits")) {
                                          const d = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: p }, message: "must NOT have additional properties" };
                                          t === null ? t = [d] : t.push(d), e++;
                                          break;
                                        }
                                        if (v === e) {
                                          if (r.status !== void 0) {
                                            const p = e;
                                            if (r.status !== "passed") {
                                              const d = { instancePath: s + "/targetCheck/status", schemaPath: "#/properties/targetCheck/oneOf/0/properties/status/const", keyword: "const", params: { allowedValue: "passed" }, message: "must be equal to constant" };
                                              t === null ? t = [d] : t.push(d), e++;
                                            }
                                            var y = p === e;
                                          } else var y = true;
                                          if (y) {
                                            if (r.backend !== void 0) {
                                              let p = r.backend;
                                              const d = e;
                                              if (e === e) if (typeof p == "string") {
                                                if (f(p) > 1024) {
                                                  const m = { instancePath: s + "/targetCheck/backend", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" };
                                                  t === null ? t = [m] : t.push(m), e++;
                                                } else if (f(p) < 1) {
                                                  const m = { instancePath: s + "/targetCheck/backend", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                  t === null ? t = [m] : t.push(m), e++;
                                                }
                                              } else {
                                                const m = { instancePath: s + "/targetCheck/backend", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                t === null ? t = [m] : t.push(m), e++;
                                              }
                                              var y = d === e;
                                            } else var y = true;
                                            if (y) {
                                              if (r.version !== void 0) {
                                                let p = r.version;
                                                const d = e;
                                                if (e === e) if (typeof p == "string") {
                                                  if (f(p) > 1024) {
                                                    const m = { instancePath: s + "/targetCheck/version", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" };
                                                    t === null ? t = [m] : t.push(m), e++;
                                                  } else if (f(p) < 1) {
                                                    const m = { instancePath: s + "/targetCheck/version", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                    t === null ? t = [m] : t.push(m), e++;
                                                  }
                                                } else {
                                                  const m = { instancePath: s + "/targetCheck/version", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                  t === null ? t = [m] : t.push(m), e++;
                                                }
                                                var y = d === e;
                                              } else var y = true;
                                              if (y) if (r.qubits !== void 0) {
                                                let p = r.qubits;
                                                const d = e;
                                                if (!(typeof p == "number" && !(p % 1) && !isNaN(p))) {
                                                  const P = { instancePath: s + "/targetCheck/qubits", schemaPath: "#/properties/targetCheck/oneOf/0/properties/qubits/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                                  t === null ? t = [P] : t.push(P), e++;
                                                }
                                                if (e === d && typeof p == "number" && (p < 0 || isNaN(p))) {
                                                  const P = { instancePath: s + "/targetCheck/qubits", schemaPath: "#/properties/targetCheck/oneOf/0/properties/qubits/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                                  t === null ? t = [P] : t.push(P), e++;
                                                }
                                                var y = d === e;
                                              } else var y = true;
                                            }
                                          }
                                        }
                                      }
                                    } else {
                                      const c = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                      t === null ? t = [c] : t.push(c), e++;
                                    }
                                    var L = u === e;
                                    L && (h = true, l = 0);
                                    const g = e;
                                    if (e === g) if (r && typeof r == "object" && !Array.isArray(r)) {
                                      let c;
                                      if (r.status === void 0 && (c = "status") || r.backend === void 0 && (c = "backend")) {
                                        const v = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf/1/required", keyword: "required", params: { missingProperty: c }, message: "must have required property '" + c + "'" };
                                        t === null ? t = [v] : t.push(v), e++;
                                      } else {
                                        const v = e;
                                        for (const p in r) if (!(p === "status" || p === "backend")) {
                                          const d = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: p }, message: "must NOT have additional properties" };
                                          t === null ? t = [d] : t.push(d), e++;
                                          break;
                                        }
                                        if (v === e) {
                                          if (r.status !== void 0) {
                                            const p = e;
                                            if (r.status !== "skipped") {
                                              const d = { instancePath: s + "/targetCheck/status", schemaPath: "#/properties/targetCheck/oneOf/1/properties/status/const", keyword: "const", params: { allowedValue: "skipped" }, message: "must be equal to constant" };
                                              t === null ? t = [d] : t.push(d), e++;
                                            }
                                            var x = p === e;
                                          } else var x = true;
                                          if (x) if (r.backend !== void 0) {
                                            let p = r.backend;
                                            const d = e;
                                            if (e === e) if (typeof p == "string") {
                                              if (f(p) > 1024) {
                                                const m = { instancePath: s + "/targetCheck/backend", schemaPath: "#/definitions/text/maxLength", keyword: "maxLength", params: { limit: 1024 }, message: "must NOT have more than 1024 characters" };
                                                t === null ? t = [m] : t.push(m), e++;
                                              } else if (f(p) < 1) {
                                                const m = { instancePath: s + "/targetCheck/backend", schemaPath: "#/definitions/text/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                t === null ? t = [m] : t.push(m), e++;
                                              }
                                            } else {
                                              const m = { instancePath: s + "/targetCheck/backend", schemaPath: "#/definitions/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                              t === null ? t = [m] : t.push(m), e++;
                                            }
                                            var x = d === e;
                                          } else var x = true;
                                        }
                                      }
                                    } else {
                                      const c = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                      t === null ? t = [c] : t.push(c), e++;
                                    }
                                    var L = g === e;
                                    if (L && h ? (h = false, l = [l, 1]) : L && (h = true, l = 1), h) e = k, t !== null && (k ? t.length = k : t = null);
                                    else {
                                      const c = { instancePath: s + "/targetCheck", schemaPath: "#/properties/targetCheck/oneOf", keyword: "oneOf", params: { passingSchemas: l }, message: "must match exactly one schema in oneOf" };
                                      return t === null ? t = [c] : t.push(c), e++, a.errors = t, false;
                                    }
                                    var i = o === e;
                                  } else var i = true;
                                  if (i) {
                                    if (n.backendSource !== void 0) {
                                      let r = n.backendSource;
                                      const o = e;
                                      if (!(r === "job-spec" || r === "override" || r === "runtime")) return a.errors = [{ instancePath: s + "/backendSource", schemaPath: "#/properties/backendSource/enum", keyword: "enum", params: { allowedValues: C.properties.backendSource.enum }, message: "must be equal to one of the allowed values" }], false;
                                      var i = o === e;
                                    } else var i = true;
                                    if (i) if (n.recordedAt !== void 0) {
                                      let r = n.recordedAt;
                                      const o = e;
                                      if (e === o) if (typeof r == "string") {
                                        if (!A.test(r)) return a.errors = [{ instancePath: s + "/recordedAt", schemaPath: "#/properties/recordedAt/pattern", keyword: "pattern", params: { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$" }, message: 'must match pattern "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$"' }], false;
                                      } else return a.errors = [{ instancePath: s + "/recordedAt", schemaPath: "#/properties/recordedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                      var i = o === e;
                                    } else var i = true;
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
          }
        }
      }
    } else return a.errors = [{ instancePath: s, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
    return a.errors = t, e === 0;
  }
  return _.exports;
})();

// src/proof/runtime-job-file.ts
var RUNTIME_JOB_KIND = "qprov.runtime-job/v1";
function bad(why) {
  return new QprovError("PROOF_BUNDLE_INVALID", `runtime-job.json ${why}`);
}
function parseRuntimeJob(bytes) {
  let raw;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw bad("is not JSON");
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw bad("is not an object");
  const kind = raw.kind;
  if (kind !== RUNTIME_JOB_KIND) throw bad(`has kind ${JSON.stringify(kind)}`);
  if (!J(raw))
    throw bad(`does not match ${RUNTIME_JOB_KIND}: ${firstSchemaError(J)}`);
  return raw;
}

export {
  RUNTIME_JOB_KIND,
  parseRuntimeJob
};
