import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  AUDIT_MEDIA_TYPE,
  buildReport,
  shardOf
} from "./chunk-DGDYWWIG.js";
import {
  firstSchemaError
} from "./chunk-WNFLZQE4.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";
import "./chunk-4DXEKH5E.js";
import "./chunk-TR6SGTEF.js";

// src/binding/audit-merge.ts
import { isDeepStrictEqual } from "node:util";

// src/binding/audit-validator.ts
var J = (() => {
  const I = { exports: {} };
  I.exports = n, I.exports.default = n;
  const j = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://qprov.dev/schemas/audit.v1.schema.json", title: "qprov audit report v1 (application/vnd.qprov.audit+json;version=1)", description: "What `qprov audit --json` prints and `qprov audit merge` reads and writes: every listed job of an instance, classified by whether its provenance verifies.", type: "object", additionalProperties: false, required: ["mediaType", "scope", "policy", "shard", "total", "counts", "coverage", "rows"], properties: { mediaType: { const: "application/vnd.qprov.audit+json;version=1" }, scope: { description: "The GET /jobs filters the audit listed the instance with.", type: "object", additionalProperties: false, required: ["instance", "since", "until", "backend", "tags"], properties: { instance: { type: "string", pattern: "^crn:" }, since: { $ref: "#/definitions/instantOrNull" }, until: { $ref: "#/definitions/instantOrNull" }, backend: { type: ["string", "null"] }, tags: { type: "array", items: { type: "string" } } } }, policy: { description: "What a job had to meet to count as verified.", type: "object", additionalProperties: false, required: ["identity", "issuer", "profile", "trustedRoot", "requireResults", "sources"], properties: { identity: { type: "string" }, issuer: { type: "string" }, profile: { type: "string" }, trustedRoot: { description: "sha256 of the trusted root given, null for the embedded public-good root.", oneOf: [{ type: "null" }, { type: "string", pattern: "^sha256:[0-9a-f]{64}$" }] }, requireResults: { type: "boolean" }, sources: { type: "array", items: { type: "string" } } } }, shard: { oneOf: [{ type: "null" }, { type: "object", additionalProperties: false, required: ["index", "count"], properties: { index: { type: "integer", minimum: 1, maximum: 1e3 }, count: { type: "integer", minimum: 1, maximum: 1e3 } } }] }, total: { type: "integer", minimum: 0 }, counts: { type: "object", additionalProperties: false, required: ["verified", "failed", "missing", "untagged", "results-missing"], properties: { verified: { type: "integer", minimum: 0 }, failed: { type: "integer", minimum: 0 }, missing: { type: "integer", minimum: 0 }, untagged: { type: "integer", minimum: 0 }, "results-missing": { type: "integer", minimum: 0 } } }, coverage: { description: "Verified jobs as a percentage of total, two decimals; null when no job was listed.", oneOf: [{ type: "null" }, { type: "number", minimum: 0, maximum: 100 }] }, rows: { type: "array", items: { type: "object", additionalProperties: false, required: ["jobId", "created", "backend", "class"], properties: { jobId: { type: "string", pattern: "^[A-Za-z0-9_-]{1,1000}$" }, created: { type: ["string", "null"] }, backend: { type: ["string", "null"] }, class: { enum: ["verified", "failed", "missing", "untagged", "results-missing"] }, check: { type: "string" }, finding: { type: "string" }, location: { type: "string" }, detail: { type: "string" } }, if: { properties: { class: { const: "failed" } } }, then: { required: ["check"] } } } }, definitions: { instantOrNull: { oneOf: [{ type: "null" }, { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$" }] } } }, B = { oneOf: [{ type: "null" }, { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$" }] }, V = new RegExp("^crn:", "u"), E = new RegExp("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$", "u"), W = new RegExp("^sha256:[0-9a-f]{64}$", "u"), G = new RegExp("^[A-Za-z0-9_-]{1,1000}$", "u");
  function n(c, { instancePath: a = "", parentData: C, parentDataProperty: F, rootData: H = c } = {}) {
    let s = null, e = 0;
    if (e === 0) if (c && typeof c == "object" && !Array.isArray(c)) {
      let P;
      if (c.mediaType === void 0 && (P = "mediaType") || c.scope === void 0 && (P = "scope") || c.policy === void 0 && (P = "policy") || c.shard === void 0 && (P = "shard") || c.total === void 0 && (P = "total") || c.counts === void 0 && (P = "counts") || c.coverage === void 0 && (P = "coverage") || c.rows === void 0 && (P = "rows")) return n.errors = [{ instancePath: a, schemaPath: "#/required", keyword: "required", params: { missingProperty: P }, message: "must have required property '" + P + "'" }], false;
      {
        const K = e;
        for (const t in c) if (!(t === "mediaType" || t === "scope" || t === "policy" || t === "shard" || t === "total" || t === "counts" || t === "coverage" || t === "rows")) {
          return n.errors = [{ instancePath: a, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" }], false;
          break;
        }
        if (K === e) {
          if (c.mediaType !== void 0) {
            const t = e;
            if (c.mediaType !== "application/vnd.qprov.audit+json;version=1") return n.errors = [{ instancePath: a + "/mediaType", schemaPath: "#/properties/mediaType/const", keyword: "const", params: { allowedValue: "application/vnd.qprov.audit+json;version=1" }, message: "must be equal to constant" }], false;
            var y = t === e;
          } else var y = true;
          if (y) {
            if (c.scope !== void 0) {
              let t = c.scope;
              const g = e;
              if (e === g) if (t && typeof t == "object" && !Array.isArray(t)) {
                let l;
                if (t.instance === void 0 && (l = "instance") || t.since === void 0 && (l = "since") || t.until === void 0 && (l = "until") || t.backend === void 0 && (l = "backend") || t.tags === void 0 && (l = "tags")) return n.errors = [{ instancePath: a + "/scope", schemaPath: "#/properties/scope/required", keyword: "required", params: { missingProperty: l }, message: "must have required property '" + l + "'" }], false;
                {
                  const u = e;
                  for (const r in t) if (!(r === "instance" || r === "since" || r === "until" || r === "backend" || r === "tags")) {
                    return n.errors = [{ instancePath: a + "/scope", schemaPath: "#/properties/scope/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
                    break;
                  }
                  if (u === e) {
                    if (t.instance !== void 0) {
                      let r = t.instance;
                      const p = e;
                      if (e === p) if (typeof r == "string") {
                        if (!V.test(r)) return n.errors = [{ instancePath: a + "/scope/instance", schemaPath: "#/properties/scope/properties/instance/pattern", keyword: "pattern", params: { pattern: "^crn:" }, message: 'must match pattern "^crn:"' }], false;
                      } else return n.errors = [{ instancePath: a + "/scope/instance", schemaPath: "#/properties/scope/properties/instance/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                      var w = p === e;
                    } else var w = true;
                    if (w) {
                      if (t.since !== void 0) {
                        let r = t.since;
                        const p = e, b = e;
                        let o = false, d = null;
                        const f = e;
                        if (r !== null) {
                          const i = { instancePath: a + "/scope/since", schemaPath: "#/definitions/instantOrNull/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                          s === null ? s = [i] : s.push(i), e++;
                        }
                        var q = f === e;
                        q && (o = true, d = 0);
                        const m = e;
                        if (e === m) if (typeof r == "string") {
                          if (!E.test(r)) {
                            const i = { instancePath: a + "/scope/since", schemaPath: "#/definitions/instantOrNull/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"' };
                            s === null ? s = [i] : s.push(i), e++;
                          }
                        } else {
                          const i = { instancePath: a + "/scope/since", schemaPath: "#/definitions/instantOrNull/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          s === null ? s = [i] : s.push(i), e++;
                        }
                        var q = m === e;
                        if (q && o ? (o = false, d = [d, 1]) : q && (o = true, d = 1), o) e = b, s !== null && (b ? s.length = b : s = null);
                        else {
                          const i = { instancePath: a + "/scope/since", schemaPath: "#/definitions/instantOrNull/oneOf", keyword: "oneOf", params: { passingSchemas: d }, message: "must match exactly one schema in oneOf" };
                          return s === null ? s = [i] : s.push(i), e++, n.errors = s, false;
                        }
                        var w = p === e;
                      } else var w = true;
                      if (w) {
                        if (t.until !== void 0) {
                          let r = t.until;
                          const p = e, b = e;
                          let o = false, d = null;
                          const f = e;
                          if (r !== null) {
                            const i = { instancePath: a + "/scope/until", schemaPath: "#/definitions/instantOrNull/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                            s === null ? s = [i] : s.push(i), e++;
                          }
                          var x = f === e;
                          x && (o = true, d = 0);
                          const m = e;
                          if (e === m) if (typeof r == "string") {
                            if (!E.test(r)) {
                              const i = { instancePath: a + "/scope/until", schemaPath: "#/definitions/instantOrNull/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"' };
                              s === null ? s = [i] : s.push(i), e++;
                            }
                          } else {
                            const i = { instancePath: a + "/scope/until", schemaPath: "#/definitions/instantOrNull/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            s === null ? s = [i] : s.push(i), e++;
                          }
                          var x = m === e;
                          if (x && o ? (o = false, d = [d, 1]) : x && (o = true, d = 1), o) e = b, s !== null && (b ? s.length = b : s = null);
                          else {
                            const i = { instancePath: a + "/scope/until", schemaPath: "#/definitions/instantOrNull/oneOf", keyword: "oneOf", params: { passingSchemas: d }, message: "must match exactly one schema in oneOf" };
                            return s === null ? s = [i] : s.push(i), e++, n.errors = s, false;
                          }
                          var w = p === e;
                        } else var w = true;
                        if (w) {
                          if (t.backend !== void 0) {
                            let r = t.backend;
                            const p = e;
                            if (typeof r != "string" && r !== null) return n.errors = [{ instancePath: a + "/scope/backend", schemaPath: "#/properties/scope/properties/backend/type", keyword: "type", params: { type: j.properties.scope.properties.backend.type }, message: "must be string,null" }], false;
                            var w = p === e;
                          } else var w = true;
                          if (w) if (t.tags !== void 0) {
                            let r = t.tags;
                            const p = e;
                            if (e === p) if (Array.isArray(r)) {
                              var S = true;
                              const o = r.length;
                              for (let d = 0; d < o; d++) {
                                const f = e;
                                if (typeof r[d] != "string") return n.errors = [{ instancePath: a + "/scope/tags/" + d, schemaPath: "#/properties/scope/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                var S = f === e;
                                if (!S) break;
                              }
                            } else return n.errors = [{ instancePath: a + "/scope/tags", schemaPath: "#/properties/scope/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
                            var w = p === e;
                          } else var w = true;
                        }
                      }
                    }
                  }
                }
              } else return n.errors = [{ instancePath: a + "/scope", schemaPath: "#/properties/scope/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
              var y = g === e;
            } else var y = true;
            if (y) {
              if (c.policy !== void 0) {
                let t = c.policy;
                const g = e;
                if (e === g) if (t && typeof t == "object" && !Array.isArray(t)) {
                  let l;
                  if (t.identity === void 0 && (l = "identity") || t.issuer === void 0 && (l = "issuer") || t.profile === void 0 && (l = "profile") || t.trustedRoot === void 0 && (l = "trustedRoot") || t.requireResults === void 0 && (l = "requireResults") || t.sources === void 0 && (l = "sources")) return n.errors = [{ instancePath: a + "/policy", schemaPath: "#/properties/policy/required", keyword: "required", params: { missingProperty: l }, message: "must have required property '" + l + "'" }], false;
                  {
                    const u = e;
                    for (const r in t) if (!(r === "identity" || r === "issuer" || r === "profile" || r === "trustedRoot" || r === "requireResults" || r === "sources")) {
                      return n.errors = [{ instancePath: a + "/policy", schemaPath: "#/properties/policy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
                      break;
                    }
                    if (u === e) {
                      if (t.identity !== void 0) {
                        const r = e;
                        if (typeof t.identity != "string") return n.errors = [{ instancePath: a + "/policy/identity", schemaPath: "#/properties/policy/properties/identity/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                        var v = r === e;
                      } else var v = true;
                      if (v) {
                        if (t.issuer !== void 0) {
                          const r = e;
                          if (typeof t.issuer != "string") return n.errors = [{ instancePath: a + "/policy/issuer", schemaPath: "#/properties/policy/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                          var v = r === e;
                        } else var v = true;
                        if (v) {
                          if (t.profile !== void 0) {
                            const r = e;
                            if (typeof t.profile != "string") return n.errors = [{ instancePath: a + "/policy/profile", schemaPath: "#/properties/policy/properties/profile/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                            var v = r === e;
                          } else var v = true;
                          if (v) {
                            if (t.trustedRoot !== void 0) {
                              let r = t.trustedRoot;
                              const p = e, b = e;
                              let o = false, d = null;
                              const f = e;
                              if (r !== null) {
                                const i = { instancePath: a + "/policy/trustedRoot", schemaPath: "#/properties/policy/properties/trustedRoot/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                                s === null ? s = [i] : s.push(i), e++;
                              }
                              var R = f === e;
                              R && (o = true, d = 0);
                              const m = e;
                              if (e === m) if (typeof r == "string") {
                                if (!W.test(r)) {
                                  const i = { instancePath: a + "/policy/trustedRoot", schemaPath: "#/properties/policy/properties/trustedRoot/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"' };
                                  s === null ? s = [i] : s.push(i), e++;
                                }
                              } else {
                                const i = { instancePath: a + "/policy/trustedRoot", schemaPath: "#/properties/policy/properties/trustedRoot/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                s === null ? s = [i] : s.push(i), e++;
                              }
                              var R = m === e;
                              if (R && o ? (o = false, d = [d, 1]) : R && (o = true, d = 1), o) e = b, s !== null && (b ? s.length = b : s = null);
                              else {
                                const i = { instancePath: a + "/policy/trustedRoot", schemaPath: "#/properties/policy/properties/trustedRoot/oneOf", keyword: "oneOf", params: { passingSchemas: d }, message: "must match exactly one schema in oneOf" };
                                return s === null ? s = [i] : s.push(i), e++, n.errors = s, false;
                              }
                              var v = p === e;
                            } else var v = true;
                            if (v) {
                              if (t.requireResults !== void 0) {
                                const r = e;
                                if (typeof t.requireResults != "boolean") return n.errors = [{ instancePath: a + "/policy/requireResults", schemaPath: "#/properties/policy/properties/requireResults/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" }], false;
                                var v = r === e;
                              } else var v = true;
                              if (v) if (t.sources !== void 0) {
                                let r = t.sources;
                                const p = e;
                                if (e === p) if (Array.isArray(r)) {
                                  var z = true;
                                  const o = r.length;
                                  for (let d = 0; d < o; d++) {
                                    const f = e;
                                    if (typeof r[d] != "string") return n.errors = [{ instancePath: a + "/policy/sources/" + d, schemaPath: "#/properties/policy/properties/sources/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                    var z = f === e;
                                    if (!z) break;
                                  }
                                } else return n.errors = [{ instancePath: a + "/policy/sources", schemaPath: "#/properties/policy/properties/sources/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
                                var v = p === e;
                              } else var v = true;
                            }
                          }
                        }
                      }
                    }
                  }
                } else return n.errors = [{ instancePath: a + "/policy", schemaPath: "#/properties/policy/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                var y = g === e;
              } else var y = true;
              if (y) {
                if (c.shard !== void 0) {
                  let t = c.shard;
                  const g = e, N = e;
                  let l = false, u = null;
                  const r = e;
                  if (t !== null) {
                    const o = { instancePath: a + "/shard", schemaPath: "#/properties/shard/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                    s === null ? s = [o] : s.push(o), e++;
                  }
                  var T = r === e;
                  T && (l = true, u = 0);
                  const p = e;
                  if (e === p) if (t && typeof t == "object" && !Array.isArray(t)) {
                    let o;
                    if (t.index === void 0 && (o = "index") || t.count === void 0 && (o = "count")) {
                      const d = { instancePath: a + "/shard", schemaPath: "#/properties/shard/oneOf/1/required", keyword: "required", params: { missingProperty: o }, message: "must have required property '" + o + "'" };
                      s === null ? s = [d] : s.push(d), e++;
                    } else {
                      const d = e;
                      for (const f in t) if (!(f === "index" || f === "count")) {
                        const m = { instancePath: a + "/shard", schemaPath: "#/properties/shard/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: f }, message: "must NOT have additional properties" };
                        s === null ? s = [m] : s.push(m), e++;
                        break;
                      }
                      if (d === e) {
                        if (t.index !== void 0) {
                          let f = t.index;
                          const m = e;
                          if (!(typeof f == "number" && !(f % 1) && !isNaN(f))) {
                            const _ = { instancePath: a + "/shard/index", schemaPath: "#/properties/shard/oneOf/1/properties/index/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            s === null ? s = [_] : s.push(_), e++;
                          }
                          if (e === m && typeof f == "number") {
                            if (f > 1e3 || isNaN(f)) {
                              const _ = { instancePath: a + "/shard/index", schemaPath: "#/properties/shard/oneOf/1/properties/index/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
                              s === null ? s = [_] : s.push(_), e++;
                            } else if (f < 1 || isNaN(f)) {
                              const _ = { instancePath: a + "/shard/index", schemaPath: "#/properties/shard/oneOf/1/properties/index/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                              s === null ? s = [_] : s.push(_), e++;
                            }
                          }
                          var A = m === e;
                        } else var A = true;
                        if (A) if (t.count !== void 0) {
                          let f = t.count;
                          const m = e;
                          if (!(typeof f == "number" && !(f % 1) && !isNaN(f))) {
                            const i = { instancePath: a + "/shard/count", schemaPath: "#/properties/shard/oneOf/1/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            s === null ? s = [i] : s.push(i), e++;
                          }
                          if (e === m && typeof f == "number") {
                            if (f > 1e3 || isNaN(f)) {
                              const i = { instancePath: a + "/shard/count", schemaPath: "#/properties/shard/oneOf/1/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000" };
                              s === null ? s = [i] : s.push(i), e++;
                            } else if (f < 1 || isNaN(f)) {
                              const i = { instancePath: a + "/shard/count", schemaPath: "#/properties/shard/oneOf/1/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                              s === null ? s = [i] : s.push(i), e++;
                            }
                          }
                          var A = m === e;
                        } else var A = true;
                      }
                    }
                  } else {
                    const o = { instancePath: a + "/shard", schemaPath: "#/properties/shard/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    s === null ? s = [o] : s.push(o), e++;
                  }
                  var T = p === e;
                  if (T && l ? (l = false, u = [u, 1]) : T && (l = true, u = 1), l) e = N, s !== null && (N ? s.length = N : s = null);
                  else {
                    const o = { instancePath: a + "/shard", schemaPath: "#/properties/shard/oneOf", keyword: "oneOf", params: { passingSchemas: u }, message: "must match exactly one schema in oneOf" };
                    return s === null ? s = [o] : s.push(o), e++, n.errors = s, false;
                  }
                  var y = g === e;
                } else var y = true;
                if (y) {
                  if (c.total !== void 0) {
                    let t = c.total;
                    const g = e;
                    if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) return n.errors = [{ instancePath: a + "/total", schemaPath: "#/properties/total/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                    if (e === g && typeof t == "number" && (t < 0 || isNaN(t))) return n.errors = [{ instancePath: a + "/total", schemaPath: "#/properties/total/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                    var y = g === e;
                  } else var y = true;
                  if (y) {
                    if (c.counts !== void 0) {
                      let t = c.counts;
                      const g = e;
                      if (e === g) if (t && typeof t == "object" && !Array.isArray(t)) {
                        let l;
                        if (t.verified === void 0 && (l = "verified") || t.failed === void 0 && (l = "failed") || t.missing === void 0 && (l = "missing") || t.untagged === void 0 && (l = "untagged") || t["results-missing"] === void 0 && (l = "results-missing")) return n.errors = [{ instancePath: a + "/counts", schemaPath: "#/properties/counts/required", keyword: "required", params: { missingProperty: l }, message: "must have required property '" + l + "'" }], false;
                        {
                          const u = e;
                          for (const r in t) if (!(r === "verified" || r === "failed" || r === "missing" || r === "untagged" || r === "results-missing")) {
                            return n.errors = [{ instancePath: a + "/counts", schemaPath: "#/properties/counts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" }], false;
                            break;
                          }
                          if (u === e) {
                            if (t.verified !== void 0) {
                              let r = t.verified;
                              const p = e;
                              if (!(typeof r == "number" && !(r % 1) && !isNaN(r))) return n.errors = [{ instancePath: a + "/counts/verified", schemaPath: "#/properties/counts/properties/verified/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                              if (e === p && typeof r == "number" && (r < 0 || isNaN(r))) return n.errors = [{ instancePath: a + "/counts/verified", schemaPath: "#/properties/counts/properties/verified/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                              var k = p === e;
                            } else var k = true;
                            if (k) {
                              if (t.failed !== void 0) {
                                let r = t.failed;
                                const p = e;
                                if (!(typeof r == "number" && !(r % 1) && !isNaN(r))) return n.errors = [{ instancePath: a + "/counts/failed", schemaPath: "#/properties/counts/properties/failed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                                if (e === p && typeof r == "number" && (r < 0 || isNaN(r))) return n.errors = [{ instancePath: a + "/counts/failed", schemaPath: "#/properties/counts/properties/failed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                                var k = p === e;
                              } else var k = true;
                              if (k) {
                                if (t.missing !== void 0) {
                                  let r = t.missing;
                                  const p = e;
                                  if (!(typeof r == "number" && !(r % 1) && !isNaN(r))) return n.errors = [{ instancePath: a + "/counts/missing", schemaPath: "#/properties/counts/properties/missing/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                                  if (e === p && typeof r == "number" && (r < 0 || isNaN(r))) return n.errors = [{ instancePath: a + "/counts/missing", schemaPath: "#/properties/counts/properties/missing/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                                  var k = p === e;
                                } else var k = true;
                                if (k) {
                                  if (t.untagged !== void 0) {
                                    let r = t.untagged;
                                    const p = e;
                                    if (!(typeof r == "number" && !(r % 1) && !isNaN(r))) return n.errors = [{ instancePath: a + "/counts/untagged", schemaPath: "#/properties/counts/properties/untagged/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                                    if (e === p && typeof r == "number" && (r < 0 || isNaN(r))) return n.errors = [{ instancePath: a + "/counts/untagged", schemaPath: "#/properties/counts/properties/untagged/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                                    var k = p === e;
                                  } else var k = true;
                                  if (k) if (t["results-missing"] !== void 0) {
                                    let r = t["results-missing"];
                                    const p = e;
                                    if (!(typeof r == "number" && !(r % 1) && !isNaN(r))) return n.errors = [{ instancePath: a + "/counts/results-missing", schemaPath: "#/properties/counts/properties/results-missing/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }], false;
                                    if (e === p && typeof r == "number" && (r < 0 || isNaN(r))) return n.errors = [{ instancePath: a + "/counts/results-missing", schemaPath: "#/properties/counts/properties/results-missing/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }], false;
                                    var k = p === e;
                                  } else var k = true;
                                }
                              }
                            }
                          }
                        }
                      } else return n.errors = [{ instancePath: a + "/counts", schemaPath: "#/properties/counts/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                      var y = g === e;
                    } else var y = true;
                    if (y) {
                      if (c.coverage !== void 0) {
                        let t = c.coverage;
                        const g = e, N = e;
                        let l = false, u = null;
                        const r = e;
                        if (t !== null) {
                          const o = { instancePath: a + "/coverage", schemaPath: "#/properties/coverage/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null" };
                          s === null ? s = [o] : s.push(o), e++;
                        }
                        var $ = r === e;
                        $ && (l = true, u = 0);
                        const p = e;
                        if (e === p) if (typeof t == "number") {
                          if (t > 100 || isNaN(t)) {
                            const o = { instancePath: a + "/coverage", schemaPath: "#/properties/coverage/oneOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
                            s === null ? s = [o] : s.push(o), e++;
                          } else if (t < 0 || isNaN(t)) {
                            const o = { instancePath: a + "/coverage", schemaPath: "#/properties/coverage/oneOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                            s === null ? s = [o] : s.push(o), e++;
                          }
                        } else {
                          const o = { instancePath: a + "/coverage", schemaPath: "#/properties/coverage/oneOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number" };
                          s === null ? s = [o] : s.push(o), e++;
                        }
                        var $ = p === e;
                        if ($ && l ? (l = false, u = [u, 1]) : $ && (l = true, u = 1), l) e = N, s !== null && (N ? s.length = N : s = null);
                        else {
                          const o = { instancePath: a + "/coverage", schemaPath: "#/properties/coverage/oneOf", keyword: "oneOf", params: { passingSchemas: u }, message: "must match exactly one schema in oneOf" };
                          return s === null ? s = [o] : s.push(o), e++, n.errors = s, false;
                        }
                        var y = g === e;
                      } else var y = true;
                      if (y) if (c.rows !== void 0) {
                        let t = c.rows;
                        const g = e;
                        if (e === g) if (Array.isArray(t)) {
                          var D = true;
                          const l = t.length;
                          for (let u = 0; u < l; u++) {
                            let r = t[u];
                            const p = e, b = e;
                            let o = true;
                            const d = e;
                            if (r && typeof r == "object" && !Array.isArray(r) && r.class !== void 0 && r.class !== "failed") {
                              const m = {};
                              s === null ? s = [m] : s.push(m), e++;
                            }
                            var Z = d === e;
                            if (e = b, s !== null && (b ? s.length = b : s = null), Z) {
                              const m = e;
                              if (r && typeof r == "object" && !Array.isArray(r)) {
                                let i;
                                if (r.check === void 0 && (i = "check")) return n.errors = [{ instancePath: a + "/rows/" + u, schemaPath: "#/properties/rows/items/then/required", keyword: "required", params: { missingProperty: i }, message: "must have required property '" + i + "'" }], false;
                              }
                              var Z = m === e;
                              o = Z;
                            }
                            if (!o) {
                              const m = { instancePath: a + "/rows/" + u, schemaPath: "#/properties/rows/items/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema' };
                              return s === null ? s = [m] : s.push(m), e++, n.errors = s, false;
                            }
                            if (e === p) if (r && typeof r == "object" && !Array.isArray(r)) {
                              let m;
                              if (r.jobId === void 0 && (m = "jobId") || r.created === void 0 && (m = "created") || r.backend === void 0 && (m = "backend") || r.class === void 0 && (m = "class")) return n.errors = [{ instancePath: a + "/rows/" + u, schemaPath: "#/properties/rows/items/required", keyword: "required", params: { missingProperty: m }, message: "must have required property '" + m + "'" }], false;
                              {
                                const _ = e;
                                for (const i in r) if (!(i === "jobId" || i === "created" || i === "backend" || i === "class" || i === "check" || i === "finding" || i === "location" || i === "detail")) {
                                  return n.errors = [{ instancePath: a + "/rows/" + u, schemaPath: "#/properties/rows/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" }], false;
                                  break;
                                }
                                if (_ === e) {
                                  if (r.jobId !== void 0) {
                                    let i = r.jobId;
                                    const O = e;
                                    if (e === O) if (typeof i == "string") {
                                      if (!G.test(i)) return n.errors = [{ instancePath: a + "/rows/" + u + "/jobId", schemaPath: "#/properties/rows/items/properties/jobId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_-]{1,1000}$" }, message: 'must match pattern "^[A-Za-z0-9_-]{1,1000}$"' }], false;
                                    } else return n.errors = [{ instancePath: a + "/rows/" + u + "/jobId", schemaPath: "#/properties/rows/items/properties/jobId/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                    var h = O === e;
                                  } else var h = true;
                                  if (h) {
                                    if (r.created !== void 0) {
                                      let i = r.created;
                                      const O = e;
                                      if (typeof i != "string" && i !== null) return n.errors = [{ instancePath: a + "/rows/" + u + "/created", schemaPath: "#/properties/rows/items/properties/created/type", keyword: "type", params: { type: j.properties.rows.items.properties.created.type }, message: "must be string,null" }], false;
                                      var h = O === e;
                                    } else var h = true;
                                    if (h) {
                                      if (r.backend !== void 0) {
                                        let i = r.backend;
                                        const O = e;
                                        if (typeof i != "string" && i !== null) return n.errors = [{ instancePath: a + "/rows/" + u + "/backend", schemaPath: "#/properties/rows/items/properties/backend/type", keyword: "type", params: { type: j.properties.rows.items.properties.backend.type }, message: "must be string,null" }], false;
                                        var h = O === e;
                                      } else var h = true;
                                      if (h) {
                                        if (r.class !== void 0) {
                                          let i = r.class;
                                          const O = e;
                                          if (!(i === "verified" || i === "failed" || i === "missing" || i === "untagged" || i === "results-missing")) return n.errors = [{ instancePath: a + "/rows/" + u + "/class", schemaPath: "#/properties/rows/items/properties/class/enum", keyword: "enum", params: { allowedValues: j.properties.rows.items.properties.class.enum }, message: "must be equal to one of the allowed values" }], false;
                                          var h = O === e;
                                        } else var h = true;
                                        if (h) {
                                          if (r.check !== void 0) {
                                            const i = e;
                                            if (typeof r.check != "string") return n.errors = [{ instancePath: a + "/rows/" + u + "/check", schemaPath: "#/properties/rows/items/properties/check/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                            var h = i === e;
                                          } else var h = true;
                                          if (h) {
                                            if (r.finding !== void 0) {
                                              const i = e;
                                              if (typeof r.finding != "string") return n.errors = [{ instancePath: a + "/rows/" + u + "/finding", schemaPath: "#/properties/rows/items/properties/finding/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                              var h = i === e;
                                            } else var h = true;
                                            if (h) {
                                              if (r.location !== void 0) {
                                                const i = e;
                                                if (typeof r.location != "string") return n.errors = [{ instancePath: a + "/rows/" + u + "/location", schemaPath: "#/properties/rows/items/properties/location/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                                var h = i === e;
                                              } else var h = true;
                                              if (h) if (r.detail !== void 0) {
                                                const i = e;
                                                if (typeof r.detail != "string") return n.errors = [{ instancePath: a + "/rows/" + u + "/detail", schemaPath: "#/properties/rows/items/properties/detail/type", keyword: "type", params: { type: "string" }, message: "must be string" }], false;
                                                var h = i === e;
                                              } else var h = true;
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            } else return n.errors = [{ instancePath: a + "/rows/" + u, schemaPath: "#/properties/rows/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
                            var D = p === e;
                            if (!D) break;
                          }
                        } else return n.errors = [{ instancePath: a + "/rows", schemaPath: "#/properties/rows/type", keyword: "type", params: { type: "array" }, message: "must be array" }], false;
                        var y = g === e;
                      } else var y = true;
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else return n.errors = [{ instancePath: a, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }], false;
    return n.errors = s, e === 0;
  }
  return I.exports;
})();

// src/binding/audit-merge.ts
function parseAuditReport(text, what) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new QprovError("INPUT_NOT_JSON", `${what} is not JSON`);
  }
  if (!J(value))
    throw new QprovError(
      "INPUT_INVALID",
      `${what} is not a qprov audit report (${AUDIT_MEDIA_TYPE}): ${firstSchemaError(J)}`
    );
  const r = value;
  const again = buildReport(r.scope, r.policy, r.shard, r.rows);
  if (!isDeepStrictEqual(again.counts, r.counts) || again.total !== r.total)
    throw new QprovError("INPUT_INVALID", `${what}: its counts do not match its rows`);
  return r;
}
function mergeAuditReports(reports) {
  const first = reports[0];
  if (first === void 0) throw new QprovError("USAGE", "give the shard reports to merge");
  const count = first.report.shard?.count;
  const seen = /* @__PURE__ */ new Map();
  const jobs = /* @__PURE__ */ new Map();
  for (const { report, what } of reports) {
    if (report.shard === null || report.shard.count !== count)
      throw new QprovError(
        "INPUT_INVALID",
        `${what} is not shard of ${count ?? "?"} like ${first.what}`
      );
    if (!isDeepStrictEqual(report.scope, first.report.scope))
      throw new QprovError("INPUT_INVALID", `${what} audited another scope than ${first.what}`);
    if (!isDeepStrictEqual(report.policy, first.report.policy))
      throw new QprovError("INPUT_INVALID", `${what} used another policy than ${first.what}`);
    const twice = seen.get(report.shard.index);
    if (twice !== void 0)
      throw new QprovError(
        "INPUT_INVALID",
        `${what} and ${twice} are both shard ${report.shard.index}/${count}`
      );
    seen.set(report.shard.index, what);
    for (const row of report.rows) {
      if (shardOf(row.jobId, report.shard.count) !== report.shard.index - 1)
        throw new QprovError(
          "INPUT_INVALID",
          `${what}: job ${row.jobId} does not belong to shard ${report.shard.index}/${count}`
        );
      const other = jobs.get(row.jobId);
      if (other !== void 0)
        throw new QprovError("INPUT_INVALID", `job ${row.jobId} is in ${what} and ${other}`);
      jobs.set(row.jobId, what);
    }
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new QprovError(
      "INPUT_INVALID",
      `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} missing`
    );
  return buildReport(
    first.report.scope,
    first.report.policy,
    null,
    reports.flatMap((r) => r.report.rows)
  );
}
export {
  mergeAuditReports,
  parseAuditReport
};
