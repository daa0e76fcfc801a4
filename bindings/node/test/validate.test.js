'use strict'
// validate and parseRequest: the README's examples, the shipped samples and their committed
// reports, the rule sets, and every form a document can take.

const test = require('node:test')
const assert = require('node:assert/strict')
const psc = require('..')
const { read, readJson, jsonFiles } = require('./support')

const SAMPLE = read('examples', 'requests', 'hospiconnect.json')
const VALID = { valid: true, errors: [], warnings: [] }

test('the README: every problem at once, on its field, with whose rule it is', () => {
  const report = psc.validate(`{
    "organization": {"siret": "732 829 320 00075"},
    "contacts": {"technical_contact": {"email": "Jean <jean@exemple.fr>"}}
  }`)
  assert.equal(report.valid, false)
  const first = report.errors[0]
  assert.equal(first.code, 'siret.checksum')
  assert.equal(first.path, '/organization/siret')
  assert.ok(first.message_fr.startsWith("Le numéro SIRET de l'organisation n'est pas valide"))
  assert.equal(first.origin, 'datapass')
  assert.ok(
    report.errors.some((i) => i.path === '/contacts/technical_contact/email' && i.code === 'email.invalid'),
  )
  for (const issue of report.errors) {
    assert.deepEqual(Object.keys(issue), ['code', 'path', 'message_fr', 'message_en', 'params', 'origin'])
  }
})

test('the README: the sample is valid, and parseRequest gives it in canonical form', () => {
  assert.deepEqual(psc.validate(SAMPLE), VALID)
  const request = psc.parseRequest(SAMPLE)
  assert.equal(request.organization.siret, '13002526500013')
  assert.equal(request.contacts.technical_contact.phone, '+33612345678')
  assert.equal(request.contacts.applicant.email, 'ines.moreau@hospiconnect.example')
  assert.deepEqual(request.scopes, ['donnees_sectorielles', 'idnat'])
  // Canonical form round-trips: parse → write → parse gives the same request.
  assert.deepEqual(psc.parseRequest(request), request)
  assert.deepEqual(psc.parseRequest(JSON.stringify(request)), request)
})

test("the README: under DataPass's rules, the crate's own checks are warnings", () => {
  const request = JSON.parse(SAMPLE)
  request.contacts.data_protection_officer.phone = '04 72 61 77 77 poste 4521'
  assert.equal(psc.validate(request).valid, false)
  assert.equal(psc.validate(request, { rules: 'strict' }).valid, false)
  const report = psc.validate(request, { rules: 'datapass' })
  assert.equal(report.valid, true)
  assert.equal(report.warnings[0].code, 'phone.extension')
  assert.equal(report.warnings[0].origin, 'strict')
})

test('each invalid sample gives its committed report (the command line prints the same)', () => {
  const samples = jsonFiles('examples', 'requests').filter((f) => !f.endsWith('.report.json'))
  assert.ok(samples.length >= 5)
  for (const file of samples) {
    const report = psc.validate(read('examples', 'requests', file))
    if (file.startsWith('invalid-')) {
      assert.deepEqual(report, readJson('examples', 'requests', file.replace(/\.json$/, '.report.json')), file)
    } else {
      assert.deepEqual(report, VALID, file)
    }
  }
})

test('a document as a Buffer, a Uint8Array, a string or a plain object gives the same report', () => {
  for (const file of jsonFiles('examples', 'requests')) {
    const bytes = read('examples', 'requests', file)
    const expected = psc.validate(bytes)
    const copy = new Uint8Array(bytes.byteLength)
    copy.set(bytes)
    assert.deepEqual(psc.validate(copy), expected, file)
    assert.deepEqual(psc.validate(bytes.toString('utf8')), expected, file)
    assert.deepEqual(psc.validate(JSON.parse(bytes)), expected, file)
  }
  // A view into a larger buffer is read where it is.
  const padded = Buffer.concat([Buffer.from('xxxx'), SAMPLE, Buffer.from('yyyy')])
  assert.deepEqual(psc.validate(padded.subarray(4, 4 + SAMPLE.length)), VALID)
})

test('parseRequest refuses an invalid request with request.invalid and the whole report', () => {
  const file = 'invalid-siret-and-contacts'
  const expected = readJson('examples', 'requests', `${file}.report.json`)
  assert.throws(
    () => psc.parseRequest(read('examples', 'requests', `${file}.json`)),
    (error) => {
      assert.ok(error instanceof psc.DatapassPscError)
      assert.ok(error instanceof Error)
      assert.equal(error.name, 'DatapassPscError')
      assert.equal(error.code, 'request.invalid')
      assert.deepEqual(error.params, { error_count: expected.errors.length })
      assert.equal(error.message, error.messageEn)
      assert.equal(error.messageEn, `The request is not valid (${expected.errors.length} error(s))`)
      assert.equal(error.messageFr, `La demande n'est pas valide (${expected.errors.length} erreur(s))`)
      assert.deepEqual(error.report, expected)
      return true
    },
  )
  // Not JSON: the report says why.
  assert.throws(
    () => psc.parseRequest('{'),
    (error) => error.code === 'request.invalid' && error.report.errors[0].code === 'json.syntax',
  )
  // Valid under DataPass's rules is not enough: parseRequest is strict.
  const request = JSON.parse(SAMPLE)
  request.contacts.data_protection_officer.phone = '04 72 61 77 77 poste 4521'
  assert.throws(() => psc.parseRequest(request), { code: 'request.invalid' })
})

test('options: camelCase, checked, with the crate\'s words', () => {
  assert.deepEqual(psc.validate(SAMPLE, {}), VALID)
  assert.deepEqual(psc.validate(SAMPLE, undefined), VALID)
  assert.deepEqual(psc.validate(SAMPLE, { rules: undefined }), VALID)
  assert.throws(() => psc.validate(SAMPLE, { rules: 'lax' }), {
    name: 'TypeError',
    message: 'rules: unknown rule set: expected strict or datapass',
  })
  assert.throws(() => psc.validate(SAMPLE, { rules: 1 }), TypeError)
  assert.throws(() => psc.validate(SAMPLE, 'strict'), TypeError)
})
