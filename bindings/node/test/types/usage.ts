// A typed use of every function, option and result of the package, checked by
// `tsc --strict --noEmit` (test/types.test.js). Lines marked `@ts-expect-error` must not compile:
// the unions generated from the crate's lists are closed.

import { readFileSync } from 'node:fs'
import * as psc from '../..'
import {
  DatapassPscError,
  type AuthorizationRequest,
  type Code,
  type DataPatch,
  type Decision,
  type Imported,
  type Issue,
  type NewDemande,
  type Origin,
  type Record,
  type Report,
  type RequestState,
  type Rules,
  type Source,
} from '../..'

const sample: Buffer = readFileSync('examples/requests/hospiconnect.json')

// validate: a Buffer, a Uint8Array, a string or an object; rules are the crate's words.
const report: Report = psc.validate(sample)
psc.validate(new Uint8Array(sample), { rules: 'datapass' })
psc.validate(sample.toString('utf8'), {})
psc.validate({ scopes: ['idnat'] })
const rules: Rules = 'strict'
psc.validate(sample, { rules })
// @ts-expect-error: not a rule set
psc.validate(sample, { rules: 'lax' })
// @ts-expect-error: a number is not a document
psc.validate(42)

const issue: Issue | undefined = report.errors[0]
if (issue !== undefined) {
  const code: Code = issue.code
  const origin: Origin = issue.origin
  const text: string = `${issue.path} ${issue.message_fr} ${issue.message_en} ${code} ${origin}`
  const max = issue.params['max']
  console.log(text, typeof max === 'number' ? max + 1 : max)
  // @ts-expect-error: not one of the crate's codes
  const wrong: Code = 'siret.wrong'
  // @ts-expect-error: not an origin
  const nobody: Origin = 'nobody'
  console.log(wrong, nobody)
}
const valid: boolean = report.valid && report.warnings.length === 0

// parseRequest: the canonical request.
const request: AuthorizationRequest = psc.parseRequest(sample)
const phone: string = request.contacts.technical_contact.phone
const url: string | null = request.legal_basis.url
const months: number = request.personal_data.retention_months
const ticked: true = request.terms_accepted
console.log(valid, phone, url, months, ticked, request.scopes.includes('idnat'))

// Identifiers.
const { siret, siren }: { siret: string; siren: string } = psc.parseSiret('732 829 320 00074')
const siren2: string = psc.parseSiren('732829320')
const email: string = psc.parseEmail(' Jean.Dupont@Exemple.FR ')
const parsedPhone = psc.parsePhoneNumber('0692 12 34 56')
const region: string | null = parsedPhone.region
const mobile: boolean = parsedPhone.isMobile
const retention = psc.retentionPeriod(48)
const justification: boolean = retention.requiresJustification
console.log(siret, siren, siren2, email, parsedPhone.e164, region, mobile, retention.months, justification)

// Eligibility.
const decision: Decision = psc.eligibility({ requester: 'company', french: true, webSolution: null })
psc.eligibility({ requester: 'public_administration' })
// @ts-expect-error: the command line's spelling is not a requester kind
psc.eligibility({ requester: 'public-administration' })
// @ts-expect-error: the answers are camelCase
psc.eligibility({ requester: 'company', web_solution: true })
const outcome: 'eligible' | 'maybe_eligible' | 'not_eligible' = decision.outcome
console.log(outcome, decision.unmet_conditions.map((c) => c.code), decision.needed_intro_en ?? '')

// Lifecycle.
const record: Record = psc.replay(readFileSync('examples/lifecycle/d60501.json'))
const state: RequestState = record.state
for (const h of record.habilitations) console.log(h.number, h.state, h.created_at, h.title_fr)
for (const e of record.history) console.log(e.event, e.actor, e.at, e.reason ?? '', e.summary_en)
console.log(state, record.psc_connection_reference, record.reopening)

// DataPass.
const one = psc.importDatapass(readFileSync('tests/fixtures/datapass/webhook-approve-60501.json'))
const items: Imported[] = Array.isArray(one) ? one : [one]
for (const item of items) {
  const source: Source = item.source
  const number: string | undefined = item.datapass.request_number
  const phone2 = item.request?.contacts?.technical_contact?.phone
  console.log(source, number, phone2, item.to_complete.length, item.report.valid)
}
const list: Imported[] = psc.importDatapass('[]', { source: 'v2_demandes' })
const demande: Imported = psc.importDatapass(sample, { source: 'v2_demande', check: 'datapass' })
// @ts-expect-error: not a DataPass document kind
psc.importDatapass(sample, { source: 'v3_demande' })
console.log(list.length, demande.datapass.habilitations?.map((h) => h.state))

const post: NewDemande = psc.exportDatapass(sample)
const patch: DataPatch = psc.exportDatapass(request, { patch: true })
const either: NewDemande | DataPatch = psc.exportDatapass(sample, { patch: Math.random() > 0.5 })
console.log(post.demande.form_uid, post.demande.data.cadre_juridique_url, patch.demande.data.scopes, either)

// Webhooks: bytes or strings; an absent header is allowed (and refused at run time).
const header: string | undefined = undefined
try {
  psc.verifySignature('whsec_test', sample, header)
  const result: void = psc.verifySignature(Buffer.from('whsec_test'), sample.toString(), 'sha256=00')
  console.log(result)
  const imported: Imported | Imported[] = psc.webhook('whsec_test', sample, 'sha256=00', { check: 'strict' })
  console.log(imported)
} catch (error) {
  if (error instanceof DatapassPscError) {
    const code: Code = error.code
    const index: number | undefined = error.index
    const errors: Issue[] | undefined = error.report?.errors
    console.log(code, error.messageFr, error.messageEn, error.params, error.path, error.origin, index, error.state, error.event, errors)
  } else if (error instanceof TypeError) {
    console.log(error.message)
  }
}
// @ts-expect-error: a parsed body is not what was signed
psc.verifySignature('secret', { test: true }, 'sha256=00')

// Schemas, by file name.
const schemas = psc.schemas()
console.log(schemas['request.schema.json'].$schema, Object.keys(schemas).length)
// @ts-expect-error: not a schema of the crate
console.log(schemas['nope.schema.json'])

// The error class can be built, with the crate's codes only.
const built = new DatapassPscError({ code: 'siret.checksum', messageFr: 'fr', messageEn: 'en', params: {} })
console.log(built.name, built.message)
// @ts-expect-error: not a code
new DatapassPscError({ code: 'nope', messageFr: 'fr', messageEn: 'en', params: {} })
