'use strict'
// replay and eligibility: the README's lifecycle and questionnaire, refusals with their index.

const test = require('node:test')
const assert = require('node:assert/strict')
const psc = require('..')
const { read, readJson } = require('./support')

test('replay: the README\'s D60501, validated twice, with its history in French and English', () => {
  const record = psc.replay(read('examples', 'lifecycle', 'd60501.json'))
  assert.deepEqual(Object.keys(record), [
    'request_number',
    'psc_connection_reference',
    'state',
    'state_fr',
    'reopening',
    'habilitations',
    'history',
  ])
  assert.equal(record.request_number, 'D60501')
  assert.equal(record.psc_connection_reference, 'D60501')
  assert.equal(record.state, 'validated')
  assert.equal(record.state_fr, 'Validée')
  assert.equal(record.reopening, false)
  assert.deepEqual(
    record.habilitations.map((h) => [h.number, h.state, h.created_at, h.title_fr]),
    [
      ['H60501', 'obsolete', '2024-04-30T12:20:05Z', 'Habilitation H60501 du 30/04/2024'],
      ['H118386', 'active', '2024-06-19T09:00:00Z', 'Habilitation H118386 du 19/06/2024'],
    ],
  )
  assert.deepEqual(
    record.history.map((h) => h.event),
    ['submit', 'approve', 'reopen', 'update', 'submit', 'approve'],
  )
  assert.equal(record.history[0].summary_fr, 'Le demandeur a soumis la demande.')
  assert.equal(record.history[0].summary_en, 'The applicant submitted the request.')
  assert.equal(record.history[1].habilitation_number, 'H60501')
  // The same log as a string or as an object.
  assert.deepEqual(psc.replay(read('examples', 'lifecycle', 'd60501.json').toString()), record)
  assert.deepEqual(psc.replay(readJson('examples', 'lifecycle', 'd60501.json')), record)
})

test('replay: a refused event throws with its index, state and event; nothing else changes', () => {
  assert.throws(
    () => psc.replay(read('examples', 'lifecycle', 'archive-with-active-habilitation.json')),
    (error) => {
      assert.ok(error instanceof psc.DatapassPscError)
      assert.equal(error.code, 'transition.not_allowed')
      assert.equal(error.index, 2)
      assert.equal(error.state, 'validated')
      assert.equal(error.event, 'archive')
      assert.equal(
        error.messageFr,
        "L'action « Supprimer la demande » n'est pas permise quand la demande est « Validée » (événement n° 3 du journal)",
      )
      assert.equal(
        error.messageEn,
        'The "archive" action is not allowed when the request is validated (event #3 of the log)',
      )
      assert.deepEqual(error.params, { state: 'validated', event: 'archive', cause: 'not_in_table', index: 2 })
      assert.equal(error.path, undefined)
      return true
    },
  )
  // Time going backwards is the first check.
  const log = readJson('examples', 'lifecycle', 'd60501.json')
  log.events[1].at = '2024-01-01T00:00:00Z'
  assert.throws(() => psc.replay(log), { code: 'transition.time_went_backwards', index: 1 })
})

test('replay: a log that cannot be read throws its first problem, with the report', () => {
  assert.throws(
    () => psc.replay('{"request_number": "D60501", "events": [], "extra": 1}'),
    (error) => {
      assert.equal(error.code, 'json.unknown_field')
      assert.equal(error.path, '/extra')
      assert.equal(error.origin, 'format')
      assert.equal(error.report.valid, false)
      assert.deepEqual(error.report.errors[0].code, 'json.unknown_field')
      return true
    },
  )
  assert.throws(() => psc.replay('{"request_number": "X1", "events": []}'), { code: 'event_log.invalid' })
  assert.throws(() => psc.replay('nope'), { code: 'json.syntax' })
})

test('eligibility: the README\'s company without a web solution, and the four requesters', () => {
  const decision = psc.eligibility({ requester: 'company', webSolution: false })
  assert.equal(decision.outcome, 'not_eligible')
  assert.equal(decision.heading_en, 'Sorry, you are not eligible 🚫')
  assert.deepEqual(decision.unmet_conditions.map((c) => c.code), ['offers_web_solution'])
  assert.equal(decision.unmet_conditions[0].text_en, 'offer a web solution')

  assert.equal(psc.eligibility({ requester: 'individual' }).outcome, 'not_eligible')
  assert.equal(psc.eligibility({ requester: 'public_administration' }).outcome, 'eligible')
  const maybe = psc.eligibility({ requester: 'software_editor', french: true, webSolution: null })
  assert.equal(maybe.outcome, 'maybe_eligible')
  assert.deepEqual(maybe.unmet_conditions.map((c) => c.code), [
    'offers_web_solution',
    'addressed_to_health_professionals',
  ])
  assert.equal(maybe.needed.length, 5)
  assert.equal(maybe.needed_intro_fr, 'Pour remplir votre demande, vous aurez besoin :')
  const yes = psc.eligibility({ requester: 'company', french: true, webSolution: true, healthProfessionals: true })
  assert.equal(yes.outcome, 'eligible')
  assert.deepEqual(yes.unmet_conditions, [])
})

test('eligibility: an unknown requester is refused by the crate; wrong types are TypeErrors', () => {
  assert.throws(() => psc.eligibility({ requester: 'robot' }), (error) => {
    assert.ok(error instanceof psc.DatapassPscError)
    assert.equal(error.code, 'eligibility.unknown_requester')
    assert.deepEqual(error.params, {
      expected: ['individual', 'company', 'public_administration', 'software_editor'],
    })
    return true
  })
  // The wire word, not the command line's spelling.
  assert.throws(() => psc.eligibility({ requester: 'public-administration' }), {
    code: 'eligibility.unknown_requester',
  })
  assert.throws(() => psc.eligibility({}), TypeError)
  assert.throws(() => psc.eligibility('company'), TypeError)
  assert.throws(() => psc.eligibility(undefined), TypeError)
  assert.throws(() => psc.eligibility({ requester: 'company', french: 'yes' }), TypeError)
  assert.throws(() => psc.eligibility({ requester: 'company', webSolution: 1 }), TypeError)
})
