/** The app shell: connects the backend and starts the outbox once at launch; pages do the rest. */
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initBackend } from './services/api'
import { startOutbox } from './services/outbox'
import { initPrivacy } from './services/privacy'
import { startKeyboardAccess } from './components/keyboard'
import './app.scss'

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
