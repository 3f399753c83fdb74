/**
 * The 隐私保护指引 gate between wx.onNeedPrivacyAuthorization and our popup: the popup on top opens,
 * the person's agree (with the agree button's id) or disagree answers every waiting privacy API
 * exactly once, and nothing is left hanging when no popup can ask.
 */
import { createPrivacyGate, type PrivacyAnswer } from '../../src/services/privacy-gate'

const recorder = () => {
  const answers: PrivacyAnswer[] = []
  return { answers, resolve: (a: PrivacyAnswer) => void answers.push(a) }
}

it('a privacy API waiting opens the popup on top, and agree lets it go on with the button id', () => {
  const gate = createPrivacyGate()
  const shown: boolean[] = []
  gate.mount((open) => shown.push(open))
  const location = recorder()
  gate.need(location.resolve)
  expect(shown).toEqual([true])
  expect(location.answers).toEqual([{ event: 'exposureAuthorization' }])
  gate.agree('mq-privacy-agree')
  expect(location.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'mq-privacy-agree' }])
  expect(shown).toEqual([true, false])
  expect(gate.waiting).toBe(0)
})

it('disagree fails every waiting API (camera and album at once), each answered exactly once', () => {
  const gate = createPrivacyGate()
  gate.mount(() => undefined)
  const camera = recorder()
  const album = recorder()
  gate.need(camera.resolve)
  gate.need(album.resolve)
  gate.disagree()
  gate.disagree()
  gate.agree('late')
  for (const r of [camera, album]) expect(r.answers.filter((a) => a.event !== 'exposureAuthorization')).toEqual([{ event: 'disagree' }])
})

it('only the last mounted popup (the page shown) opens; when it goes, the one below takes over', () => {
  const gate = createPrivacyGate()
  const below: boolean[] = []
  const top: boolean[] = []
  gate.mount((o) => below.push(o))
  const unmountTop = gate.mount((o) => top.push(o))
  const mic = recorder()
  gate.need(mic.resolve)
  expect(top).toEqual([true])
  expect(below).toEqual([false])
  unmountTop()
  expect(below).toEqual([false, true])
  gate.agree('b')
  expect(mic.answers.at(-1)).toEqual({ event: 'agree', buttonId: 'b' })
})

it('with no popup mounted a request is refused at once, and a page leaving with the question open refuses it', () => {
  const gate = createPrivacyGate()
  const phone = recorder()
  gate.need(phone.resolve)
  expect(phone.answers).toEqual([{ event: 'disagree' }])
  const unmount = gate.mount(() => undefined)
  const location = recorder()
  gate.need(location.resolve)
  unmount()
  expect(location.answers.at(-1)).toEqual({ event: 'disagree' })
  expect(gate.waiting).toBe(0)
})
