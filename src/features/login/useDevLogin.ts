/**
 * Local demo login: the seeded people by role (auth.devPeople) and signing in as one of them.
 * One rule: only the H5 local build has this; WeChat knows people by openid.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '../../i18n'
import { ApiCallError, call, session } from '../../services/api'
import { useCall } from '../../services/useCall'

export const HOME_PAGE = '/pages/index/index'

export const useDevLogin = () => {
  const people = useCall('auth.devPeople', {})
  const [pendingId, setPendingId] = useState<string | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)

  const signInAs = async (personId: string) => {
    if (pendingId) return
    setPendingId(personId)
    setError(null)
    try {
      const { token } = await call('auth.devLogin', { personId })
      session.signIn(token)
      await Taro.reLaunch({ url: HOME_PAGE })
    } catch (e) {
      setError(e instanceof ApiCallError ? e : new ApiCallError('SERVER.INTERNAL', errorMessage('SERVER.INTERNAL')))
    } finally {
      setPendingId(null)
    }
  }

  return { people, signInAs, pendingId, error }
}
