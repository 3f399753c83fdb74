/**
 * The one way a handler gets a 小程序码 (wxacode.getUnlimited through the WeChat port): the page,
 * the scene (at most 32 characters) and the build it opens (env_version: a trial build's code opens
 * the trial build). Used by the binding invitation and the visit sign-off.
 * One rule: a failed code is logged and refused as SERVER.UNAVAILABLE; nothing is written for it.
 */
import type { HandlerContext } from '../context'
import { refuse } from '../errors'
import { localWechatCodes } from '../wechat/local'
import type { EnvVersion } from '../wechat/port'

export const miniProgramCode = async (ctx: HandlerContext, request: { scene: string; page: string; envVersion?: EnvVersion }): Promise<string> => {
  try {
    const png = await (ctx.deps.wechat ?? localWechatCodes).unlimitedCode({ scene: request.scene, page: request.page, width: 430, envVersion: request.envVersion })
    return Buffer.from(png).toString('base64')
  } catch (error) {
    console.error('[minqing] mini-program code failed:', error)
    return refuse('SERVER.UNAVAILABLE')
  }
}
