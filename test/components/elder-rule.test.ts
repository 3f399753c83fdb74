/** Issue 12 item 10: 长辈版 follows WeChat's font size until the person chooses on 我的. */
import { LARGE_WECHAT_FONT, elderDefault } from '../../src/components/elder-rule'

describe('elder mode default', () => {
  it("follows WeChat's font size setting while the person has not chosen", () => {
    expect(elderDefault(null, 16)).toBe(false)
    expect(elderDefault(null, 17)).toBe(false)
    expect(elderDefault(null, LARGE_WECHAT_FONT)).toBe(true)
    expect(elderDefault(null, 26)).toBe(true)
  })

  it('keeps the choice made on 我的, whatever the font size', () => {
    expect(elderDefault(false, 26)).toBe(false)
    expect(elderDefault(true, 16)).toBe(true)
  })

  it('is off in H5 until chosen (no WeChat setting; the browser zooms)', () => {
    expect(elderDefault(null, null)).toBe(false)
  })
})
