/** The app shell: connects the backend once at launch; pages do the rest. */
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initBackend } from './services/api'
import './app.scss'

const App = ({ children }: PropsWithChildren) => {
  useLaunch(() => initBackend())
  return children
}

export default App
