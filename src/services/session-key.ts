/**
 * The H5 session's storage key (Taro storage: localStorage under this name). Also read by the H5
 * build's first-screen preload (config/first-screen-preload.ts), which guesses the first page.
 */
export const H5_SESSION_KEY = 'minqing.session'
