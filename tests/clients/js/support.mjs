// Shared by the tests: where the repository's files are, and Ajv set up as the checked clients
// set it up (Ajv 8's draft 2020-12 build with ajv-formats).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The repository's root directory. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The JSON document at `relative` (to the repository's root). */
export function readJson(relative) {
  return JSON.parse(fs.readFileSync(path.join(root, relative), "utf8"));
}

/** The names of the files in the repository directory `relative`, sorted. */
export function filesIn(relative) {
  return fs.readdirSync(path.join(root, relative)).sort();
}

/** Every committed schema file name, `schemas/*.schema.json`. */
export const schemaFiles = filesIn("schemas").filter((name) => name.endsWith(".schema.json"));

/** The committed schema `file` (a file name in `schemas/`). */
export function schema(file) {
  return readJson(`schemas/${file}`);
}

/**
 * A new Ajv for draft 2020-12 with ajv-formats, with `options`; what Ajv logs (strict mode's
 * "log" level) is collected in `warnings` rather than printed.
 */
export function newAjv(options = {}) {
  const warnings = [];
  const logger = {
    log() {},
    warn: (...args) => warnings.push(args.join(" ")),
    error: (...args) => warnings.push(args.join(" ")),
  };
  const ajv = new Ajv2020({ ...options, logger });
  addFormats(ajv);
  return { ajv, warnings };
}

const compiled = new Map();

/** The validation function of the committed schema `file`, compiled once with default options. */
export function validator(file) {
  if (!compiled.has(file)) {
    compiled.set(file, newAjv().ajv.compile(schema(file)));
  }
  return compiled.get(file);
}

/** `null` when `value` is valid for schema `file`, otherwise Ajv's errors as text. */
export function problems(file, value) {
  const validate = validator(file);
  return validate(value) ? null : newAjv().ajv.errorsText(validate.errors);
}
