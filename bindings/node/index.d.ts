// Types of datapass-psc for Node.js. Results are the JSON the command line prints with
// `--format json`, in the crate's wire names (snake_case); options are camelCase. The string
// literal unions (codes, states, sources…) are generated from the crate in vocabulary.d.ts.

import type {
  Actor,
  Code,
  Condition,
  ContactRole,
  EventName,
  HabilitationEvent,
  HabilitationState,
  NeededItem,
  Origin,
  Outcome,
  RequestState,
  RequesterKind,
  Rules,
  SchemaFile,
  Scope,
  Source,
  WizardStep,
} from './vocabulary'

export type * from './vocabulary'

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/**
 * A JSON document: its bytes (a `Buffer` or a `Uint8Array`, read without a copy), its text, or
 * a plain object or array (written with `JSON.stringify`, so duplicate keys and key order are
 * JavaScript's). Anything else throws a `TypeError`.
 */
export type JsonDocument = Uint8Array | string | object

/** Raw bytes: a `Buffer`, a `Uint8Array`, or a string (its UTF-8 bytes). */
export type Bytes = Uint8Array | string

/** Data a front end can use to write its own message (`{"max": 100, "found": 101}`). */
export interface Params {
  [name: string]: JsonValue
}

/** One problem found in a document. */
export interface Issue {
  /** Stable machine-readable code (`siret.checksum`). */
  code: Code
  /** JSON Pointer (RFC 6901) to the field (`/contacts/technical_contact/phone`); `""` for the whole document. */
  path: string
  /** The message in French, for the applicant. */
  message_fr: string
  /** The message in English. */
  message_en: string
  params: Params
  /** Whose rule it is. */
  origin: Origin
}

/** Every problem of a request at once; `valid` is true when there is no error. */
export interface Report {
  valid: boolean
  errors: Issue[]
  warnings: Issue[]
}

export interface ValidateOptions {
  /** `strict` (the default: every rule of the crate) or `datapass` (only DataPass's rules are errors, the others warnings). */
  rules?: Rules
}

/** A contact of a complete request. */
export interface Contact {
  given_name: string
  family_name: string
  job_title: string
  /** Lowercase. */
  email: string
  /** E.164 (`+33612345678`). */
  phone: string
}

/** An attached document, by its metadata. */
export interface LegalDocument {
  file_name: string
  media_type: string
  size_bytes: number
}

/** A complete, valid request in canonical form: every key present, texts trimmed, SIRET as 14 digits, emails in lowercase, phones in E.164, scopes sorted. */
export interface AuthorizationRequest {
  organization: { siret: string }
  project: { name: string; description: string }
  legal_basis: { nature: string; url: string | null; documents: LegalDocument[] }
  scopes: Scope[]
  personal_data: {
    recipients: string[]
    retention_months: number
    retention_justification: string | null
  }
  contacts: {
    applicant: Contact
    data_controller: Contact
    data_protection_officer: Contact
    technical_contact: Contact
  }
  terms_accepted: true
  dpo_informed: true
}

/** A contact as typed, every field optional. */
export interface ContactDraft {
  given_name?: string | null
  family_name?: string | null
  job_title?: string | null
  email?: string | null
  phone?: string | null
}

/** A request as a form sends it (or as an import reads it): every field optional, values unchecked. */
export interface RequestDraft {
  organization?: { siret?: string | null } | null
  project?: { name?: string | null; description?: string | null } | null
  legal_basis?: {
    nature?: string | null
    url?: string | null
    documents?:
      | { file_name?: string | null; media_type?: string | null; size_bytes?: number | null }[]
      | null
  } | null
  scopes?: string[] | null
  personal_data?: {
    recipients?: string[] | null
    retention_months?: number | null
    retention_justification?: string | null
  } | null
  contacts?: {
    applicant?: ContactDraft | null
    data_controller?: ContactDraft | null
    data_protection_officer?: ContactDraft | null
    technical_contact?: ContactDraft | null
  } | null
  terms_accepted?: boolean | null
  dpo_informed?: boolean | null
}

/** A SIRET in canonical form, with its SIREN. */
export interface ParsedSiret {
  /** 14 digits. */
  siret: string
  /** The first 9. */
  siren: string
}

/** A phone number. */
export interface ParsedPhoneNumber {
  /** E.164 (`+262692123456`). */
  e164: string
  /** Its region (`FR`, `RE`…), when the metadata gives one. */
  region: string | null
  isMobile: boolean
}

