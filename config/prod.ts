// Production overrides: the weapp main package must stay far below WeChat's 2 MB cap.
import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
