// Type of `./files` for tsc: Taro resolves it to files.h5.ts or files.weapp.ts.
import type { Files } from './files-types'

declare const files: Files
export default files
