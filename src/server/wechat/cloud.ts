/**
 * The WeChat cloud adapter: openapi.wxacode.getUnlimited through wx-server-sdk (the cloud function
 * must declare the permission in config.json). One rule: imported only by the cloud entry; a test
 * never reaches it (outside WeChat's runtime the SDK fails with an unhandled rejection).
 */
import type { WechatCodes } from './port'

/** The slice of wx-server-sdk this adapter uses (typed here: the SDK's own types are loose). */
export interface WxCloudOpenapi {
  openapi: {
    wxacode: {
      getUnlimited(request: { scene: string; page: string; width: number; checkPath?: boolean }): Promise<{ buffer?: Uint8Array; errCode?: number; errMsg?: string }>
    }
  }
}

export const cloudWechatCodes = (cloud: WxCloudOpenapi): WechatCodes => ({
  async unlimitedCode({ scene, page, width }) {
    const result = await cloud.openapi.wxacode.getUnlimited({ scene, page, width, checkPath: false })
    if (!result.buffer || (result.errCode !== undefined && result.errCode !== 0)) {
      throw new Error(`wxacode.getUnlimited failed: ${result.errCode ?? '?'} ${result.errMsg ?? ''}`)
    }
    return new Uint8Array(result.buffer)
  },
})
