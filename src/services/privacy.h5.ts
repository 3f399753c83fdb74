/** H5 (local demo): the browser asks for location and camera itself; there is no WeChat privacy guide. */
export const initPrivacy = (): void => undefined
export const openPrivacyGuide = (): void => undefined
