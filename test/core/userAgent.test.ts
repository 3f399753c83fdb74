/** summarizeUserAgent: the asking browser in a few words on the QR login's confirm page (identity-finish). */
import { summarizeUserAgent } from '../../src/core/userAgent'

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

it('summarises common user agents by family, never by version', () => {
  expect(summarizeUserAgent(CHROME_WINDOWS)).toEqual({ browser: 'Chrome', os: 'Windows' })
  expect(summarizeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15')).toEqual({ browser: 'Safari', os: 'macOS' })
  expect(summarizeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0')).toEqual({ browser: 'Edge', os: 'Windows' })
  expect(summarizeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toEqual({ browser: 'Firefox', os: 'Linux' })
  expect(summarizeUserAgent('Mozilla/5.0 (Linux; Android 13; V2145A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47')).toEqual({ browser: 'WeChat', os: 'Android' })
  expect(summarizeUserAgent('curl/8.5.0')).toEqual({ browser: null, os: null })
  expect(summarizeUserAgent('')).toEqual({ browser: null, os: null })
})
