// Type of the platform file Taro picks (privacy.h5.ts or privacy.weapp.ts).
export declare const initPrivacy: () => void
export declare const openPrivacyGuide: () => void
