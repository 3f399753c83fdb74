/**
 * A browser's User-Agent header in the few words a person can check ("Chrome on Windows"): shown on
 * the phone when a staff member confirms a web console's QR login, so that someone tricked into
 * scanning another person's code sees that the browser asking is not theirs.
 * One rule: only the family of browser and system, never a version or a device id; unknown stays null.
 */

export interface BrowserSummary {
  browser: string | null
  os: string | null
}

/** First match wins: Edge and Opera and the Chinese browsers carry "Chrome" too, so they come first. */
const BROWSERS: readonly [RegExp, string][] = [
  [/MicroMessenger\//, 'WeChat'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/QQBrowser\//, 'QQ Browser'],
  [/UCBrowser\//, 'UC Browser'],
  [/360SE|360EE|QihooBrowser/, '360 Browser'],
  [/SogouMobileBrowser|SE \d.*MetaSr/, 'Sogou Browser'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
  [/MSIE |Trident\//, 'Internet Explorer'],
]

const SYSTEMS: readonly [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Windows NT|Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

const first = (ua: string, table: readonly [RegExp, string][]): string | null => table.find(([re]) => re.test(ua))?.[1] ?? null

/** The family of browser and of operating system the header names (null where it names none we know). */
export const summarizeUserAgent = (userAgent: string | null | undefined): BrowserSummary => {
  const ua = userAgent ?? ''
  return { browser: first(ua, BROWSERS), os: first(ua, SYSTEMS) }
}
