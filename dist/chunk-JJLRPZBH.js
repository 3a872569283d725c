import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  sendRuntimeRequest
} from "./chunk-ZR6I2UEQ.js";
import {
  toRuntimeJob
} from "./chunk-IWH4RI3D.js";
import {
  registerSecret
} from "./chunk-NGTBCPG4.js";
import {
  stripTrailingSlash
} from "./chunk-O3OZEMSW.js";
import {
  checkEndpointURL
} from "./chunk-M4WF4K2E.js";
import {
  QPROV_VERSION
} from "./chunk-JHKQVXEF.js";
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/iam.ts
var APIKEY_GRANT = "urn:ibm:params:oauth:grant-type:apikey";
var IamTokenManager = class {
  constructor(opts) {
    this.opts = opts;
    registerSecret(opts.apiKey);
    checkEndpointURL(opts.iamURL, "the IAM URL");
    this.now = opts.now ?? (() => Date.now() / 1e3);
  }
  opts;
  cached;
  now;
  async token() {
    const c = this.cached;
    if (c && this.now() < c.expiration - 0.2 * c.expiresIn) return c.token;
    this.cached = await this.exchange();
    return this.cached.token;
  }
  /** Forget the cached token, e.g. after the service answered 401 to it. */
  invalidate() {
    this.cached = void 0;
  }
  async exchange() {
    const form = new URLSearchParams({
      grant_type: APIKEY_GRANT,
      apikey: this.opts.apiKey,
      response_type: "cloud_iam"
    });
    const what = "IAM token exchange";
    let res;
    try {
      res = await sendRuntimeRequest(
        {
          what,
          method: "POST",
          url: `${stripTrailingSlash(this.opts.iamURL)}/identity/token`,
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json"
          },
          body: form.toString()
        },
        this.opts.http
      );
    } catch (e) {
      if (e instanceof QprovError && (e.details.status === 400 || e.details.status === 401))
        throw new QprovError("RUNTIME_AUTH", `${e.message} (check the API key)`, {
          details: e.details
        });
      throw e;
    }
    let body;
    try {
      body = JSON.parse(res.text);
    } catch {
      throw new QprovError("RUNTIME_BAD_RESPONSE", `${what} returned a body that is not JSON`);
    }
    const token = body.access_token;
    const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
    const expiration = typeof body.expiration === "number" ? body.expiration : this.now() + expiresIn;
    if (typeof token !== "string" || token === "")
      throw new QprovError("RUNTIME_BAD_RESPONSE", `${what} returned no access_token`);
    registerSecret(token);
    return { token, expiration, expiresIn };
  }
};

// src/runtime/tag-rejection.ts
var TAG_LIMIT_CODES = /* @__PURE__ */ new Map([
  [1204, "count"],
  [1205, "length"]
]);
function limitOf(entry) {
  const code = typeof entry.code === "string" ? Number(entry.code) : entry.code;
  return code === void 0 ? void 0 : TAG_LIMIT_CODES.get(code);
}
function describeLimit(limit, sent) {
  if (limit === "count") return `too many tags (${sent.length} sent)`;
  const longest = sent.reduce((a, t) => t.length > a.length ? t : a, "");
  return `a tag is too long (the longest sent has ${longest.length} characters)`;
}
function tagLimitError(e, sent, job) {
  if (!(e instanceof QprovError) || e.details.status !== 400) return void 0;
  const errors = e.details.errors ?? [];
  const entry = errors.find((x) => limitOf(x) !== void 0);
  if (!entry) return void 0;
  const limit = limitOf(entry);
  const said = entry.message ? `: ${entry.message}` : "";
  return new QprovError(
    "RUNTIME_TAGS_REJECTED",
    `the service refused the tags for ${job}: ${describeLimit(limit, sent)}; IBM code ${String(entry.code)}${said}`,
    { cause: e, details: { ...e.details, tagLimit: limit } }
  );
}

