import { zhCN } from '../../../../i18n/zh-CN'

// The share card (发给这户的家人签字) needs the page to allow sharing in WeChat.
export default definePageConfig({ navigationBarTitleText: zhCN.verdict.visit.newTitle, enableShareAppMessage: true })
