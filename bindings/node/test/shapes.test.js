'use strict'
// index.d.ts describes what the functions return: every result of the fixtures, walked value by
// value against its declared type with TypeScript's own checker (no key the type lacks, every
// required key there, every string of a union one of its words: each code, state and source
// met is in the generated unions).

const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const ts = require('typescript')
const psc = require('..')
const { read, jsonFiles } = require('./support')

const file = path.join(__dirname, '..', 'index.d.ts')
const program = ts.createProgram([file], { strict: true, types: ['node'], noEmit: true })
const checker = program.getTypeChecker()
const exported = new Map(
  checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file))).map((s) => [s.name, s]),
)

/** The declared type of an exported interface or type alias. */
function declared(name) {
  const symbol = exported.get(name)
  assert.ok(symbol, `index.d.ts exports no ${name}`)
  return checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)
}

/** What is wrong with `value` as a `type`, or `undefined`. */
function mismatch(value, type, where) {
  if (type.isUnion()) {
    const problems = type.types.map((member) => mismatch(value, member, where))
    if (problems.some((p) => p === undefined)) return undefined
    return problems.find((p) => p && !p.startsWith(`${where}: not `)) || `${where}: ${JSON.stringify(value)} is not ${checker.typeToString(type)}`
  }
  const flags = type.flags
  const not = `${where}: not ${checker.typeToString(type)}`
  if (flags & ts.TypeFlags.Any || flags & ts.TypeFlags.Unknown) return undefined
  if (value === null) return flags & ts.TypeFlags.Null ? undefined : not
  if (flags & ts.TypeFlags.StringLiteral) return value === type.value ? undefined : not
  if (flags & ts.TypeFlags.String) return typeof value === 'string' ? undefined : not
  if (flags & ts.TypeFlags.Number) return typeof value === 'number' ? undefined : not
  if (flags & ts.TypeFlags.BooleanLiteral) return value === (checker.typeToString(type) === 'true') ? undefined : not
  if (flags & ts.TypeFlags.Boolean) return typeof value === 'boolean' ? undefined : not
  if (!(flags & ts.TypeFlags.Object) || typeof value !== 'object') return not
  if (checker.isArrayType(type)) {
    if (!Array.isArray(value)) return not
    const element = checker.getTypeArguments(type)[0]
    for (let i = 0; i < value.length; i++) {
      const problem = mismatch(value[i], element, `${where}/${i}`)
      if (problem) return problem
    }
    return undefined
  }
  if (Array.isArray(value)) return not
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String)
  for (const [key, member] of Object.entries(value)) {
    const property = checker.getPropertyOfType(type, key)
    const memberType = property ? checker.getTypeOfSymbol(property) : index && index.type
    if (!memberType) return `${where}/${key}: no such key in ${checker.typeToString(type)}`
    const problem = mismatch(member, memberType, `${where}/${key}`)
    if (problem) return problem
  }
  for (const property of checker.getPropertiesOfType(type)) {
    if (!(property.flags & ts.SymbolFlags.Optional) && !(property.name in value)) {
      return `${where}/${property.name}: missing (${checker.typeToString(type)})`
    }
  }
  return undefined
}

function assertShape(value, name, what) {
  const problem = mismatch(value, declared(name), '')
  assert.equal(problem, undefined, `${what} as ${name}: ${problem}`)
}

const SAMPLE = read('examples', 'requests', 'hospiconnect.json')

test('reports, requests and identifiers have their declared shapes', () => {
  for (const f of jsonFiles('examples', 'requests')) {
    for (const rules of ['strict', 'datapass']) {
      assertShape(psc.validate(read('examples', 'requests', f), { rules }), 'Report', f)
    }
  }
  const request = JSON.parse(SAMPLE)
  request.legal_basis.url = null
  request.personal_data.retention_months = 48
  request.personal_data.retention_justification = 'Archives'
  assertShape(psc.parseRequest(SAMPLE), 'AuthorizationRequest', 'the sample')
  assertShape(psc.parseRequest(request), 'AuthorizationRequest', 'the sample without URL')
  assertShape(psc.parseSiret('73282932000074'), 'ParsedSiret', 'SIRET')
  assertShape(psc.parsePhoneNumber('06 12 34 56 78'), 'ParsedPhoneNumber', 'phone')
  assertShape(psc.parsePhoneNumber('+800 1234 5678'), 'ParsedPhoneNumber', 'a phone without region')
  assertShape(psc.retentionPeriod(48), 'ParsedRetentionPeriod', 'retention')
})

test('decisions and records have their declared shapes', () => {
  for (const requester of ['individual', 'company', 'public_administration', 'software_editor']) {
    for (const answer of [undefined, true, false]) {
      const answers = { requester, french: answer, webSolution: answer, healthProfessionals: true }
      assertShape(psc.eligibility(answers), 'Decision', JSON.stringify(answers))
    }
  }
  assertShape(psc.replay(read('examples', 'lifecycle', 'd60501.json')), 'Record', 'd60501.json')
  const log = JSON.parse(read('examples', 'lifecycle', 'd60501.json'))
  log.events.push(
    { at: '2024-07-01T00:00:00Z', actor: 'instructor', event: 'revoke', reason: 'Fin du projet' },
    { at: '2024-07-02T00:00:00Z', actor: 'applicant', event: 'archive' },
  )
  assertShape(psc.replay(log), 'Record', 'd60501.json, revoked and archived')
})

test('every import of the DataPass fixtures, and the exported bodies, have their declared shapes', () => {
  const dirs = [
    ['tests', 'fixtures', 'datapass'],
    ['tests', 'fixtures', 'datapass', 'emitted'],
  ]
  for (const dir of dirs) {
    for (const f of jsonFiles(...dir).filter((f) => f !== 'manifest.json')) {
      for (const check of [undefined, 'strict']) {
        const imported = psc.importDatapass(read(...dir, f), { check })
        for (const item of Array.isArray(imported) ? imported : [imported]) assertShape(item, 'Imported', f)
      }
    }
  }
  assertShape(psc.exportDatapass(SAMPLE), 'NewDemande', 'POST')
  assertShape(psc.exportDatapass(SAMPLE, { patch: true }), 'DataPatch', 'PATCH')
  const schemas = psc.schemas()
  for (const [name, schema] of Object.entries(schemas)) assertShape(schema, 'JsonSchema', name)
})

test('the checker of this test catches a wrong shape', () => {
  const report = psc.validate('{}')
  assert.match(mismatch({ ...report, extra: 1 }, declared('Report'), ''), /extra: no such key/)
  assert.match(mismatch({ valid: true, errors: [] }, declared('Report'), ''), /warnings: missing/)
  const issue = { ...report.errors[0], code: 'no.such.code' }
  assert.ok(mismatch({ ...report, errors: [issue] }, declared('Report'), ''))
  assert.ok(mismatch({ ...report, valid: 'yes' }, declared('Report'), ''))
})
