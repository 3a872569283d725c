import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/runtime/api-errors.ts
function parseErrorBody(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { errors: [] };
  }
  if (typeof raw !== "object" || raw === null) return { errors: [] };
  const obj = raw;
  const trace = typeof obj.trace === "string" ? obj.trace : void 0;
  const iam = typeof obj.errorMessage === "string" ? [{ code: obj.errorCode, message: obj.errorMessage }] : [];
  const list = Array.isArray(obj.errors) ? obj.errors : typeof obj.error === "object" && obj.error !== null ? [obj.error] : iam;
  const errors = [];
  for (const e of list) {
    if (typeof e !== "object" || e === null) continue;
    const r = e;
    errors.push({
      code: typeof r.code === "number" || typeof r.code === "string" ? r.code : void 0,
      message: typeof r.message === "string" ? r.message : void 0,
      more_info: typeof r.more_info === "string" ? r.more_info : void 0
    });
  }
  return { errors, trace };
}
function codeForStatus(status) {
  if (status === 401 || status === 403) return "RUNTIME_AUTH";
  if (status === 429) return "RUNTIME_RATE_LIMITED";
  return "RUNTIME_HTTP";
}
function runtimeHttpError(what, status, bodyText, code = codeForStatus(status)) {
  const parsed = parseErrorBody(bodyText);
  const first = parsed.errors[0];
  const reason = first ? `${first.message ?? "no message"}${first.code === void 0 ? "" : ` (code ${first.code})`}` : bodyText.trim().slice(0, 200) || "empty body";
  const trace = parsed.trace ? `, trace ${parsed.trace}` : "";
  return new QprovError(code, `${what} failed: HTTP ${status}: ${reason}${trace}`, {
    details: { status, trace: parsed.trace, errors: parsed.errors }
  });
}

// src/runtime/http.ts
var RETRY_STATUSES = /* @__PURE__ */ new Set([500, 502, 503, 504, 520, 521, 522, 524]);
var JOB_CREATE_RATE_WAIT_MS = 12e3;
var JOB_CREATE_TIMEOUT_MS = 9e5;
var realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
function backoffMs(retry, capMs) {
  return Math.min(capMs, 500 * 2 ** (retry - 1));
}
function parseRetryAfter(value, nowMs = Date.now()) {
  if (value === null || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const at = Date.parse(value);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
function tooLarge(req, cap) {
  return new QprovError(
    "RUNTIME_RESPONSE_TOO_LARGE",
    `${req.what}: the response is larger than ${cap} bytes, the most qprov stores`,
    { details: { method: req.method, url: req.url } }
  );
}
async function readBody(req, res) {
  const cap = req.maxBytes;
  if (cap === void 0 || !res.ok || res.body === null) return Buffer.from(await res.arrayBuffer());
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > cap) {
    await res.body.cancel();
    throw tooLarge(req, cap);
  }
  const chunks = [];
  let n = 0;
  for await (const chunk of res.body) {
    n += chunk.byteLength;
    if (n > cap) throw tooLarge(req, cap);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
function transportError(req, e, timeoutMs) {
  const err = e;
  if (err?.name === "TimeoutError" || err?.name === "AbortError")
    return new QprovError("RUNTIME_TIMEOUT", `${req.what} timed out after ${timeoutMs} ms`, {
      cause: e,
      details: { method: req.method, url: req.url }
    });
  const why = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new QprovError("RUNTIME_NETWORK", `${req.what} failed: connection error (${why})`, {
    cause: e,
    details: { method: req.method, url: req.url }
  });
}
async function sendRuntimeRequest(req, policy = {}) {
  const doFetch = policy.fetch ?? fetch;
  const sleep = policy.sleep ?? realSleep;
  const timeoutMs = req.jobCreate ? policy.jobCreateTimeoutMs ?? JOB_CREATE_TIMEOUT_MS : policy.timeoutMs ?? 6e4;
  const maxRetries = policy.maxRetries ?? 5;
  const capMs = policy.maxDelayMs ?? 12e4;
  const replaySafe = req.method !== "POST" && req.method !== "PATCH";
  let connectionRetries = 0;
  for (let attempt = 1; ; attempt++) {
    let res;
    let bytes;
    try {
      res = await doFetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        // A redirect would replay the API key or bearer token to whatever host it names.
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs)
      });
      bytes = await readBody(req, res);
    } catch (e) {
      if (e instanceof QprovError) throw e;
      const err = transportError(req, e, timeoutMs);
      if (replaySafe && connectionRetries < 3 && attempt <= maxRetries) {
        connectionRetries++;
        await sleep(backoffMs(attempt, capMs));
        continue;
      }
      throw err;
    }
    const text = bytes.toString("utf8");
    if (res.ok) return { status: res.status, headers: res.headers, text, bytes };
    const retriesLeft = attempt <= maxRetries;
    if (res.status === 429 && req.method !== "PATCH" && retriesLeft) {
      const after = parseRetryAfter(res.headers.get("retry-after"));
      const wait = after ?? (req.jobCreate ? JOB_CREATE_RATE_WAIT_MS : void 0);
      if (wait !== void 0 && wait <= capMs) {
        await sleep(wait);
        continue;
      }
    }
    if (RETRY_STATUSES.has(res.status) && req.method !== "PATCH" && retriesLeft) {
      await sleep(backoffMs(attempt, capMs));
      continue;
    }
    throw runtimeHttpError(req.what, res.status, text);
  }
}

export {
  realSleep,
  sendRuntimeRequest
};
