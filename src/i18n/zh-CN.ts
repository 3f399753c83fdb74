/**
 * The message catalogue: every user-facing string, in Simplified Chinese. A Mongolian catalogue and
 * an elder mode will follow, so screens and the server take text from here, never inline.
 * One rule: one sentence per error, saying what happened and what to do next.
 */
import type { ErrorCode } from '../contracts/errors'
import type { Role, TicketKind, TicketStatus } from '../core/model'

const errors: Record<ErrorCode, string> = {
  'REQUEST.MALFORMED_JSON': '请求格式有误，请刷新后重试。',
  'REQUEST.TOO_LARGE': '提交的内容太大，请删减后再试。',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': '请求格式不受支持，请更新小程序后重试。',
  'REQUEST.ID_REQUIRED': '提交缺少请求编号，请更新小程序后重试。',
  'ACTION.UNKNOWN': '没有这项功能，请更新小程序后重试。',
  'VALIDATION.FAILED': '填写的内容有误，请按提示修改后再提交。',
  'AUTH.REQUIRED': '请先登录。',
  'AUTH.INVALID_TOKEN': '登录已过期，请重新登录。',
  'AUTH.NOT_BOUND': '您的微信还没有绑定到户，请包户干部上门扫码绑定。',
  'AUTH.FORBIDDEN': '您没有权限办理这件事。',
  NOT_FOUND: '没有找到这条记录，可能已被删除。',
  'IDEMPOTENCY.KEY_REUSED': '这次提交与之前的提交编号重复，请刷新后重新填写。',
  'CONFLICT.STALE_VERSION': '这件事刚被别人处理过，请刷新后再操作。',
  'ROSTER.NOT_RESIDENT_CADRE': '只能把农户分配给包户干部。',
  'ROSTER.HOUSEHOLD_UNASSIGNED': '您家还没有分配包户干部，请联系镇政府。',
  'TICKET.INVALID_TRANSITION': '这件事当前的状态不能这样处理，请刷新后查看。',
  'TICKET.FORBIDDEN_ACTOR': '这一步不该由您来办理。',
  'TICKET.REASON_REQUIRED': '请填写原因后再提交。',
  'TICKET.UNKNOWN_CATEGORY': '没有这个事项类别，请重新选择。',
  'TICKET.SATISFACTION_OUT_OF_RANGE': '评分只能是 1 到 5 星。',
  'SERVER.INTERNAL': '系统出了点问题，您的内容没有丢失，请稍后重试。',
  'SERVER.UNAVAILABLE': '网络不好，连不上服务器，请稍后重试。',
}

const roles: Record<Role, string> = {
  villager: '村民',
  cadre: '镇干部',
  leader: '镇领导',
  secretary: '村党支部书记',
  committee: '村两委委员',
  representative: '村民代表',
  supervisor: '督导组',
  publicSupervisor: '作风建设监督员',
}

