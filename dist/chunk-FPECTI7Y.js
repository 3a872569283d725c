import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/github/context.ts
var REPO = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
function runContext(env = process.env) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const m = REPO.exec(repository);
  if (!m)
    throw new QprovError(
      "CONFIG_INVALID",
      repository === "" ? "GITHUB_REPOSITORY is not set: this needs to run in a GitHub Actions job" : `GITHUB_REPOSITORY "${repository}" is not owner/name`
    );
  const runId = env.GITHUB_RUN_ID;
  if (runId !== void 0 && !/^[0-9]{1,20}$/.test(runId))
    throw new QprovError("CONFIG_INVALID", `GITHUB_RUN_ID "${runId}" is not a number`);
  const sha = env.GITHUB_SHA;
  return {
    serverURL: httpOrigin(env.GITHUB_SERVER_URL ?? "https://github.com", "GITHUB_SERVER_URL"),
    apiURL: httpBase(env.GITHUB_API_URL ?? "https://api.github.com", "GITHUB_API_URL"),
    repository,
    owner: m[1],
    repo: m[2],
    ...runId ? { runId } : {},
    ...sha && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? { sha } : {},
    ...env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}
  };
}
function httpBase(value, name) {
  let u;
  try {
    u = new URL(value);
  } catch {
    throw new QprovError("CONFIG_INVALID", `${name} "${value}" is not a URL`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:")
    throw new QprovError("CONFIG_INVALID", `${name} "${value}" is not an http(s) URL`);
  return u.href.replace(/\/+$/, "");
}
function httpOrigin(value, name) {
  return new URL(httpBase(value, name)).origin;
}
function runURL(ctx) {
  return ctx.runId ? `${ctx.serverURL}/${ctx.repository}/actions/runs/${ctx.runId}` : void 0;
}
function artifactURL(ctx, artifactId) {
  const run = runURL(ctx);
  return run ? `${run}/artifacts/${artifactId}` : void 0;
}

export {
  runContext,
  runURL,
  artifactURL
};
