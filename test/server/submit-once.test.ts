/**
 * The client's one submit rule (src/services/write-once.ts, behind useSubmit) against the real
 * server: a write keeps its request id until it succeeds, so a press repeated after a lost answer
 * never files twice, even when the person edited the text in between.
 */
import type { InputOf, OutputOf } from '../../src/contracts'
import { NETWORK_FAILURE, writeOnce } from '../../src/services/write-once'
import { requestId, startHarness, type Client, type Harness } from './harness'

class Failure extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

let h: Harness
let villager: Client
beforeAll(async () => {
  h = await startHarness()
  villager = await h.as('villager-a1')
})
afterAll(() => h.stop())

type In = InputOf<'ticket.create'>
type Out = OutputOf<'ticket.create'>

/** The real HTTP call; `loseAnswer` makes the next answer vanish after the server wrote. */
const client = () => {
  const state = { loseAnswer: false, offline: false, ids: [] as string[] }
  const write = writeOnce<In, Out>({
    newId: requestId,
    codeOf: (e) => (e instanceof Failure ? e.code : null),
    send: async (input, id) => {
      state.ids.push(id)
      if (state.offline) throw new Failure(NETWORK_FAILURE)
      const { body } = await villager.call('ticket.create', input, id)
      if (state.loseAnswer) {
        state.loseAnswer = false
        throw new Failure(NETWORK_FAILURE)
      }
      if (!body.ok) throw new Failure(body.error.code)
      return { queued: false, data: body.data }
    },
  })
  return { write, state }
}

const report = (description: string): In => ({ kind: 'problem', category: 'infrastructure', description })
const filed = async (description: string) => (await h.server.deps.store.find('tickets', { description })).length

it('a press repeated after a lost answer files once and answers the first ticket', async () => {
  const { write, state } = client()
  state.loseAnswer = true
  await expect(write.submit(report('桥头护栏断了一截'))).rejects.toMatchObject({ code: NETWORK_FAILURE })
  const again = await write.submit(report('桥头护栏断了一截'))
  expect(again.status).toBe('sent')
  expect(await filed('桥头护栏断了一截')).toBe(1)
  expect(new Set(state.ids).size).toBe(1)
})

it('a press after a lost answer with the text edited answers the first write, never a second ticket', async () => {
  const { write, state } = client()
  state.loseAnswer = true
  await expect(write.submit(report('村口路灯不亮'))).rejects.toMatchObject({ code: NETWORK_FAILURE })
  const again = await write.submit(report('村口路灯不亮，已经三天了'))
  expect(again.status).toBe('sent')
  expect(again.status === 'sent' ? again.data.description : '').toBe('村口路灯不亮')
  expect(await filed('村口路灯不亮')).toBe(1)
  expect(await filed('村口路灯不亮，已经三天了')).toBe(0)
})

it('the request id is kept while offline and a new one starts once the write succeeded', async () => {
  const { write, state } = client()
  state.offline = true
  await expect(write.submit(report('水渠堵了'))).rejects.toMatchObject({ code: NETWORK_FAILURE })
  await expect(write.submit(report('水渠堵了'))).rejects.toMatchObject({ code: NETWORK_FAILURE })
  const kept = write.pendingId
  state.offline = false
  await write.submit(report('水渠堵了'))
  expect(new Set(state.ids)).toEqual(new Set([kept]))
  expect(write.pendingId).toBeNull()
  await write.submit(report('水渠又堵了'))
  expect(state.ids.at(-1)).not.toBe(kept)
  expect(await filed('水渠堵了')).toBe(1)
})

it('a refusal writes nothing, and the corrected input goes out under the same id', async () => {
  const { write, state } = client()
  await expect(write.submit({ ...report('x'), category: 'no-such-category' })).rejects.toBeInstanceOf(Failure)
  await write.submit(report('垃圾点没人清运'))
  expect(new Set(state.ids).size).toBe(1)
  expect(await filed('垃圾点没人清运')).toBe(1)
})
