/**
 * Word pools for the demo township: names of places and people, job titles and the texts of
 * tickets, visits and ratings, in the style of 红庆河镇 (伊金霍洛旗, Ordos, Inner Mongolia).
 * One rule: plain data only; the generator decides how to draw from it.
 */

/** The demo township and its 嘎查 (the brief's model: 红庆河镇). */
export const DEMO_TOWNSHIP_NAME = '红庆河镇'
export const DEMO_VILLAGE_NAMES = ['红庆河嘎查', '乌兰木伦嘎查', '巴音敖包嘎查', '查干淖尔嘎查', '阿腾席热嘎查', '哈达图嘎查']

/** Two halves of generated place names (乌兰 + 淖尔 = 乌兰淖尔). */
export const PLACE_HEADS = [
  '乌兰', '巴音', '查干', '哈达', '阿腾', '呼和', '伊和', '宝日', '额尔', '敖包', '纳林', '札萨',
  '苏布', '胜利', '新街', '红庆', '扎格', '塔拉', '包日', '沙日', '布尔', '乌审', '木肯', '合同',
]
export const PLACE_TAILS = [
  '河', '图', '淖尔', '席热', '木伦', '敖包', '陶亥', '高勒', '塔拉', '希里', '沟', '梁', '庙', '滩', '壕',
]

export const GROUP_NAMES = ['一社', '二社', '三社', '四社', '五社', '六社', '七社', '八社', '九社', '十社']

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高',
  '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '田', '董', '袁', '潘',
  '于', '蒋', '蔡', '杜', '苏', '魏', '吕', '丁', '任', '姚', '卢', '姜', '崔', '贾', '白', '孟', '秦', '薛',
  '闫', '段', '雷', '侯', '史', '郝', '武', '乔', '贺', '樊', '牛', '霍', '奇', '訾', '亢', '折',
]
export const GIVEN_MALE = [
  '建国', '志强', '海军', '永平', '俊峰', '振华', '文斌', '二虎', '三毛', '国庆', '卫东', '金柱', '宝山', '福林',
  '德胜', '明亮', '小军', '凯', '磊', '浩', '鹏', '伟', '勇', '刚', '强', '军', '东升', '有才', '满仓', '富贵',
]
export const GIVEN_FEMALE = [
  '秀英', '桂兰', '玉梅', '美丽', '晓燕', '丽娟', '春花', '翠萍', '海燕', '淑芬', '金凤', '雪梅', '红霞', '彩霞',
  '慧', '静', '敏', '娜', '芳', '婷', '艳', '丹', '莉', '霞', '欣怡', '雨婷', '佳琪', '思雨', '梓涵', '子萱',
]
/** Mongolian given names, written in Chinese characters as the township registers them. */
export const MONGOLIAN_MALE = [
  '巴特尔', '额尔敦', '宝音', '那仁', '苏和', '阿拉坦', '朝鲁', '格日勒', '孟和', '满都拉', '吉日嘎拉', '达来',
  '布和', '哈斯', '巴雅尔', '额尔德尼', '毕力格', '特木尔', '呼和', '道尔吉', '乌力吉', '敖其尔', '图门', '巴图',
]
export const MONGOLIAN_FEMALE = [
  '斯琴', '乌云', '其其格', '敖登', '图雅', '萨仁', '乌日娜', '塔娜', '高娃', '娜仁花', '其木格', '萨日娜',
  '阿拉坦其其格', '托娅', '琪琪格', '乌兰', '格日乐', '苏布德', '斯日古楞', '额尔敦其其格',
]

/** 包片领导 of the village work teams, in the order the leadership is usually listed. */
export const LEADER_TITLES = ['党委书记', '镇长', '党委副书记', '人大主席', '副镇长', '副镇长', '组织委员', '宣传委员', '武装部长', '政法委员']
export const OFFICE_TITLES = ['党政办主任', '统计员', '民政助理', '财政所会计', '党建办干事', '综治办主任', '经发办主任', '档案员']
/** Resident cadres keep their original post while they cover households (全科干部). */
export const RESIDENT_TITLES = [
  '农牧业服务中心干事', '林业站技术员', '社保专干', '司法所干事', '水利站技术员', '国土所干事', '文化站站长',
  '计生专干', '扶贫办干事', '畜牧兽医站技术员', '安监站干事', '团委书记',
]
export const SUPERVISION_TITLES = ['纪检干事', '督查专员']
export const PUBLIC_SUPERVISOR_TITLES = ['镇人大代表', '旗政协委员', '退休干部', '个体工商户']
export const COMMITTEE_TITLES = ['嘎查委员会主任', '嘎查委员会副主任', '妇联主任']

