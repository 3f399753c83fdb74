/**
 * WeChat transport: one cloud function `api` receives `{ action, input, requestId }`; the caller's
 * identity comes from the WeChat runtime (openid), so there is no token. The cloud function returns
 * the ApiResponse object itself as its result.
 * One rule: a failed cloud call (no network, function missing) is a TransportError; an ApiResponse
 * with ok:false is an answer and is returned as is.
 */
import Taro from '@tarojs/taro'
import type { ApiResponse } from '../contracts'
import { TransportError, type Transport } from './transport-types'

const isApiResponse = (body: unknown): body is ApiResponse<unknown> =>
  !!body && typeof body === 'object' && typeof (body as { ok?: unknown }).ok === 'boolean'

const transport: Transport = {
  hasDevLogin: false,
  init: () => {
    // The environment bound to the mini-program in the WeChat console (DYNAMIC_CURRENT_ENV).
    if (Taro.cloud) Taro.cloud.init({ traceUser: false })
  },
  session: { get: () => null, set: () => undefined, clear: () => undefined },
  async send({ action, input, requestId }) {
    let result: unknown
    try {
      const answer = await Taro.cloud.callFunction({ name: 'api', data: { action, input, requestId } })
      result = answer.result
    } catch (error) {
      throw new TransportError(error instanceof Error ? error.message : String(error))
    }
    if (!isApiResponse(result)) throw new TransportError('cloud function answered without an API response')
    return result
  },
}

export default transport
