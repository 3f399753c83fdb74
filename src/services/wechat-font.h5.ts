/**
 * H5: there is no WeChat font setting (the browser's zoom serves). A file of its own so that the H5
 * build does not carry Taro's getSystemInfo and the 42 KB user-agent parser behind it on every
 * villager page (issue 12 item 11).
 */
export const wechatFontSize = (): number | null => null
