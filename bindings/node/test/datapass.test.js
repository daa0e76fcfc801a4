'use strict'
// importDatapass and exportDatapass: every document of tests/fixtures/datapass/emitted/ imports
// as its manifest says, the other DataPass fixtures import, and an exported body imports back.

const test = require('node:test')
const assert = require('node:assert/strict')
const psc = require('..')
const { read, readJson, jsonFiles } = require('./support')

const EMITTED = ['tests', 'fixtures', 'datapass', 'emitted']
const SAMPLE = read('examples', 'requests', 'hospiconnect.json')

/** The facts of one document, in the manifest's terms. */
function manifestFacts(facts) {
  const out = {}
  for (const key of ['request_number', 'state', 'reopening', 'event', 'ping', 'current_build_step']) {
    if (facts[key] !== undefined) out[key] = facts[key]
  }
  if (facts.habilitations) out.habilitations = facts.habilitations.map(({ number, state }) => ({ number, state }))
  if (facts.events) out.events = facts.events.map((e) => e.name)
  return out
}

function assertImported(item, what) {
  assert.deepEqual(Object.keys(item), ['source', 'request', 'report', 'to_complete', 'datapass'], what)
  assert.deepEqual(Object.keys(item.report), ['valid', 'errors', 'warnings'], what)
  for (const issue of [...item.report.errors, ...item.report.warnings, ...item.to_complete]) {
    assert.deepEqual(Object.keys(issue), ['code', 'path', 'message_fr', 'message_en', 'params', 'origin'], what)
  }
}

test('every document DataPass emits imports as its manifest says', () => {
  const manifest = readJson(...EMITTED, 'manifest.json')
  assert.ok(manifest.length >= 40)
  assert.deepEqual(
    manifest.map((e) => e.file).sort(),
    jsonFiles(...EMITTED).filter((f) => f !== 'manifest.json'),
  )
  for (const entry of manifest) {
    const file = entry.file
    const imported = psc.importDatapass(read(...EMITTED, file))
    const items = Array.isArray(imported) ? imported : [imported]
    if (Array.isArray(imported)) {
      assert.equal(entry.source, 'v2_demandes', file)
      assert.deepEqual(items.map((i) => manifestFacts(i.datapass)), entry.facts.demandes, file)
    } else {
      assert.equal(imported.source, entry.source, file)
      assert.deepEqual(manifestFacts(imported.datapass), entry.facts, file)
    }
    for (const item of items) {
      assertImported(item, file)
      assert.equal(item.report.valid, entry.exit === 0, file)
      if (entry.exit === 0) assert.deepEqual(item.report.errors, [], file)
      assert.ok(!JSON.stringify(item.request).toLowerCase().includes('non renseigné'), file)
    }
    const expect = entry.expect
    if (expect.datapass_errors) {
      assert.deepEqual(
        imported.report.errors.map((i) => [i.code, i.path]),
        expect.datapass_errors.map((e) => [e.code, e.path]),
        file,
      )
      imported.report.errors.forEach((issue, n) => {
        assert.equal(issue.origin, 'datapass', file)
        for (const [key, value] of Object.entries(expect.datapass_errors[n].params || {})) {
          assert.deepEqual(issue.params[key], value, `${file}: ${key}`)
        }
      })
    }
    for (const path of expect.placeholders || []) {
      assert.ok(imported.report.warnings.some((w) => w.code === 'datapass.placeholder' && w.path === path), file)
      assert.ok(imported.to_complete.some((i) => i.code === 'required' && i.path === path), file)
    }
    for (const path of expect.defaults_filled || []) {
      assert.ok(imported.report.warnings.some((w) => w.code === 'datapass.default' && w.path === path), file)
    }
    // Given its kind, the document imports the same.
    assert.deepEqual(psc.importDatapass(read(...EMITTED, file), { source: entry.source }), imported, file)
  }
})

test('the other DataPass fixtures import; both spellings of scopes give the same request', () => {
  for (const file of jsonFiles('tests', 'fixtures', 'datapass')) {
    const imported = psc.importDatapass(read('tests', 'fixtures', 'datapass', file))
    for (const item of Array.isArray(imported) ? imported : [imported]) assertImported(item, file)
  }
  const array = psc.importDatapass(read('tests', 'fixtures', 'datapass', 'get-demande-60501-scopes-array.json'))
  const string = psc.importDatapass(read('tests', 'fixtures', 'datapass', 'get-demande-60501-scopes-string.json'))
  assert.deepEqual(array.request, string.request)
})

