'use strict'
// Hostile inputs: nothing a caller passes crashes the process or escapes as a panic. Every
// document is refused with the crate's codes, a wrong JavaScript type with a TypeError.

const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { execFileSync } = require('node:child_process')
const psc = require('..')

const DEPTH = 200000
const deepArrays = '['.repeat(DEPTH) + ']'.repeat(DEPTH)
const deepObjects = '{"a":'.repeat(DEPTH) + 'null' + '}'.repeat(DEPTH)

/** Each function that reads a document, called on `document`: its result or its refusal. */
const READERS = {
  validate: (d) => psc.validate(d),
  validateDataPass: (d) => psc.validate(d, { rules: 'datapass' }),
  parseRequest: (d) => psc.parseRequest(d),
  replay: (d) => psc.replay(d),
  importDatapass: (d) => psc.importDatapass(d),
  exportDatapass: (d) => psc.exportDatapass(d),
}

/** The codes the crate gives a document: the report's, or the refusal's. */
function codes(f, document) {
  try {
    const result = f(document)
    const items = Array.isArray(result) ? result : [result]
    return items.flatMap((item) => (item.errors || item.report.errors).map((i) => i.code))
  } catch (error) {
    assert.ok(error instanceof psc.DatapassPscError, `${error}`)
    return error.report ? error.report.errors.map((i) => i.code) : [error.code]
  }
}

test('invalid UTF-8 in a Buffer is a json.* problem, never a crash', () => {
  const documents = [
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // UTF-16 with its byte order mark
    Buffer.from('{"project": {"name": "\xff"}}', 'latin1'),
    Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), // {"\xc3(":1}
    Buffer.from([0xed, 0xa0, 0x80]), // a UTF-8-encoded surrogate
  ]
  for (const document of documents) {
    for (const [name, f] of Object.entries(READERS)) {
      const found = codes(f, document)
      assert.ok(found.length > 0 && found.every((c) => c.startsWith('json.')), `${name}: ${found}`)
    }
  }
  const report = psc.validate(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]))
  assert.equal(report.errors[0].code, 'json.encoding')
})

test(`arrays and objects nested ${DEPTH} deep, as bytes or text, are refused by the reader`, () => {
  for (const document of [deepArrays, Buffer.from(deepArrays), deepObjects, Buffer.from(deepObjects)]) {
    for (const [name, f] of Object.entries(READERS)) {
      const found = codes(f, document)
      assert.ok(
        found.length > 0 && found.every((c) => c.startsWith('json.') || c.startsWith('datapass.')),
        `${name}: ${found}`,
      )
    }
  }
  // Inside a key a format ignores, the depth is still counted.
  const webhook = `{"test": true, "timestamp": null, "ignored": ${deepArrays}}`
  assert.deepEqual(codes(READERS.importDatapass, webhook), ['json.too_deep'])
})

test(`a plain object nested ${DEPTH} deep, or cyclic, or with a BigInt, is a TypeError`, () => {
  let deep = []
  for (let i = 0; i < DEPTH; i++) deep = [deep]
  const cyclic = { project: {} }
  cyclic.project.self = cyclic
  for (const document of [{ scopes: deep }, cyclic, { personal_data: { retention_months: 12n } }]) {
    for (const f of Object.values(READERS)) assert.throws(() => f(document), TypeError)
  }
})

test('huge documents and values are refused at their size, not read', () => {
  const huge = `{"project": {"name": "${'a'.repeat(64 * 1024 * 1024)}"}}`
  for (const [name, f] of Object.entries(READERS)) {
    assert.deepEqual(codes(f, huge), ['json.too_large'], name)
  }
  // A long value inside the limit: the text rule, with the length found.
  const long = psc.validate({ project: { name: 'a'.repeat(500000) } })
  const issue = long.errors.find((i) => i.path === '/project/name')
  assert.equal(issue.code, 'text.too_long')
  assert.equal(issue.params.found, 500000)
  // Identifiers of a million characters.
  const million = '1'.repeat(1000000)
  assert.throws(() => psc.parseSiret(million), { code: 'siret.length' })
  assert.throws(() => psc.parseEmail(million), { code: 'email.invalid' })
  assert.throws(() => psc.parsePhoneNumber(million), psc.DatapassPscError)
  assert.throws(() => psc.verifySignature(million, million, `sha256=${'0'.repeat(1000000)}`), {
    code: 'webhook.signature_length',
  })
})

test('undefined, null and other wrong types are TypeErrors, for every function', () => {
  const wrong = [undefined, null, 42, true, () => {}, Symbol('s'), new Map(), new Date(0)]
  for (const value of wrong) {
    for (const f of Object.values(READERS)) assert.throws(() => f(value), TypeError)
    assert.throws(() => psc.eligibility(value), TypeError)
  }
  assert.throws(() => psc.validate(), TypeError)
  assert.throws(() => psc.replay(), TypeError)
  // Strings with lone surrogates and control characters are read, and refused by the rules.
  const odd = psc.validate({ project: { name: 'a\ud800b\u0000' } })
  assert.equal(odd.valid, false)
})

test('a panic in the native module is a thrown Error, and the process goes on', () => {
  const script = `
    const native = require(${JSON.stringify(path.join(__dirname, '..', 'datapass-psc.node'))})
    try { native.__panicForTests(); console.log('no panic') }
    catch (error) { console.log(error instanceof Error, error.message) }
    console.log('still running')
  `
  const stdout = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, RUST_BACKTRACE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString()
  assert.equal(
    stdout,
    "true a panic in datapass-psc's native module, on purpose (test)\nstill running\n",
  )
})