/** A retention period of personal data, in months (0–1200). */
export interface ParsedRetentionPeriod {
  months: number
  /** Above the usual 36 months: a justification is required. */
  requiresJustification: boolean
}

/** The answers to the « Qui êtes-vous ? » questionnaire; an unanswered condition is `undefined` or `null`. */
export interface EligibilityAnswers {
  requester: RequesterKind
  /** A French software editor. */
  french?: boolean | null
  /** Offers a web solution. */
  webSolution?: boolean | null
  /** Addressed to health professionals. */
  healthProfessionals?: boolean | null
}

/** The eligibility decision, as `datapass-psc eligibility --format json` prints it. */
export interface Decision {
  requester: RequesterKind
  outcome: Outcome
  unmet_conditions: { code: Condition; text_fr: string; text_en: string }[]
  heading_fr: string
  heading_en: string
  message_fr: string
  message_en: string
  needed_intro_fr: string | null
  needed_intro_en: string | null
  needed: { code: NeededItem; text_fr: string; text_en: string }[]
}

/** A habilitation of a record, without its snapshot. */
export interface HabilitationSummary {
  /** `H118386`. */
  number: string
  state: HabilitationState
  /** The approval time (RFC 3339, UTC). */
  created_at: string
  title_fr: string
}

/** An accepted event of a record's history, with DataPass's French summary and its English counterpart. */
export interface HistoryEntry {
  event: EventName
  actor: Actor
  /** RFC 3339, UTC. */
  at: string
  reason?: string
  message?: string
  habilitation_number?: string
  summary_fr: string
  summary_en: string
}

/** Where a replayed event log leaves the request, as `datapass-psc lifecycle --format json` prints it. */
export interface Record {
  /** `D60501`. */
  request_number: string
  /** The number to give Pro Santé Connect onboarding: the request number. */
  psc_connection_reference: string
  state: RequestState
  state_fr: string
  reopening: boolean
  habilitations: HabilitationSummary[]
  history: HistoryEntry[]
}

export interface ImportOptions {
  /** The kind of document, instead of recognising it by its shape. */
  source?: Source
  /** Also validate the imported request with these rules, missing values included. */
  check?: Rules
}

/** A habilitation as DataPass lists it. */
export interface FactHabilitation {
  number: string
  state: HabilitationState
  created_at: string | null
}

/** An event of a DataPass history, as DataPass names it. */
export interface FactEvent {
  name: string
  created_at: string | null
}

/** What DataPass says of an imported document: each member is there when the document says it. */
export interface Facts {
  request_number?: string
  state?: RequestState
  reopening?: boolean
  habilitations?: FactHabilitation[]
  /** The event of a webhook call, as DataPass names it (`approve`). */
  event?: string
  fired_at?: string
  /** DataPass's test ping: answer `200` without processing it. */
  ping?: true
  timestamp?: string
  current_build_step?: string
  events?: FactEvent[]
}

/** A DataPass document imported, as `datapass-psc import --format json` prints it. */
export interface Imported {
  source: Source
  /** The request the document holds, as a draft (`null` for an error body, the ping, a history). */
  request: RequestDraft | null
  /** Errors only for what DataPass itself refuses; warnings on what it carries (or, with `check`, the validation). */
  report: Report
  /** What is absent from the request, as the issues a validation gives for it. */
  to_complete: Issue[]
  datapass: Facts
}

/** The keys of DataPass's flat `data` for this form, as the crate writes them. */
export interface DataPassData {
  intitule: string
  description: string
  cadre_juridique_nature: string
  cadre_juridique_url: string | null
  scopes: Scope[]
  contact_technique_given_name: string
  contact_technique_family_name: string
  contact_technique_job_title: string
  contact_technique_email: string
  contact_technique_phone_number: string
  responsable_traitement_given_name: string
  responsable_traitement_family_name: string
  responsable_traitement_job_title: string
  responsable_traitement_email: string
  responsable_traitement_phone_number: string
  delegue_protection_donnees_given_name: string
  delegue_protection_donnees_family_name: string
  delegue_protection_donnees_job_title: string
  delegue_protection_donnees_email: string
  delegue_protection_donnees_phone_number: string
}

/** The body of DataPass's `POST /demandes`. */
export interface NewDemande {
  demande: {
    form_uid: 'api-pro-sante-connect'
    organization: { siret: string }
    applicant: {
      email: string
      given_name: string
      family_name: string
      job_title: string
      phone_number: string
    }
    data: DataPassData
  }
}

/** The body of DataPass's `PATCH /demandes/{id}`. */
export interface DataPatch {
  demande: { data: DataPassData }
}