test('the README: a ProConnect webhook imports without error, its absent values to complete', () => {
  const imported = psc.importDatapass(read(...EMITTED, 'webhook-approve-89560-proconnect.json'))
  assert.equal(imported.source, 'v2_webhook')
  assert.equal(imported.datapass.request_number, 'D89560')
  assert.equal(imported.datapass.state, 'validated')
  assert.equal(imported.datapass.event, 'approve')
  assert.equal(imported.report.valid, true)
  assert.deepEqual(
    imported.to_complete.map((i) => [i.path, i.code, i.origin]),
    [
      ['/personal_data/recipients', 'required', 'psc_form'],
      ['/personal_data/retention_months', 'required', 'psc_form'],
      ['/contacts/applicant/job_title', 'required', 'psc_form'],
      ['/contacts/applicant/phone', 'required', 'psc_form'],
      ['/terms_accepted', 'terms.not_accepted', 'datapass'],
      ['/dpo_informed', 'dpo.not_informed', 'datapass'],
    ],
  )
  assert.deepEqual(
    imported.report.warnings.map((i) => [i.path, i.code, i.origin]),
    [['/contacts/data_protection_officer/phone', 'phone.extension', 'strict']],
  )
})

test('check validates the imported request, missing values included', () => {
  const body = read('tests', 'fixtures', 'datapass', 'webhook-approve-60501.json')
  assert.equal(psc.importDatapass(body).report.valid, true)
  for (const check of ['strict', 'datapass']) {
    const checked = psc.importDatapass(body, { check })
    assert.equal(checked.report.valid, false, check)
    assert.ok(checked.report.errors.some((i) => i.code === 'terms.not_accepted'), check)
  }
  assert.throws(() => psc.importDatapass(body, { check: 'lax' }), {
    name: 'TypeError',
    message: 'check: unknown rule set: expected strict or datapass',
  })
  assert.throws(() => psc.importDatapass(body, { source: 'v3_demande' }), TypeError)
  assert.throws(() => psc.importDatapass(body, { source: 2 }), TypeError)
})

test('a document that is not DataPass\'s throws its first problem, with the report', () => {
  assert.throws(() => psc.importDatapass('{"hello": "world"}'), (error) => {
    assert.ok(error instanceof psc.DatapassPscError)
    assert.equal(error.code, 'datapass.unknown_document')
    assert.equal(error.report.valid, false)
    assert.equal(error.report.errors[0].code, 'datapass.unknown_document')
    return true
  })
  assert.throws(() => psc.importDatapass('{'), { code: 'json.syntax' })
  // A demande read as a webhook body.
  assert.throws(
    () => psc.importDatapass(read(...EMITTED, 'get-demande-89560-validated.json'), { source: 'v2_webhook' }),
    psc.DatapassPscError,
  )
})

test('the README: export writes the POST body (and the PATCH body) of a valid request', () => {
  const post = psc.exportDatapass(SAMPLE)
  assert.equal(post.demande.form_uid, 'api-pro-sante-connect')
  assert.deepEqual(post.demande.organization, { siret: '13002526500013' })
  assert.deepEqual(post.demande.applicant, {
    email: 'ines.moreau@hospiconnect.example',
    given_name: 'Inès',
    family_name: 'Moreau',
    job_title: 'Cheffe de projet',
    phone_number: '+33199001234',
  })
  assert.equal(post.demande.data.intitule, 'HospiConnect')
  assert.equal(post.demande.data.contact_technique_phone_number, '+33612345678')
  assert.deepEqual(post.demande.data.scopes, ['donnees_sectorielles', 'idnat'])
  const patch = psc.exportDatapass(SAMPLE, { patch: true })
  assert.deepEqual(patch, { demande: { data: post.demande.data } })
  assert.deepEqual(psc.exportDatapass(SAMPLE, { patch: false }), post)
  // What the crate writes, it reads back: a POST body DataPass accepts.
  const back = psc.importDatapass(post)
  assert.equal(back.source, 'v2_post')
  assert.equal(back.report.valid, true)
  assert.equal(psc.importDatapass(patch).source, 'v2_patch')
  // From the canonical request too.
  assert.deepEqual(psc.exportDatapass(psc.parseRequest(SAMPLE)), post)
})

test('export refuses an invalid request with its report', () => {
  assert.throws(() => psc.exportDatapass(read('examples', 'requests', 'invalid-empty.json')), (error) => {
    assert.equal(error.code, 'request.invalid')
    assert.deepEqual(error.report, readJson('examples', 'requests', 'invalid-empty.report.json'))
    return true
  })
  assert.throws(() => psc.exportDatapass(SAMPLE, { patch: 'yes' }), TypeError)
})
