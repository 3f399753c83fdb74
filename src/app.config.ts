/**
 * Pages and tab bar. The villager pages (首页 / 我的事项 / 我的) live in the main package so the first
 * screen is fast; the local login page exists only in the H5 build (WeChat knows people by openid).
 */
import { zhCN } from './i18n/zh-CN'

const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/items/index',
    'pages/me/index',
    ...(isH5 ? ['pages/login/index'] : []),
    // the ticket loop's villager screens (main package: 办事, 反映问题, one of my tickets)
    'pages/service/index',
    'pages/report/index',
    'pages/ticket/index',
    // the verdict's villager screens: sign a visit (民情日记), rate my cadre (1135)
    'pages/sign/index',
    'pages/rate/index',
    // the monthly public posting (公示) and binding a WeChat account to a household member
    'pages/posting/index',
    'pages/bind/index',
  ],
  subPackages: [
    {
      root: 'subpackages/cadre',
      pages: [
        // tickets: inbox, one ticket, filing for a villager, the secretary's joint-meeting desk
        'pages/inbox/index',
        'pages/ticket/index',
        'pages/file-for/index',
        'pages/desk/index',
        // the verdict: visit log, sign-in, leave, 543 and allowance, my scores
        'pages/visit/index',
        'pages/signin/index',
        'pages/leave/index',
        'pages/attendance/index',
        'pages/scores/index',
        // the cadre's record (档案)
        'pages/record/index',
        // visitplan: 约个时间上门 (plan, move or cancel a visit to one household)
        'pages/plan/index',
      ],
    },
    // Township office and supervision group (desk work: township session tickets, 1135 summary,
    // sign-in check, roster, close, posting, exports, supervision).
    {
      root: 'subpackages/office',
      pages: [
        'pages/tickets/index',
        'pages/ratings/index',
        'pages/signins/index',
        'index/index',
        'dashboard/index',
        'roster/index',
        'supervision/index',
        'report/index',
        'cadres/index',
        // the township's villages, groups and sign-in places; a web console login confirmed on the phone
        'places/index',
        'login-confirm/index',
      ],
    },
    // The cadre's binding invitation (QR code at the door).
    { root: 'subpackages/binding', pages: ['invite/index', 'setup/index'] },
    // Issue 13: the office's comment moderation and the supervision group's call-backs (small; kept
    // out of the office subpackage, which is at its size budget).
    { root: 'subpackages/voice', pages: ['moderation/index', 'callbacks/index'] },
  ],
  // A cadre's first tap on 走访 / 签到 / 待办 should not wait for the cadre subpackage: WeChat fetches
  // it in the background once the home page is shown (< 400 KB; cached after the first time).
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['subpackages/cadre'] } },
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
  // No page of the app may be indexed by WeChat search (src/sitemap.json, copied to dist/).
  sitemapLocation: 'sitemap.json',
})
