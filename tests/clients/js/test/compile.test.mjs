// Every committed schema compiles under Ajv 8 (draft 2020-12, ajv-formats 3), with default
// options and in strict mode, without a warning: no unknown `format`, a `type` beside every
// type-specific keyword, no union type that strict mode refuses (no `allowUnionTypes`).

import assert from "node:assert/strict";
import { test } from "node:test";

import { newAjv, schema, schemaFiles } from "../support.mjs";

test("schemas/ holds the exported schemas", () => {
  assert.ok(schemaFiles.length >= 12, `only ${schemaFiles.length} schemas found`);
  assert.ok(schemaFiles.includes("request.schema.json"));
});

for (const [mode, options] of [
  ["default options", {}],
  ["strict: true", { strict: true }],
]) {
  for (const file of schemaFiles) {
    test(`${file} compiles with ${mode}`, () => {
      const { ajv, warnings } = newAjv(options);
      assert.equal(typeof ajv.compile(schema(file)), "function");
      assert.deepEqual(warnings, [], "Ajv warned");
    });
  }
}
