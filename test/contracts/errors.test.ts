/** The error catalogue: every code the core can return reaches a client as a contract code with Chinese text. */
import { CORE_ERROR_CODES } from '../../src/core/errors'
import { ERROR_STATUS, isErrorCode } from '../../src/contracts/errors'
import { errorMessage, zhCN } from '../../src/i18n/zh-CN'

it('every core failure code is a contract error code', () => {
  expect(CORE_ERROR_CODES.filter((code) => !isErrorCode(code))).toEqual([])
})

it('every contract error code has a fitting HTTP status and a one-sentence Chinese message', () => {
  for (const [code, status] of Object.entries(ERROR_STATUS)) {
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(600)
    const message = errorMessage(code)
    expect(message).toMatch(/[\u4e00-\u9fa5]/)
    expect(message).toMatch(/。$/)
    expect(zhCN.errors[code as keyof typeof zhCN.errors]).toBe(message)
  }
})

it('an unknown code falls back to the generic message instead of showing a code to a person', () => {
  expect(errorMessage('NO.SUCH_CODE')).toBe(zhCN.errors['SERVER.INTERNAL'])
})
