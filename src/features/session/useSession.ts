/**
 * Who is using the app: `useSession()` loads me.get and says which home to show.
 * One rule: in H5 a missing or expired session goes to the login screen; in WeChat the person is
 * known by openid, and an unbound one is told to ask their cadre (AUTH.NOT_BOUND), never sent to a login.
 */
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import type { MeView } from '../../contracts'
import { seesWholeTownship } from '../../core/roles'
import { isSignedOutError, session } from '../../services/api'
import { useCall, type Loaded } from '../../services/useCall'
import { useSubmit } from '../../services/useSubmit'

export const LOGIN_PAGE = '/pages/login/index'
/** 绑定身份: binding by phone (or an invitation's code). */
export const BIND_PAGE = '/pages/bind/index'

export const goToLogin = (): void => {
  void Taro.reLaunch({ url: LOGIN_PAGE })
}

/** Signing out: the server ends the session too (stored sessions, through the one submit hook); the browser forgets it whatever the answer. */
export const useSignOut = () => {
  const logout = useSubmit('auth.logout')
  const signOut = async (): Promise<void> => {
    await logout.submit({})
    session.signOut()
    goToLogin()
  }
  return { signOut, pending: logout.pending }
}

export interface Session {
  state: Loaded<MeView>
  reload: () => void
  /** Local demo only: the person may sign out and pick another identity. */
  canSignOut: boolean
}

export const useSession = (): Session => {
  const signedIn = session.isSignedIn()
  // Kept on the phone: offline, the app still knows whose home to show.
  const { state, reload } = useCall('me.get', {}, signedIn, { keep: true })

  useEffect(() => {
    if (!session.hasDevLogin) return
    if (!signedIn || (state.status === 'error' && isSignedOutError(state.error))) {
      session.signOut()
      goToLogin()
    }
  }, [signedIn, state])

  return { state, reload, canSignOut: session.hasDevLogin }
}

/**
 * Which sections a person's home shows, in order. A village secretary who lives in the village is a
 * villager first; a resident cadre sees today's work; the office, leaders and supervisors see the
 * coverage check (a resident cadre who also leads sees both).
 */
export const homeSectionsFor = (me: MeView) => {
  const villager = me.roles.includes('villager') && me.household !== null
  const residentCadre = me.roles.includes('cadre') && me.duty === 'resident'
  const coverage = seesWholeTownship(me)
  const villageTickets = me.roles.includes('secretary')
  return { villager, residentCadre, coverage, villageTickets: villageTickets && !residentCadre }
}
