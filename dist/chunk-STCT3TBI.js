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
  READ_LIMITS,
  readBoundedText
} from "./chunk-SW4PFA3Z.js";
import {
  QprovError,
  isQprovError,
  oneLine
} from "./chunk-U5PWNO2I.js";

// src/settings/sandbox.ts
import { dirname, join, resolve } from "node:path";
var SIGNING_FIELDS = [
  "fulcioURL",
  "tsaURL",
  "trustedRoot",
  "identityToken",
  "identity",
  "issuer",
  "actionsIdTokenRequestURL",
  "actionsIdTokenRequestToken"
];
var SECRET_FIELDS = ["identityToken", "actionsIdTokenRequestToken", "apiKey"];
function readObject(path) {
  let text;
  try {
    text = readBoundedText(path, READ_LIMITS.sandboxConfig);
  } catch (e) {
    return {
      ok: false,
      missing: isQprovError(e) && e.code === "INPUT_NOT_FOUND",
      why: oneLine(e)
    };
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new QprovError("CONFIG_INVALID", `sandbox config ${path} is not valid JSON`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new QprovError("CONFIG_INVALID", `sandbox config ${path} is not a JSON object`);
  const value = raw;
  for (const k of SECRET_FIELDS) if (typeof value[k] === "string") registerSecret(value[k]);
  return { ok: true, value };
}
var running = (dir) => `is \`qprov sandbox --dir ${dir}\` running?`;
function sandboxSigning(dir) {
  const path = join(dir, "sandbox.json");
  const read = readObject(path);
  if (!read.ok)
    throw new QprovError(
      "CONFIG_INVALID",
      `cannot read sandbox config: ${read.why} (${running(dir)})`
    );
  const cfg = read.value;
  for (const k of SIGNING_FIELDS)
    if (typeof cfg[k] !== "string" || cfg[k] === "")
      throw new QprovError("CONFIG_INVALID", `sandbox config ${path} lacks "${k}"`);
  const instance = cfg.instance ?? "public-good";
  if (instance !== "public-good" && instance !== "github")
    throw new QprovError("CONFIG_INVALID", `sandbox config ${path} has an unknown "instance"`);
  const rekor = cfg.rekorURL;
  if (instance === "public-good" ? typeof rekor !== "string" || rekor === "" : rekor !== void 0)
    throw new QprovError(
      "CONFIG_INVALID",
      instance === "public-good" ? `sandbox config ${path} lacks "rekorURL"` : `sandbox config ${path} is a github instance and must not name a Rekor`
    );
  const out = Object.fromEntries(SIGNING_FIELDS.map((k) => [k, cfg[k]]));
  const v2 = cfg.rekorV2URL;
  if (v2 !== void 0 && (typeof v2 !== "string" || v2 === "" || instance === "github"))
    throw new QprovError(
      "CONFIG_INVALID",
      `sandbox config ${path}: "rekorV2URL" is not a shard URL`
    );
  const version = cfg.rekorVersion;
  if (version !== void 0 && version !== 1 && version !== 2)
    throw new QprovError("CONFIG_INVALID", `sandbox config ${path}: "rekorVersion" is not 1 or 2`);
  return {
    ...out,
    instance,
    ...typeof rekor === "string" ? { rekorURL: rekor } : {},
    ...typeof v2 === "string" ? { rekorV2URL: v2 } : {},
    ...version !== void 0 ? { rekorVersion: version } : {},
    trustedRoot: resolve(dirname(path), out.trustedRoot)
  };
}
function sandboxRuntime(dir) {
  const file = join(dir, "sandbox.json");
  const sandbox = readObject(file);
  const emulator = readObject(join(dir, "emulator.json"));
  for (const r of [sandbox, emulator])
    if (!r.ok && !r.missing) throw new QprovError("CONFIG_INVALID", r.why);
  if (!sandbox.ok && !emulator.ok)
    throw new QprovError(
      "CONFIG_INVALID",
      `neither ${file} nor emulator.json exists (${running(dir)})`
    );
  const o = { ...emulator.ok ? emulator.value : {}, ...sandbox.ok ? sandbox.value : {} };
  const pick = (k) => typeof o[k] === "string" && o[k] !== "" ? o[k] : void 0;
  return {
    runtimeURL: pick("runtimeURL"),
    iamURL: pick("iamURL"),
    apiKey: pick("apiKey"),
    instanceCRN: pick("instanceCRN"),
    file
  };
}

export {
  sandboxSigning,
  sandboxRuntime
};