// src/runtime/client.ts
var IBM_API_VERSION = "2026-04-15";
var CLIENT_APPLICATION = `qiskit-version-2/qprov-${QPROV_VERSION}`;
var MAX_SERVED_BYTES = 16 * 1024 * 1024;
function asObject(text, what) {
  try {
    const v = JSON.parse(text);
    if (typeof v === "object" && v !== null && !Array.isArray(v))
      return v;
  } catch {
  }
  throw new QprovError("RUNTIME_BAD_RESPONSE", `${what} returned a body that is not a JSON object`);
}
function toSession(o, what) {
  if (typeof o.id !== "string")
    throw new QprovError("RUNTIME_BAD_RESPONSE", `${what}: session has no id`);
  return {
    id: o.id,
    mode: String(o.mode ?? ""),
    state: String(o.state ?? ""),
    backend: typeof o.backend_name === "string" ? o.backend_name : void 0,
    accepting_jobs: typeof o.accepting_jobs === "boolean" ? o.accepting_jobs : void 0,
    raw: o
  };
}
var seg = encodeURIComponent;
var HttpRuntimeApi = class {
  constructor(opts) {
    this.opts = opts;
    this.base = stripTrailingSlash(checkEndpointURL(opts.runtimeURL, "the Runtime URL"));
    this.iam = new IamTokenManager({
      apiKey: opts.apiKey,
      iamURL: opts.iamURL,
      http: opts.http,
      now: opts.now
    });
  }
  opts;
  base;
  iam;
  async call(what, method, path, body, extra = {}) {
    const send = async (token2) => {
      const headers = {
        Authorization: `Bearer ${token2}`,
        "Service-CRN": this.opts.instanceCRN,
        "IBM-API-Version": IBM_API_VERSION,
        "X-Qx-Client-Application": CLIENT_APPLICATION,
        Accept: "application/json"
      };
      if (body !== void 0) headers["Content-Type"] = "application/json";
      return sendRuntimeRequest(
        {
          what,
          method,
          url: `${this.base}${path}`,
          headers,
          body: body === void 0 ? void 0 : JSON.stringify(body),
          ...extra
        },
        this.opts.http
      );
    };
    const token = await this.iam.token();
    try {
      return await send(token);
    } catch (e) {
      if (!(e instanceof QprovError) || e.details.status !== 401) throw e;
      this.iam.invalidate();
      return send(await this.iam.token());
    }
  }
  async createJob(body) {
    const res = await this.call("create job", "POST", "/jobs", body, { jobCreate: true }).catch(
      (e) => {
        throw tagLimitError(e, body.tags ?? [], "a new job (none was created)") ?? e;
      }
    );
    const o = asObject(res.text, "create job");
    if (typeof o.id !== "string" || o.id === "")
      throw new QprovError("RUNTIME_BAD_RESPONSE", "create job: response has no job id");
    return {
      id: o.id,
      backend: typeof o.backend === "string" ? o.backend : body.backend,
      session_id: typeof o.session_id === "string" ? o.session_id : void 0
    };
  }
  async getJob(id, opts = {}) {
    const what = `get job ${id}`;
    const exclude = opts.params === true ? "false" : "true";
    const res = await this.call(what, "GET", `/jobs/${seg(id)}?exclude_params=${exclude}`);
    return toRuntimeJob(asObject(res.text, what), what);
  }
  async listJobs(q) {
    const qs = new URLSearchParams();
    for (const t of q.tags ?? []) qs.append("tags", t);
    if (q.backend !== void 0) qs.set("backend", q.backend);
    if (q.createdAfter !== void 0) qs.set("created_after", q.createdAfter);
    if (q.createdBefore !== void 0) qs.set("created_before", q.createdBefore);
    if (q.sort !== void 0) qs.set("sort", q.sort);
    if (q.limit !== void 0) qs.set("limit", String(q.limit));
    if (q.offset !== void 0) qs.set("offset", String(q.offset));
    qs.set("exclude_params", "true");
    const res = await this.call("list jobs", "GET", `/jobs?${qs}`);
    const o = asObject(res.text, "list jobs");
    if (!Array.isArray(o.jobs) || typeof o.count !== "number")
      throw new QprovError("RUNTIME_BAD_RESPONSE", "list jobs: response lacks jobs[] or count");
    return {
      jobs: o.jobs.map((j) => toRuntimeJob(j, "list jobs")),
      count: o.count
    };
  }
  async listAllJobs(tags) {
    const out = [];
    for (; ; ) {
      const page = await this.listJobs({ tags, limit: 200, offset: out.length });
      out.push(...page.jobs);
      if (page.jobs.length === 0 || out.length >= page.count) return out;
    }
  }
  async replaceTags(id, tags) {
    try {
      await this.call(`replace tags of job ${id}`, "PUT", `/jobs/${seg(id)}/tags`, { tags });
    } catch (e) {
      const limit = tagLimitError(e, tags, `job ${id}`);
      if (limit) throw limit;
      if (e instanceof QprovError && e.details.status === 400)
        throw new QprovError("RUNTIME_TAGS_REJECTED", e.message, { details: e.details });
      throw e;
    }
    return (await this.getJob(id)).tags;
  }
  async cancelJob(id) {
    await this.call(`cancel job ${id}`, "POST", `/jobs/${seg(id)}/cancel`);
  }
  async getResults(id) {
    const what = `get results of job ${id}`;
    const res = await this.call(what, "GET", `/jobs/${seg(id)}/results`);
    if (res.status === 204 || res.text === "") return void 0;
    try {
      return JSON.parse(res.text);
    } catch {
      return res.text;
    }
  }
  async createSession(s) {
    const body = { mode: s.mode, backend: s.backend };
    if (s.maxTtl !== void 0) body.max_ttl = s.maxTtl;
    const res = await this.call("create session", "POST", "/sessions", body);
    return toSession(asObject(res.text, "create session"), "create session");
  }
  async getSession(id) {
    const what = `get session ${id}`;
    const res = await this.call(what, "GET", `/sessions/${seg(id)}`);
    return toSession(asObject(res.text, what), what);
  }
  async closeSession(id, opts = {}) {
    if (opts.cancel) {
      await this.call(`cancel session ${id}`, "DELETE", `/sessions/${seg(id)}/close`);
      return;
    }
    try {
      await this.call(`close session ${id}`, "PATCH", `/sessions/${seg(id)}`, {
        accepting_jobs: false
      });
    } catch (e) {
      if (!(e instanceof QprovError) || e.details.status !== 404) throw e;
    }
  }
  async getBackendConfiguration(name) {
    const what = `get configuration of backend ${name}`;
    const res = await this.call(what, "GET", `/backends/${seg(name)}/configuration`);
    return asObject(res.text, what);
  }
  async getBackendProperties(name, opts = {}) {
    const what = `get properties of backend ${name}`;
    const qs = opts.updatedBefore ? `?${new URLSearchParams({ updated_before: opts.updatedBefore })}` : "";
    const res = await this.call(what, "GET", `/backends/${seg(name)}/properties${qs}`);
    if (res.text.trim() === "" || res.text.trim() === "{}") return void 0;
    return asObject(res.text, what);
  }
  async getBackendStatus(name) {
    const what = `get status of backend ${name}`;
    return asObject((await this.call(what, "GET", `/backends/${seg(name)}/status`)).text, what);
  }
  async getInstanceUsage() {
    const what = "get instance usage";
    return asObject((await this.call(what, "GET", "/instances/usage")).text, what);
  }
  async getResultsBytes(id) {
    const what = `get results of job ${id}`;
    const r = await this.readServed(what, `/jobs/${seg(id)}/results`, MAX_SERVED_BYTES);
    return r.status === 204 || r.bytes.length === 0 ? void 0 : r.bytes;
  }
  async readServed(what, path, maxBytes) {
    const res = await this.call(what, "GET", path, void 0, { maxBytes });
    return { status: res.status, bytes: res.bytes };
  }
};
function createRuntimeClient(opts) {
  return new HttpRuntimeApi(opts);
}

export {
  IBM_API_VERSION,
  CLIENT_APPLICATION,
  MAX_SERVED_BYTES,
  HttpRuntimeApi,
  createRuntimeClient
};
