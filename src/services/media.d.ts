// Type of `./media` for tsc: Taro resolves it to media.h5.ts or media.weapp.ts.
import type { Media } from './media-types'

declare const media: Media
export default media