export const zhCN = {
  appName: '民情通',
  errors,
  roles,
  validation: {
    required: '这一项必须填写',
    tooLong: (max: number) => `不能超过 ${max} 个字`,
    tooShort: (min: number) => `至少 ${min} 个字`,
    invalid: '格式不正确',
    unknownField: '多余的字段',
    outOfRange: '超出允许的范围',
  },
  duty: { office: '机关合署办公', resident: '包户干部' },
  common: {
    loading: '加载中…',
    retry: '重试',
    empty: '暂无内容',
    offline: '网络已断开，恢复后会自动重新提交',
    never: '还没有',
  },
  login: {
    title: '选择登录身份',
    hint: '本地演示：选择一位示范乡镇里的人员登录',
    empty: '没有可以登录的人员，请先启动示范数据。',
    signingIn: '正在登录…',
    groupOf: (role: string) => role,
    logout: '退出登录',
  },
  coverage: {
    groupWithoutCadre: (group: string, cadres: number) => `${group}没有包户干部（现有 ${cadres} 名），请尽快分配。`,
    cadreLoad: (name: string, n: number, min: number, max: number) => `${name}包联 ${n} 户，不在 ${min}-${max} 户的要求范围内。`,
    householdUnassigned: (household: string) => `${household}还没有分配包户干部。`,
    householdUnknownCadre: (household: string) => `${household}分配给了不是包户干部的人员，请重新分配。`,
  },
  tickets: {
    anonymousReporter: '群众',
    /** Plain words for each status: where the matter is, never a code. */
    status: {
      submitted: '已提交，等待包户干部接单',
      accepted: '包户干部正在办理',
      escalated_secretary: '已转村党支部书记办理',
      joint_meeting: '已提交村两委及驻村工作组联系会议研究',
      township_session: '已提交镇联席会议研究',
      resolved: '已办结，等您确认',
      closed: '已完成',
      withdrawn: '已撤回',
    } satisfies Record<TicketStatus, string>,
    kind: { service: '办事', problem: '反映问题' } satisfies Record<TicketKind, string>,
    handledBy: (name: string) => `现在由${name}办理`,
    dueBy: (date: string) => `承诺 ${date} 前办结`,
    createdOn: (date: string) => `${date} 提交`,
    myTitle: '我的事项',
    myEmpty: '您还没有办事或反映问题的记录。',
    villageTitle: '本村的事项',
    villageEmpty: '本村目前没有未办结的事项。',
    openCount: (n: number) => `未办结的事项：${n} 件`,
  },
  tabs: { home: '首页', items: '我的事项', me: '我的' },
  comingSoon: '这项功能即将开放，请先给包户干部打电话。',
  home: {
    greeting: (name: string) => `${name}，您好`,
    today: (date: string) => `今天是 ${date}`,
    notBoundTitle: '还不能使用',
    otherRole: '您的首页内容正在准备中，请先查看“我的事项”。',
    households: {
      empty: '您目前没有包联的农户。',
      number: (n: string) => `${n}号`,
      group: (village: string, group: string) => `${village}${group}`,
      members: (n: number) => `${n} 口人`,
      phone: (p: string) => `电话 ${p}`,
      lastVisit: (date: string) => `上次入户：${date}`,
      neverVisited: '还没有签字确认的入户',
    },
    openTickets: '我手上未办结的事项',
    villagerUnassigned: '您家还没有分配包户干部，请联系镇政府。',
    cadreHouseholds: (n: number) => `我包联的农户（${n} 户）`,
    officeCoverage: '包户覆盖检查',
    coverageOk: '每个村民小组都有包户干部，干部包户数都在规定范围内。',
    coverageTotals: { groups: '村民小组', households: '农户', cadres: '包户干部' },
    coverageErrors: (n: number) => `需要马上处理：${n} 项`,
    coverageWarnings: (n: number) => `需要注意：${n} 项`,
    severity: { error: '问题', warning: '提醒' },
  },
  me: {
    title: '我的',
    name: '姓名',
    jobTitle: '职务',
    roles: '身份',
    duty: '工作岗位',
    township: '乡镇',
    village: '村',
    household: '户',
    householdOf: (number: string, group: string) => `${group} ${number}号`,
    none: '无',
    loggedOut: '已退出登录',
  },
  cadreCard: {
    title: '我的包户干部',
    call: '打电话',
    team: '驻村工作组',
    leader: '组长',
    secretary: '副组长（村支书）',
    members: '组员',
    lastVisit: '上次入户（群众签字确认）',
    callWho: (name: string) => `给${name}打电话`,
    callFailed: '没能拨出电话，请记下号码后手动拨打。',
    noPhone: '没有登记电话',
    photoOf: (name: string) => `${name}的照片`,
    neverVisited: '还没有经您家签字确认的入户记录',
    actions: { service: '办事', report: '反映问题', rate: '评价' },
  },
}

export type Messages = typeof zhCN

/** The Chinese message for an error code, falling back to the generic one for unknown codes. */
export const errorMessage = (code: string): string =>
  (errors as Record<string, string>)[code] ?? errors['SERVER.INTERNAL']
