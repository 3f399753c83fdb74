/**
 * Keyboard and screen readers in H5 (issue 12 item 10). Taro's H5 buttons and tappable views are
 * custom elements that a keyboard cannot reach: every tappable thing of ours (buttons, the villager
 * actions, choices, stars) gets tabindex 0 and a role as it appears, and Enter or Space on it
 * clicks it. Its visible words name it. The weapp has no keyboard: nothing happens there.
 */
const TAPPABLE = '.at-button, .villager-action, .mq-choice__item, .mq-stars__star, .mq-chip'

const mark = (root: ParentNode) => {
  root.querySelectorAll<HTMLElement>(TAPPABLE).forEach((el) => {
    if (el.getAttribute('tabindex') === null) el.setAttribute('tabindex', el.classList.contains('at-button--disabled') ? '-1' : '0')
    if (!el.getAttribute('role')) el.setAttribute('role', el.classList.contains('mq-choice__item') ? 'radio' : 'button')
    if (el.classList.contains('mq-choice__item')) el.setAttribute('aria-checked', String(el.classList.contains('mq-choice__item--on')))
  })
}

let started = false

export const startKeyboardAccess = (): void => {
  if (process.env.TARO_ENV !== 'h5' || started || typeof document === 'undefined') return
  started = true
  mark(document)
  new MutationObserver(() => mark(document)).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] })
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const el = document.activeElement as HTMLElement | null
    if (!el || !el.matches(TAPPABLE)) return
    event.preventDefault()
    el.click()
  })
}
