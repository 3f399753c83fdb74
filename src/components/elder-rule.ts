/** When 长辈版 is on (pure, so it is tested without a platform): the person's choice, else WeChat's font size. */

/** WeChat's font size setting (px) from which elder mode is on by default (standard is 16-17). */
export const LARGE_WECHAT_FONT = 20

/** On when chosen; otherwise on when WeChat's font is large; off in H5 until chosen (the browser zooms). */
export const elderDefault = (choice: boolean | null, fontSize: number | null): boolean => choice ?? (fontSize !== null && fontSize >= LARGE_WECHAT_FONT)
