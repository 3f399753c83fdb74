/**
 * Pages and tab bar. The villager pages (首页 / 我的事项 / 我的) live in the main package so the first
 * screen is fast; the local login page exists only in the H5 build (WeChat knows people by openid).
 */
import { zhCN } from './i18n/zh-CN'

const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/items/index', 'pages/me/index', ...(isH5 ? ['pages/login/index'] : []), 'pages/sign/index', 'pages/rate/index'],
  subPackages: [
    { root: 'subpackages/cadre', pages: ['pages/visit/index', 'pages/signin/index', 'pages/leave/index', 'pages/attendance/index', 'pages/scores/index'] },
    { root: 'subpackages/office', pages: ['pages/ratings/index', 'pages/signins/index'] },
  ],
  // 签到 and 走访 record where the cadre is: WeChat asks the person once, with this purpose.
  permission: { 'scope.userLocation': { desc: '签到和入户走访时记录您所在的位置' } },
  requiredPrivateInfos: ['getLocation'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f2f2',
    navigationBarBackgroundColor: '#8c1d18',
    navigationBarTitleText: zhCN.appName,
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#8c1d18',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: zhCN.tabs.home },
      { pagePath: 'pages/items/index', text: zhCN.tabs.items },
      { pagePath: 'pages/me/index', text: zhCN.tabs.me },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