export interface ExportOptions {
  /** The body of `PATCH /demandes/{id}` instead of `POST /demandes`. */
  patch?: boolean
}

/** A JSON Schema (draft 2020-12). */
export interface JsonSchema {
  [keyword: string]: JsonValue
}

/** What a `DatapassPscError` carries. */
export interface DatapassPscErrorFields {
  code: Code
  messageFr: string
  messageEn: string
  params: Params
  path?: string
  origin?: Origin
  index?: number
  state?: RequestState
  event?: EventName
  report?: Report
}

/**
 * Every refusal of the crate: an identifier, a request (`request.invalid`, with its `report`),
 * a document that cannot be read (its first problem, with the `report`), a refused event of a
 * log (`index`, `state`, `event`), a webhook signature. Its `message` is `messageEn`.
 */
export declare class DatapassPscError extends Error {
  constructor(fields: DatapassPscErrorFields)
  name: 'DatapassPscError'
  /** Stable machine-readable code (`siret.checksum`, `webhook.signature_mismatch`…). */
  code: Code
  messageFr: string
  messageEn: string
  params: Params
  /** JSON Pointer of the problem, for an issue (`""` for an identifier parsed alone). */
  path?: string
  /** Whose rule it is, for an issue. */
  origin?: Origin
  /** The 0-based index of the refused event in the log (`replay`). */
  index?: number
  /** The request's state when the event was refused (`replay`). */
  state?: RequestState
  /** The refused event (`replay`). */
  event?: EventName
  /** Every problem, when the refusal comes from a report (`parseRequest`, `exportDatapass`, a document that cannot be read). */
  report?: Report
}

/** Validates a request: every problem at once, never throws for the document's content. */
export declare function validate(document: JsonDocument, options?: ValidateOptions): Report

/** The request in canonical form; throws a `DatapassPscError` (`request.invalid`, with its `report`) unless it is valid under the strict rules. */
export declare function parseRequest(document: JsonDocument): AuthorizationRequest

/** `{ siret, siren }` in canonical form (`732 829 320 00074` → `73282932000074`). */
export declare function parseSiret(raw: string): ParsedSiret
/** The SIREN in canonical form (9 digits). */
export declare function parseSiren(raw: string): string
/** The email address, lowercase. */
export declare function parseEmail(raw: string): string
/** The phone number in E.164, with its region and whether it is a mobile. */
export declare function parsePhoneNumber(raw: string): ParsedPhoneNumber
/** A retention period; `months` must be an integer (0–1200 is valid). */
export declare function retentionPeriod(months: number): ParsedRetentionPeriod

/** The « Qui êtes-vous ? » decision. */
export declare function eligibility(answers: EligibilityAnswers): Decision

/** Replays an event log (`{"request_number", "request"?, "events"}`) into where the request stands; throws a `DatapassPscError` with `index` for the first refused event. */
export declare function replay(eventLog: JsonDocument): Record

/** Imports a DataPass document; a list (`GET /demandes`) gives an array. */
export declare function importDatapass(
  document: JsonDocument,
  options: ImportOptions & { source: 'v2_demandes' },
): Imported[]
export declare function importDatapass(
  document: JsonDocument,
  options: ImportOptions & { source: Exclude<Source, 'v2_demandes'> },
): Imported
export declare function importDatapass(
  document: JsonDocument,
  options?: ImportOptions,
): Imported | Imported[]

/** DataPass's `POST /demandes` body of a valid request, or with `patch`, its `PATCH /demandes/{id}` body. */
export declare function exportDatapass(request: JsonDocument, options: { patch: true }): DataPatch
export declare function exportDatapass(request: JsonDocument, options?: { patch?: false }): NewDemande
export declare function exportDatapass(
  request: JsonDocument,
  options?: ExportOptions,
): NewDemande | DataPatch

/**
 * Checks a webhook call's `X-Hub-Signature-256` header against the raw body and the secret;
 * returns nothing, or throws a `DatapassPscError` (`webhook.signature_mismatch`…). An absent
 * header (`undefined`, `null`) is `webhook.signature_missing`.
 */
export declare function verifySignature(
  secret: Bytes,
  body: Bytes,
  header: string | undefined | null,
): void

/** Checks a webhook call's signature, then imports its body. */
export declare function webhook(
  secret: Bytes,
  body: Bytes,
  header: string | undefined | null,
  options?: ImportOptions,
): Imported | Imported[]

/** Every JSON Schema of the crate, by file name (`request.schema.json`…). */
export declare function schemas(): { [file in SchemaFile]: JsonSchema }
