// Type of the platform file Taro picks (wechat-font.h5.ts or wechat-font.weapp.ts).

/** WeChat's font size setting (px), or null where there is none (H5: the browser's zoom serves). */
export declare const wechatFontSize: () => number | null