export const TICKET_TEXTS: Record<string, readonly string[]> = {
  certificate: ['申请开具低保证明', '孩子上学需要开具家庭经济困难证明', '需要开具无犯罪记录证明材料', '申请开具房屋产权证明'],
  subsidy: ['今年的草原生态奖补还没有到账', '农机购置补贴怎么申请', '耕地地力保护补贴金额有误，请核实', '申请危房改造补助'],
  loan: ['想申请助农贷款扩大养殖规模', '贷款到期想办理续贷', '申请创业担保贷款购买农机'],
  insurance: ['帮老人办理城乡居民养老保险认证', '医保缴费后卡上没有显示', '申请办理大病医疗救助', '新生儿参保登记'],
  hukou: ['新生儿落户需要哪些材料', '户口迁移手续咨询', '身份证丢失需要补办'],
  land: ['草场边界与邻居有争议，请帮忙确认', '土地确权证书信息有误', '申请办理草原承包经营权流转'],
  infrastructure: ['村道坑洼，雨天无法通行', '自来水停了三天，请尽快检修', '路灯坏了，晚上出行不安全', '饮水井水泵损坏', '村里网络信号差'],
  dispute: ['与邻居因围栏位置发生纠纷', '羊只越界啃食草场引发矛盾', '宅基地界线有争议'],
  other: ['想咨询移民搬迁政策', '希望村里组织一次技能培训', '反映垃圾清运不及时'],
}

export const PROGRESS_NOTES = ['已入户了解情况', '已联系相关站所，等待答复', '材料已提交镇里审核', '已现场查看，正在协调']
export const ESCALATE_SECRETARY_NOTES = ['涉及多户，需要村支书协调', '需要嘎查统一安排', '本人无法单独解决，提交村支书']
export const ESCALATE_MEETING_NOTES = ['提交村两委及驻村工作组联系会议研究', '问题较复杂，需要联系会议集体研究']
export const ESCALATE_TOWNSHIP_NOTES = ['涉及跨嘎查，提交镇联席会议', '资金缺口较大，需镇联席会议研究']
export const REOPEN_NOTES = ['问题没有彻底解决，又出现了', '说是办好了，实际还没办']
export const RESOLVE_NOTES = ['已办结', '已协调解决', '已上门送达', '已修复']

export const VISIT_PURPOSES = ['走访入户', '政策宣传', '代办低保年审', '了解种植养殖情况', '收集群众诉求', '惠农补贴核实', '医保缴费宣传', '矛盾纠纷调解']
export const VISIT_NOTES = [
  '家中老人身体状况良好，了解了今年羊只存栏情况',
  '宣传了草原生态补奖政策，户主表示清楚',
  '帮助填写养老保险认证材料',
  '户主反映饮水问题，已记录',
  '了解孩子上学情况，无困难',
  '核实了补贴发放情况，金额无误',
  '协助办理医保缴费',
  '讲解了助农贷款申请流程',
]
export const DISPUTE_REASONS = ['当天干部没有来我家', '记录的事情和实际不符', '只打了个电话，没有入户']
export const RATING_COMMENTS = ['干部很负责，随叫随到', '办事效率高', '希望多来村里看看', '态度好，有耐心', '问题解决得及时', '']
export const LEAVE_REASONS = ['家中老人住院', '参加旗里业务培训', '孩子高考陪考', '病假', '年休假']

/** Demo notices (村务公开): one to the township, one to a village. */
export const NOTICES = [
  { title: '惠农补贴发放通知', body: '本月 25 日起发放耕地地力保护补贴，请携带一卡通到嘎查便民服务站核对，行动不便的农户由包户干部上门办理。' },
  { title: '嘎查务公开：道路硬化工程', body: '村道硬化工程资金 86 万元已到位，施工期间请注意安全，有意见可向驻村工作组反映。' },
] as const

/** Joint meetings (村两委及驻村工作组联系会议) behind seeded escalated tickets: topics and decisions. */
export const MEETING_TOPICS = ['群众反映问题集体研究', '疑难事项联系会议', '民生实事推进会']
export const MEETING_DECISIONS = {
  township: '本村难以解决，提请镇联席会议研究。',
  resolve: '由村党支部书记牵头，工作组配合办理。',
  other: '会议研究后指定专人跟进办理。',
}
