// The shipped documents against their schemas, in Ajv (default options): the sample requests and
// their reports, DataPass's fixtures, the lifecycle examples. Every file of those directories is
// listed here, so a new one is not skipped silently.

import assert from "node:assert/strict";
import { test } from "node:test";

import { filesIn, problems, readJson, validator } from "../support.mjs";

/**
 * The sample requests. The invalid ones are refused by `request.schema.json` for a reason a schema
 * can see (a missing section or contact, a legal basis with neither URL nor document); they are
 * still drafts a wizard saves, except the one with an unknown key, which both schemas refuse.
 * What only the crate sees (Luhn keys, phone metadata, retention rules) is not asserted here.
 */
const requests = {
  "hospiconnect.json": { request: true, draft: true },
  "invalid-empty.json": { request: false, draft: true },
  "invalid-retention-and-legal-basis.json": { request: false, draft: true },
  "invalid-siret-and-contacts.json": { request: false, draft: true },
  "invalid-unknown-field.json": { request: false, draft: false },
};

test("every sample request is listed", () => {
  const samples = filesIn("examples/requests").filter((f) => !f.endsWith(".report.json"));
  assert.deepEqual(samples, Object.keys(requests).sort());
});

for (const [file, expected] of Object.entries(requests)) {
  test(`examples/requests/${file}`, () => {
    const value = readJson(`examples/requests/${file}`);
    for (const kind of ["request", "draft"]) {
      const found = problems(`${kind}.schema.json`, value);
      if (expected[kind]) {
        assert.equal(found, null, `${kind}.schema.json refuses it`);
      } else {
        assert.notEqual(found, null, `${kind}.schema.json accepts it`);
      }
    }
  });
}

test("the unknown key is what the draft schema refuses", () => {
  const validate = validator("draft.schema.json");
  assert.equal(validate(readJson("examples/requests/invalid-unknown-field.json")), false);
  assert.ok(
    validate.errors.some(
      (e) =>
        e.keyword === "additionalProperties" &&
        e.instancePath === "/contacts/applicant" &&
        e.params.additionalProperty === "fax",
    ),
    JSON.stringify(validate.errors),
  );
});

for (const file of filesIn("examples/requests").filter((f) => f.endsWith(".report.json"))) {
  test(`examples/requests/${file} is a validation report`, () => {
    const found = problems("validation-report.schema.json", readJson(`examples/requests/${file}`));
    assert.equal(found, null);
  });
}

/** DataPass's documents, by the schema of their shape. */
const fixtures = {
  "api-error-422.json": "datapass-api-errors.schema.json",
  "get-demande-60501-scopes-array.json": "datapass-demande.schema.json",
  "get-demande-60501-scopes-string.json": "datapass-demande.schema.json",
  "v1-enrollment.json": "datapass-v1-enrollment.schema.json",
  "v1-webhook.json": "datapass-v1-webhook.schema.json",
  "webhook-approve-60501.json": "datapass-webhook.schema.json",
  "webhook-ping.json": "datapass-webhook.schema.json",
};

test("every DataPass fixture is listed", () => {
  const files = filesIn("tests/fixtures/datapass").filter((f) => f !== "emitted");
  assert.deepEqual(files, Object.keys(fixtures).sort());
});

/** The schema of each kind of document the crate imports. */
const schemaOfSource = {
  v2_demande: "datapass-demande.schema.json",
  v2_demandes: "datapass-demandes.schema.json",
  v2_events: "datapass-events.schema.json",
  v2_habilitation: "datapass-habilitation.schema.json",
  v2_webhook: "datapass-webhook.schema.json",
  v2_post: "datapass-new-demande.schema.json",
  v2_patch: "datapass-data-patch.schema.json",
  v2_errors: "datapass-api-errors.schema.json",
  v1_enrollment: "datapass-v1-enrollment.schema.json",
};

/** DataPass's documents as its code emits them, each with its kind in the manifest. */
const manifest = readJson("tests/fixtures/datapass/emitted/manifest.json");

test("every emitted DataPass document is in the manifest", () => {
  const files = filesIn("tests/fixtures/datapass/emitted").filter((f) => f.endsWith(".json"));
  const listed = manifest.map((entry) => entry.file).concat(["manifest.json"]);
  assert.deepEqual(files, listed.sort());
});

for (const entry of manifest) {
  const schemaFile = schemaOfSource[entry.source];
  test(`tests/fixtures/datapass/emitted/${entry.file} against ${schemaFile}`, () => {
    assert.ok(schemaFile, `no schema for ${entry.source}`);
    const value = readJson(`tests/fixtures/datapass/emitted/${entry.file}`);
    assert.equal(problems(schemaFile, value), null);
  });
}

for (const [file, schemaFile] of Object.entries(fixtures)) {
  test(`tests/fixtures/datapass/${file} against ${schemaFile}`, () => {
    assert.equal(problems(schemaFile, readJson(`tests/fixtures/datapass/${file}`)), null);
  });
}

test("a DataPass demande with a number for a text is refused", () => {
  const demande = readJson("tests/fixtures/datapass/get-demande-60501-scopes-string.json");
  demande.data.intitule = 12;
  assert.notEqual(problems("datapass-demande.schema.json", demande), null);
});

for (const file of filesIn("examples/lifecycle")) {
  test(`examples/lifecycle/${file} against event-log.schema.json`, () => {
    assert.equal(problems("event-log.schema.json", readJson(`examples/lifecycle/${file}`)), null);
  });
}
