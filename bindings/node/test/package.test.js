'use strict'
// The package itself: what it exports, the generated unions of vocabulary.d.ts, the schemas,
// and where the binding calls the crate.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const psc = require('..')
const native = require('../datapass-psc.node')
const vocabulary = require('../scripts/vocabulary')
const { readJson, jsonFiles } = require('./support')

const PACKAGE = path.join(__dirname, '..')

test('the package exports its functions and its error class, each declared in index.d.ts', () => {
  const names = [
    'DatapassPscError',
    'validate',
    'parseRequest',
    'parseSiret',
    'parseSiren',
    'parseEmail',
    'parsePhoneNumber',
    'retentionPeriod',
    'eligibility',
    'replay',
    'importDatapass',
    'exportDatapass',
    'verifySignature',
    'webhook',
    'schemas',
  ]
  assert.deepEqual(Object.keys(psc).sort(), [...names].sort())
  const types = fs.readFileSync(path.join(PACKAGE, 'index.d.ts'), 'utf8')
  for (const name of names) {
    assert.match(types, new RegExp(`export declare (function|class) ${name}\\b`), name)
  }
})

test('vocabulary.d.ts is what the crate\'s lists give (npm run vocabulary rewrites it)', () => {
  const committed = fs.readFileSync(vocabulary.FILE, 'utf8')
  assert.equal(committed, vocabulary.render(native), 'vocabulary.d.ts is stale: run `npm run vocabulary`')
  const lists = new Map(JSON.parse(native.vocabulary()))
  // The codes are the table's, in its order (docs/error-codes.md is generated from Code::ALL).
  const table = fs.readFileSync(path.join(PACKAGE, '..', '..', 'docs', 'error-codes.md'), 'utf8')
  const documented = [...table.matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1])
  assert.deepEqual(lists.get('Code'), documented)
  assert.deepEqual(lists.get('Rules'), ['strict', 'datapass'])
  assert.deepEqual(lists.get('SchemaFile').slice().sort(), jsonFiles('schemas'))
})

test('schemas() gives every committed schema, by file name', () => {
  const schemas = psc.schemas()
  assert.deepEqual(Object.keys(schemas).sort(), jsonFiles('schemas'))
  for (const file of jsonFiles('schemas')) {
    assert.deepEqual(schemas[file], readJson('schemas', file), file)
  }
  assert.equal(schemas['request.schema.json'].$schema, 'https://json-schema.org/draft/2020-12/schema')
  // Each call gives fresh objects.
  schemas['request.schema.json'].changed = true
  assert.equal(psc.schemas()['request.schema.json'].changed, undefined)
})

test('DatapassPscError is an Error with its fields, and can be built by a caller', () => {
  const error = new psc.DatapassPscError({
    code: 'siret.checksum',
    messageFr: 'fr',
    messageEn: 'en',
    params: { key: 'siret' },
    path: '/organization/siret',
  })
  assert.ok(error instanceof Error)
  assert.equal(error.name, 'DatapassPscError')
  assert.equal(error.message, 'en')
  assert.equal(error.path, '/organization/siret')
  assert.equal('index' in error, false)
  assert.match(String(error), /^DatapassPscError: en$/)
  assert.ok(error.stack.includes('package.test.js'))
})

test('every call into the crate is in src/api.rs or src/refusal.rs', () => {
  const dir = path.join(PACKAGE, 'src')
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
    const calls = /\bdatapass_psc::/.test(text)
    assert.equal(calls, ['api.rs', 'refusal.rs'].includes(file), file)
  }
})

test('the package works in worker threads, each with its own copy of the module', async () => {
  const { Worker } = require('node:worker_threads')
  const sample = path.join(PACKAGE, '..', '..', 'examples', 'requests', 'hospiconnect.json')
  const script = `
    const { parentPort, workerData } = require('node:worker_threads')
    const psc = require(workerData.package)
    const bytes = require('node:fs').readFileSync(workerData.sample)
    let valid = 0
    for (let i = 0; i < 200; i++) valid += psc.validate(bytes).valid ? 1 : 0
    let refused = ''
    try { psc.parseSiret('732 829 320 00075') } catch (error) { refused = error instanceof psc.DatapassPscError && error.code }
    parentPort.postMessage({ valid, refused })
  `
  const run = () =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { eval: true, workerData: { package: PACKAGE, sample } })
      worker.once('message', resolve)
      worker.once('error', reject)
    })
  const results = await Promise.all([run(), run()])
  assert.deepEqual(results, [
    { valid: 200, refused: 'siret.checksum' },
    { valid: 200, refused: 'siret.checksum' },
  ])
  assert.equal(psc.validate(fs.readFileSync(sample)).valid, true)
})
