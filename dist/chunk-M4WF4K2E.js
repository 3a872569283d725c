import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);
import {
  QprovError
} from "./chunk-U5PWNO2I.js";

// src/url-credentials.ts
var USER_INFO = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#\\]*@/g;
function redactUrlCredentials(text) {
  return text.replace(USER_INFO, "$1***@");
}
function hasUrlCredentials(value) {
  USER_INFO.lastIndex = 0;
  if (USER_INFO.test(value)) return true;
  try {
    const u = new URL(value);
    return u.username !== "" || u.password !== "";
  } catch {
    return false;
  }
}
function refuseUrlCredentials(value, what) {
  if (hasUrlCredentials(value))
    throw new QprovError(
      "URL_CREDENTIALS",
      `${what} must not contain a user name or password (user:password@host); qprov takes credentials only from environment variables`
    );
  return value;
}
function isLoopbackHost(hostname) {
  const h = hostname.toLowerCase();
  return h === "localhost" || h === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
function checkEndpointURL(value, what) {
  refuseUrlCredentials(value, what);
  let u;
  try {
    u = new URL(value);
  } catch {
    u = void 0;
  }
  if (!u || u.protocol !== "http:" && u.protocol !== "https:" || u.hostname === "")
    throw new QprovError("USAGE", `${what} must be an https URL`);
  if (u.protocol === "http:" && !isLoopbackHost(u.hostname))
    throw new QprovError(
      "USAGE",
      `${what} must be an https URL: plain http is allowed only on a loopback address (127.0.0.1, ::1, localhost)`
    );
  return value;
}

export {
  redactUrlCredentials,
  refuseUrlCredentials,
  checkEndpointURL
};
