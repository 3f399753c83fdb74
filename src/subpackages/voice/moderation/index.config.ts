import { zhCN } from '../../../i18n/zh-CN'

// images: the page holds the comment queue and the photo queue.
export default definePageConfig({ navigationBarTitleText: zhCN.images.queue.pageTitle })
