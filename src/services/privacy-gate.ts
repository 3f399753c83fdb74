/**
 * The 隐私保护指引 gate: WeChat holds a privacy API (location, camera, album, microphone, phone
 * number) until the person agreed to the mini-program's privacy guide, and asks us through
 * `wx.onNeedPrivacyAuthorization(resolve)`; we show our own popup, and its agree button
 * (open-type="agreePrivacyAuthorization") answers `resolve({ event: 'agree', buttonId })`.
 * Pure: this keeps the waiting requests and tells the one popup on top (the last one mounted, i.e.
 * on the page shown) to open. One rule: every waiting request is answered exactly once, agree or
 * disagree; with no popup mounted, a request is refused at once rather than left hanging.
 */

export interface PrivacyAnswer {
  event: 'exposureAuthorization' | 'agree' | 'disagree'
  buttonId?: string
}
export type PrivacyResolve = (answer: PrivacyAnswer) => void

export interface PrivacyGate {
  /** WeChat's onNeedPrivacyAuthorization listener. */
  need(resolve: PrivacyResolve): void
  /** A popup mounts; it is told `true` to show and `false` to hide. Returns its unmount. */
  mount(show: (open: boolean) => void): () => void
  /** The agree button was tapped (its id goes to WeChat, which checks the tap happened). */
  agree(buttonId: string): void
  disagree(): void
  readonly waiting: number
}

export const createPrivacyGate = (): PrivacyGate => {
  let pending: PrivacyResolve[] = []
  const popups: ((open: boolean) => void)[] = []
  const top = () => popups[popups.length - 1]
  const answer = (a: PrivacyAnswer) => {
    const waiting = pending
    pending = []
    top()?.(false)
    for (const resolve of waiting) resolve(a)
  }
  return {
    need(resolve) {
      const show = top()
      if (!show) return resolve({ event: 'disagree' })
      pending.push(resolve)
      // Tell WeChat the popup was shown to the person (its records of the disclosure).
      resolve({ event: 'exposureAuthorization' })
      show(true)
    },
    mount(show) {
      top()?.(false)
      popups.push(show)
      if (pending.length > 0) show(true)
      return () => {
        const at = popups.lastIndexOf(show)
        if (at >= 0) popups.splice(at, 1)
        // The page went away with the question open: the page below asks instead, or nobody can.
        if (pending.length > 0) {
          if (top()) top()?.(true)
          else answer({ event: 'disagree' })
        }
      }
    },
    agree: (buttonId) => answer({ event: 'agree', buttonId }),
    disagree: () => answer({ event: 'disagree' }),
    get waiting() {
      return pending.length
    },
  }
}

/** The app's one gate (the platform file wires WeChat to it at launch). */
export const privacyGate = createPrivacyGate()
