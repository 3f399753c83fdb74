/** The app shell: connects the backend and starts the outbox once at launch; pages do the rest. */
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initBackend, session } from './services/api'
import { startOutbox } from './services/outbox'
import { initPrivacy } from './services/privacy'
import { startKeyboardAccess } from './components/keyboard'
import { LOGIN_PAGE } from './features/session/useSession'
import { HOME_PAGE } from './features/login/useDevLogin'
import './app.scss'

/**
 * H5, before the router starts (this module is evaluated before Taro's H5 entry creates it): a
 * browser without a session that opens the app's address starts on the login screen itself. Else
 * the home page's code would load, ask me.get without a session and only then send it there (issue
 * 12 item 11: one page's code and two round trips less before the first screen). An expired session
 * still goes the long way (useSession).
 */
const startSignedOutAtLogin = () => {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || session.isSignedIn()) return
  const route = window.location.hash.replace(/^#/, '').split('?')[0]
  if (route === '' || route === '/' || route === HOME_PAGE) window.history.replaceState(window.history.state, '', `#${LOGIN_PAGE}`)
}
startSignedOutAtLogin()

const App = ({ children }: PropsWithChildren) => {
  useLaunch(() => {
    initBackend()
    initPrivacy()
    startOutbox()
    startKeyboardAccess()
  })
  return children
}

export default App
