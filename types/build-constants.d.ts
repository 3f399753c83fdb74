/**
 * Build constants set by config/index.ts (Taro defineConstants) from the build's environment.
 * MINQING_WEAPP_BACKEND: 'cloud' (default) or 'https'; MINQING_API_BASE: the self-hosted server's
 * https:// origin when the backend is 'https'.
 */
declare const MINQING_WEAPP_BACKEND: string
declare const MINQING_API_BASE: string
