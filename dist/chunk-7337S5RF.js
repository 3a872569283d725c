import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  sandboxRuntime
} from "./chunk-STCT3TBI.js";
import {
  checkHttpURL
} from "./chunk-RCN3TL6S.js";

// src/settings/connection.ts
function connectionSettings(c) {
  const settings = {
    instance: c.instance,
    runtimeURL: c.runtimeURL,
    iamURL: c.iamURL,
    apiKeyEnv: c.apiKeyEnv,
    ...c.caller ? { caller: c.caller } : {}
  };
  if (!c.sandbox) return settings;
  const sb = sandboxRuntime(c.sandbox);
  const fromFile = (value, key) => value === void 0 ? void 0 : checkHttpURL(value, `${key} in ${sb.file}`);
  return {
    instance: c.instance ?? sb.instanceCRN,
    runtimeURL: c.runtimeURL ?? fromFile(sb.runtimeURL, "runtimeURL"),
    iamURL: c.iamURL ?? fromFile(sb.iamURL, "iamURL"),
    apiKeyEnv: c.apiKeyEnv,
    sandboxApiKey: sb.apiKey,
    sandboxFile: sb.file,
    ...c.caller ? { caller: c.caller } : {}
  };
}

export {
  connectionSettings
};
