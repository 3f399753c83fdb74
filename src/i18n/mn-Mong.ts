/**
 * The villagers' catalogue in traditional Mongolian script, Mongolian first and the Chinese beside it
 * at equal size (Inner Mongolia's rule for government services). Typed `Messages`: every key of
 * zh-CN exists here by construction. Staff screens (office, cadre tools, supervision) fall back to
 * Chinese through the spread below; only villager screens are translated.
 * AWAITING A NATIVE SPEAKER'S REVIEW: see docs/mongolian.md (Latin readings are kept in the source).
 */
import type { Messages } from './zh-CN'
import { zhCN } from './zh-CN'
import { genitiveAfter, mn, mong, splitBilingual } from './mongolian-script'
import { dateHalves as dh, mnDates } from './dates' // mongolian wave 7 (mn3): dates in Mongolian form

/** Mongolian first, then the Chinese, in one line at one size. */
const bi = (latin: string, zh: string): string => `${mong(latin)} ${zh}`
const zh = zhCN

const common: Messages['common'] = {
  loading: bi('ačaγalaǰu bayin-a', zh.common.loading),
  retry: bi('dakin oroldaqu', zh.common.retry),
  empty: bi('aγulγ-a ügei', zh.common.empty),
  offline: bi('süljiy-e tasuraba, qolbuγdaγsan-u daraγ-a öbesüben dakin ilegemüi', zh.common.offline),
  never: bi('odo boltal-a ügei', zh.common.never),
}

const outbox: Messages['outbox'] = {
  offline: bi('süljiy-e tasuraba', zh.outbox.offline),
  waiting: (n) => `${mn`${n} kereg utasun-dur qadaγalaγdaba, süljiy-e-dü qolbuγdaγsan-u daraγ-a öbesüben ilegemüi:`} ${zh.outbox.waiting(n)}`,
  queued: bi('süljiy-e muu, utasun-dur qadaγalaba, qolbuγdaγsan-u daraγ-a öbesüben ilegemüi.', zh.outbox.queued),
  sendNow: bi('odo dakin ilegekü', zh.outbox.sendNow),
}

const validation: Messages['validation'] = {
  required: bi('ene jüil-i bičikü kereg-tei', zh.validation.required),
  tooLong: (max) => `${mn`${max} üsüg-eče qolo bolqu ügei`} ${zh.validation.tooLong(max)}`,
  tooShort: (min) => `${mn`dor-a qaǰiγu ${min} üsüg`} ${zh.validation.tooShort(min)}`,
  invalid: bi('qelberi buruγu', zh.validation.invalid),
  unknownField: bi('ilegüü jüil', zh.validation.unknownField),
  outOfRange: bi('jöbsiyeregdegsen kemjiy-e-eče qalibai', zh.validation.outOfRange),
}

const status: Messages['tickets']['status'] = {
  submitted: bi('ilegebe, ayil qariγucaγsan alban ajiltan-u kürteǰü abqu-yi küliyen bayin-a', zh.tickets.status.submitted),
  accepted: bi('ayil qariγucaγsan alban ajiltan šiidbürileǰü bayin-a', zh.tickets.status.accepted),
  escalated_secretary: bi('γačaγ-a-yin nam-un salbur-un šuǰi-dur šilǰigülbe', zh.tickets.status.escalated_secretary),
  joint_meeting: bi('γačaγ-a-yin qoyar qoroo ba ajil-un bülüg-ün qolboγ-a qural-dur oruγulba', zh.tickets.status.joint_meeting),
  township_session: bi('sumu-yin qamtu qural-dur oruγulba', zh.tickets.status.township_session),
  resolved: bi('šiidbürileǰü duusba, irgen-ü batalγ-a-yi küliyen bayin-a', zh.tickets.status.resolved),
  closed: bi('duusba', zh.tickets.status.closed),
  withdrawn: bi('bučaγan abuba', zh.tickets.status.withdrawn),
}

// mongolian wave 3 (issue 13 item 5): the reasons a service request's answer is refused
const answerIssue: Messages['tickets']['answerIssue'] = {
  required: bi('ene ǰüil-i bičikü kereg-tei', zh.tickets.answerIssue.required),
  unknown_question: bi('ene töröl-dü ene ǰüil ügei', zh.tickets.answerIssue.unknown_question),
  wrong_type: bi('qelberi buruγu', zh.tickets.answerIssue.wrong_type),
  too_long: bi('üsüg dendüü olan bayin-a', zh.tickets.answerIssue.too_long),
  out_of_range: bi('ǰöbsiyeregdegsen kemǰiy-e-eče qalibai', zh.tickets.answerIssue.out_of_range),
  unknown_option: bi('öggügsen songγolta-ača songγon-a uu', zh.tickets.answerIssue.unknown_option),
  bad_date: bi('edür-ün qelberi buruγu', zh.tickets.answerIssue.bad_date),
}

const tickets: Messages['tickets'] = {
  ...zh.tickets,
  answerIssue, // mongolian wave 3
  anonymousReporter: bi('irgen', zh.tickets.anonymousReporter),
  status,
  kind: { service: bi('ajil kereg', zh.tickets.kind.service), problem: bi('asaγudal medegülekü', zh.tickets.kind.problem) },
  handledBy: (name) => `${mn`odo ${name} šiidbürileǰü bayin-a`} ${zh.tickets.handledBy(name)}`,
  dueBy: (date) => `${mn`${dh(date).mongolian}-eče emüne šiidbürileǰü duusqan-a`} ${zh.tickets.dueBy(dh(date).chinese)}`,
  overdue: (date) => `${mn`šiidbürilekü bolǰoγ-a (${dh(date).mongolian}) önggeregsen`} ${zh.tickets.overdue(dh(date).chinese)}`,
  createdOn: (date) => `${mn`${dh(date).mongolian} ilegegsen`} ${zh.tickets.createdOn(dh(date).chinese)}`,
  myTitle: bi('minu ajil kereg', zh.tickets.myTitle),
  myEmpty: bi('ta odo boltal-a ajil kereg ba asaγudal medegülegsen temdeglel ügei.', zh.tickets.myEmpty),
  villageTitle: bi('ene γačaγ-a-yin kereg', zh.tickets.villageTitle),
  villageEmpty: bi('ene γačaγ-a-dur odo šiidbürilegdegüi kereg ügei.', zh.tickets.villageEmpty),
  openCount: (n) => `${mn`šiidbürilegdegüi kereg: ${n}`} ${zh.tickets.openCount(n)}`,
}

const z = zh.ticketLoop
const ticketLoop: Messages['ticketLoop'] = {
  ...z,
  category: {
    certificate: bi('gerečilel γarγaqu', z.category.certificate),
    subsidy: bi('malčin tariyačin-u tedkülge', z.category.subsidy),
    loan: bi('tariyačin-u ǰeegel', z.category.loan),
    insurance: bi('neyigem-ün ba emnelge-yin dagdaγal', z.category.insurance),
    hukou: bi('ger bül-ün büridkel', z.category.hukou),
    land: bi('γaǰar ba belčiger', z.category.land),
    infrastructure: bi('ǰam usu čaqilγan', z.category.infrastructure),
    dispute: bi('marγaγan temečel', z.category.dispute),
    other: bi('busu', z.category.other),
  },
  questions: {
    certType: bi('yamar gerečilel', z.questions.certType),
    purpose: bi('kereglekü ǰorilγ-a', z.questions.purpose),
    neededBy: bi('ali edür kereglekü', z.questions.neededBy),
    subsidyType: bi('ali tedkülge', z.questions.subsidyType),
    areaMu: bi('talbai', z.questions.areaMu),
    amountYuan: bi('ǰeegel-ün kemjiy-e', z.questions.amountYuan),
    use: bi('kereglekü ǰorilγ-a', z.questions.use),
    insuranceType: bi('ali jüil', z.questions.insuranceType),
    matter: bi('yaγu kikü', z.questions.matter),
  },
  options: {
    residence: bi('aǰuγu suuγ-a-yin gerečilel', z.options.residence),
    income: bi('orulγ-a-yin gerečilel', z.options.income),
    kinship: bi('töröl sadun-u gerečilel', z.options.kinship),
    other: bi('busu', z.options.other),
    grassland: bi('belčiger-ün tedkülge', z.options.grassland),
    farmland: bi('tariyalang-un tedkülge', z.options.farmland),
    livestock: bi('mal aǰu aqui', z.options.livestock),
    machinery: bi('tariyalang-un masin', z.options.machinery),
    planting: bi('tariyalang', z.options.planting),
    business: bi('aǰu aqui', z.options.business),
    pension: bi('tetgeber-ün dagdaγal', z.options.pension),
    medical: bi('emnelge-yin dagdaγal', z.options.medical),
    birth: bi('nilq-a keüked-i büridkekü', z.options.birth),
    move: bi('šilǰin irekü ba šilǰin yabuqu', z.options.move),
    correction: bi('medeel-i jasaqu', z.options.correction),
  },
  action: {
    ...z.action,
    create: bi('ilegebe', z.action.create),
    accept: bi('kürteǰü abuba', z.action.accept),
    progress: bi('yabuča', z.action.progress),
    resolve: bi('šiidbürileǰü duusba', z.action.resolve),
    confirm: bi('šiidbürilegsen-i batalaba', z.action.confirm),
    reopen: bi('šiidbürilegdegüi, dakin šiidbürilekü', z.action.reopen),
    withdraw: bi('bučaγan abuba', z.action.withdraw),
  },
  serviceTitle: bi('ajil kereg', z.serviceTitle),
  reportTitle: bi('asaγudal medegülekü', z.reportTitle),
  chooseCategory: bi('töröl-i songγoqu', z.chooseCategory),
  describe: bi('bayidal-i ögülekü', z.describe),
  describeServicePlaceholder: bi('yaγu kikü-ben kedün üge-ber bičin-e üü', z.describeServicePlaceholder),
  describeProblemPlaceholder: bi('yamar asaγudal tulγaraγsan-i bičin-e üü (daγu bičigdekü, jiruγ abqu bolomǰi-tai)', z.describeProblemPlaceholder),
  expected: (date) => `${mn`${dh(date).mongolian}-eče emüne šiidbürilegdekü`} ${z.expected(dh(date).chinese)}`,
  photos: (n, max) => `${mn`jiruγ (${n}/${max})`} ${z.photos(n, max)}`,
  addPhoto: bi('jiruγ abqu', z.addPhoto),
  removePhoto: bi('ustaγaqu', z.removePhoto),
  compressing: bi('jiruγ-i ǰiǰigerkeǰü bayin-a', z.compressing),
  voice: bi('daγu bičikü', z.voice),
  voiceStop: bi('daγu bičikü-ben jogsaγaqu', z.voiceStop),
  voiceRecorded: (s) => `${mn`${s} sekünd daγu bičibe`} ${z.voiceRecorded(s)}`,
  voiceRemove: bi('daγu-yi ustaγaqu', z.voiceRemove),
  location: bi('bayirsil-i qabsurγaqu', z.location),
  locationAdded: bi('bayirsil-i qabsurγaba', z.locationAdded),
  locationFailed: bi('bayirsil-i olǰu čidaγsan ügei, bayirsil ügei-ber ilegeǰü bolon-a.', z.locationFailed),
  anonymous: bi('nere ügei medegülekü (šiidbürilekü alban ajiltan l tan-u nere-yi üǰen-e)', z.anonymous),
  submit: bi('ilegekü', z.submit),
  submitting: bi('ilegeǰü bayin-a', z.submitting),
  submitted: bi('ilegebe', z.submitted),
  similarHint: (n) => `${mn`ene γačaγ-a-dur ijil töröl-ün ${n} asaγudal šiidbürilegdeǰü bayin-a. tegün-i daγaǰu bolon-a, dabqučaγulǰu medegülekü kereg ügei.`} ${z.similarHint(n)}`,
  follow: bi('bayiγ-a kereg-i daγaqu', z.follow),
  following: bi('daγaba, yabuča bolqu-du tan-dur medegdenem', z.following),
  submitAnyway: bi('minu-yi ilegekü', z.submitAnyway),
  answerRequired: bi('* temdeg-tei jüil-i bičin-e üü.', z.answerRequired),
  uploadFailed: bi('jiruγ buyu daγu ilegegdegsen ügei, dakin oroldun-a uu.', z.uploadFailed),
  timeline: bi('šiidbürilegsen yabuča', z.timeline),
  answers: bi('bičigsen aγulγ-a', z.answers),
  result: bi('ür-e dün', z.result),
  nowWith: (name) => `${mn`odo ${name} šiidbürileǰü bayin-a`} ${z.nowWith(name)}`,
  confirmTitle: bi('šiidbürilegsen üü?', z.confirmTitle),
  confirm: bi('šiidbürilegsen', z.confirm),
  reopen: bi('šiidbürilegdegüi', z.reopen),
  reopenReason: bi('šiidbürilegdegüi siltaγan (bičikü kereg-tei)', z.reopenReason),
  rate: bi('ene šiidbürilel-i ünelekü', z.rate),
  stars: (n) => `${mn`${n} odu`} ${z.stars(n)}`,
  rated: (n) => `${mn`tan-u ünelelte: ${n} odu`} ${z.rated(n)}`,
  withdraw: bi('bučaγan abqu', z.withdraw),
  openDetail: bi('üjekü', z.openDetail),
  noticesTitle: bi('medege', z.noticesTitle),
  noticesEmpty: bi('medege ügei.', z.noticesEmpty),
  unread: (n) => `${mn`${n} ungšiγdaγ-a ügei`} ${z.unread(n)}`,
  readAll: bi('bügüde-yi ungšiba', z.readAll),
}

const home: Messages['home'] = {
  ...zh.home,
  greeting: (name) => `${mn`${name}, sayin bayin-a uu`} ${zh.home.greeting(name)}`,
  today: (date) => `${mn`önödür ${dh(date).mongolian}`} ${zh.home.today(dh(date).chinese)}`,
  notBoundTitle: bi('odo kereglekü bolomǰi ügei', zh.home.notBoundTitle),
  villagerUnassigned: bi('tan-u ger-tü ayil qariγucaγsan alban ajiltan odo boltal-a tomilaγdaγ-a ügei, sumu-yin ǰasaγ-tu qandun-a uu.', zh.home.villagerUnassigned),
}

const me: Messages['me'] = {
  title: bi('minu', zh.me.title),
  name: bi('nere', zh.me.name),
  jobTitle: bi('alban tušiyal', zh.me.jobTitle),
  roles: bi('bey-e-yin bayidal', zh.me.roles),
  duty: bi('ajil-un orun', zh.me.duty),
  township: bi('sumu', zh.me.township),
  village: bi('γačaγ-a', zh.me.village),
  household: bi('ayil', zh.me.household),
  householdOf: (number, group) => `${group} ${mn`${number} ayil`} ${zh.me.householdOf(number, group)}`,
  none: bi('ügei', zh.me.none),
  loggedOut: bi('γarču γarba', zh.me.loggedOut),
}

const cc = zh.cadreCard
const cadreCard: Messages['cadreCard'] = {
  title: bi('minu ayil qariγucaγsan alban ajiltan', cc.title),
  call: bi('utasu ǰalγaqu', cc.call),
  team: bi('γačaγ-a-du saγuγ-a ajil-un bülüg', cc.team),
  leader: bi('bülüg-ün daruγ-a', cc.leader),
  secretary: bi('ded daruγ-a (γačaγ-a-yin šuǰi)', cc.secretary),
  members: bi('gešigüd', cc.members),
  lastVisit: bi('següliyin ayilčilal (irgen γarun üsüg-iyer batalaγsan)', cc.lastVisit),
  callWho: (name) => `${mn`${name}-dur utasu ǰalγaqu`} ${cc.callWho(name)}`,
  callFailed: bi('utasu ǰalγaγdaγsan ügei, dugaar-i temdeglen γar-iyar ǰalγan-a uu.', cc.callFailed),
  noPhone: bi('utasun-u dugaar büridkegdegüi', cc.noPhone),
  photoOf: (name) => `${mn`${name}-un jiruγ`} ${cc.photoOf(name)}`,
  neverVisited: bi('tan-u ger-ün batalaγsan ayilčilal odo boltal-a ügei', cc.neverVisited),
  actions: { service: bi('ajil kereg', cc.actions.service), report: bi('asaγudal medegülekü', cc.actions.report), rate: bi('ünelekü', cc.actions.rate) },
}

const v = zh.verdict
const verdict: Messages['verdict'] = {
  ...v,
  waiting: {
    title: bi('minu kikü kereg', v.waiting.title),
    visitToSign: (cadre, date) => `${mn`${cadre} ${dh(date).mongolian}-tür manu ger-tü ayilčilaba, γarun üsüg-iyer batalan-a uu`} ${v.waiting.visitToSign(cadre, dh(date).chinese)}`,
    signNow: bi('γarun üsüg jurqu', v.waiting.signNow),
    ticketToConfirm: (category, handler) =>
      `${mn`tan-u medegülegsen "${category}"-i ${handler} šiidbürileǰü duusba, šiidbürilegsen esekü-yi batalan-a uu`} ${v.waiting.ticketToConfirm(category, handler)}`,
    confirmNow: bi('batalaqu', v.waiting.confirmNow),
  },
  sign: {
    title: bi('ayilčilal-i γarun üsüg-iyer batalaqu', v.sign.title),
    who: (cadre, title) => `${cadre} (${title})`,
    visitedAt: bi('ayilčilaγsan čaγ', v.sign.visitedAt),
    purpose: bi('siltaγan', v.sign.purpose),
    notes: bi('bayidal', v.sign.notes),
    problems: bi('asaγudal', v.sign.problems),
    forWhom: bi('ken-ü tölöge γarun üsüg jurqu', v.sign.forWhom),
    myself: bi('bi öbesüben', v.sign.myself),
    forMember: (name) => `${mn`${name}-un orun-a γarun üsüg jurqu (utasu ügei kümün)`} ${v.sign.forMember(name)}`,
    padHint: bi('doorakin qayirčaγ-tu quruγu-bar nere-ben bičin-e üü', v.sign.padHint),
    clear: bi('dakin bičikü', v.sign.clear),
    confirm: bi('γarun üsüg-iyer batalaqu', v.sign.confirm),
    emptySignature: bi('urida qayirčaγ-tu nere-ben bičin-e üü.', v.sign.emptySignature),
    dispute: bi('buruγu, nadur sanal bayin-a', v.sign.dispute),
    disputeReason: bi('ali buruγu-yi bičin-e üü', v.sign.disputeReason),
    disputeSubmit: bi('sanal-i ilegekü', v.sign.disputeSubmit),
    done: bi('bayarlalaa, γarun üsüg-iyer batalaba.', v.sign.done),
    disputed: bi('sanal ilegebe, sumu šalγan batalan-a.', v.sign.disputed),
    missing: bi('ene ayilčilal olaγdaγsan ügei, alban ajiltan-ača QR kod-i dakin üǰügülkü-yi γuyun-a uu.', v.sign.missing),
  },
  rating: {
    ...v.rating,
    title: bi('alban ajiltan-i ünelekü', v.rating.title),
    period: (p) => `${mn`${/^\d{4}-\d{2}$/.test(p) ? mnDates.month(Number(p.slice(0, 4)), Number(p.slice(5, 7))) : p}-yin ajil-i ünelekü`} ${v.rating.period(p)}`,
    bands: {
      leaders: bi('sumu-yin uduridqu bülüg', v.rating.bands.leaders),
      peers: bi('qamtu ajilaγči', v.rating.bands.peers),
      committees: bi('γačaγ-a-yin qoyar qoroo ba irgen-ü tölöülegči', v.rating.bands.committees),
      villagers: bi('irgen', v.rating.bands.villagers),
    },
    dimensions: {
      attitude: bi('ajil-un qandulγ-a', v.rating.dimensions.attitude),
      effectiveness: bi('ajil-un ür-e ašiγ', v.rating.dimensions.effectiveness),
      presence: bi('ayil-du ayilčilaqu', v.rating.dimensions.presence),
    },
    comment: bi('kelekü üge (bičikü ügei ču bolon-a)', v.rating.comment),
    submit: bi('ünelelte-yi ilegekü', v.rating.submit),
    change: bi('ünelelte-yi ögerečilekü', v.rating.change),
    saved: bi('ünelelte qadaγalaγdaba, ene sar-a duusqu-ača emüne ögerečilen bolon-a.', v.rating.saved),
    closed: bi('ene sar-a-yin ünelelte duusba, ögerečilen bolqu ügei.', v.rating.closed),
    anonymous: bi('tan-u ünelelte nere ügei, ünelegdegsen alban ajiltan ken ünelegsen-i üǰekü ügei.', v.rating.anonymous),
    empty: bi('ene sar-a-du tan-u ünelekü alban ajiltan ügei.', v.rating.empty),
    stars: (n) => `${mn`${n} odu`} ${v.rating.stars(n)}`,
  },
}

const elder: Messages['elder'] = {
  title: bi('aqamad-un keb', zh.elder.title),
  hint: bi('üsüg tomu, tobčilaγur tomu, aqamad-du kereglekü-dü tokiromǰi-tai', zh.elder.hint),
  on: bi('aqamad-un keb-i neegebe', zh.elder.on),
  off: bi('aqamad-un keb-i qaγaba', zh.elder.off),
  switchOn: bi('aqamad-un keb-i neegekü', zh.elder.switchOn),
  switchOff: bi('aqamad-un keb-i qaγaqu', zh.elder.switchOff),
}

const locale: Messages['locale'] = {
  title: bi('kele', zh.locale.title),
  names: { 'zh-CN': zh.locale.names['zh-CN'], 'mn-Mong': zh.locale.names['mn-Mong'] },
  hint: bi('mongγol kele ba kitad kele-yi qamtu üǰügülün-e', zh.locale.hint),
  switchTo: (name) => `${mn`${name}-dur šilǰikü`} ${zh.locale.switchTo(name)}`,
  review: bi('mongγol orčiγulγ-a-yi mongγol kele-tü kümün šalγaǰu baγ-a', zh.locale.review),
}

const b = zh.binding
/** The bind page (a villager's first screen). The SMS stays Chinese: it is sent before a locale is known. */
const binding: Messages['binding'] = {
  ...b,
  title: bi('bey-e-ben batalaqu', b.title),
  intro: bi('γačaγ-a, sumu-du büridkegsen utasun-u dugaar-iyar batalabal ayil qariγucaγsan alban ajiltan, ajil kereg ba ünelelte-ben üǰen-e.', b.intro),
  wechatButton: bi('wečat-un utasun-u dugaar-iyar batalaqu', b.wechatButton),
  wechatHint: bi('wečat ene utasun-u dugaar-i kereglekü-yi batalaγulun-a; ǰöbkön büridkel-tei tulγaγulqu-du kereglen-e.', b.wechatHint),
  phoneLabel: bi('utasun-u dugaar', b.phoneLabel),
  phonePlaceholder: bi('büridkegsen utasun-u dugaar-iyan oruγulun-a uu', b.phonePlaceholder),
  codeLabel: bi('batalaqu kod', b.codeLabel),
  codePlaceholder: bi('6 orun-u toγ-a', b.codePlaceholder),
  sendCode: bi('batalaqu kod abqu', b.sendCode),
  codeSent: bi('batalaqu kod ilegebe, ǰakidal-iyan üǰeǰü türgen bičin-e üü.', b.codeSent),
  bindButton: bi('batalaqu', b.bindButton),
  binding: bi('batalaǰu bayin-a', b.binding),
  bound: (name) => `${mn`amǰiltai batalaba, ${name}, tan-i urin-a`} ${b.bound(name)}`,
  goHome: bi('ekin niγur-tu oraqu', b.goHome),
  inviteFallback: bi('utasun-u dugaar buruγu buyu büridkegdegüi bol γačaγ-a-yin šuǰi buyu sumu-yin alban γaǰar-tu očiǰu urilγ-a-yin kod-i üǰügülün-e üü.', b.inviteFallback),
}

const cadreCardMore: Messages['cadreCardMore'] = {
  villageDays: bi('γačaγ-a-du baγaγ irekü üü', zh.cadreCardMore.villageDays),
  villageDaysLine: (month, week, required) =>
    `${mn`ene sar-a-du γačaγ-a-du ${month} edür, ene long-du ${week} edür irebe (long bolγan-du ${required} edür-eče baγ-a ügei), bügüde irgen-ü γarun üsüg-tei`} ${zh.cadreCardMore.villageDaysLine(month, week, required)}`,
  callSecretary: (phone) => `${mn`γačaγ-a-yin šuǰi-dur utasu ǰalγaqu ${phone}`} ${zh.cadreCardMore.callSecretary(phone)}`,
}

const confirm: Messages['confirm'] = {
  what: bi('yaγu bolqu', zh.confirm.what),
  who: bi('ken üǰekü', zh.confirm.who),
  cancel: bi('boličaqu, odo kikü ügei', zh.confirm.cancel),
}

const asks: Messages['asks'] = {
  ...zh.asks,
  withdraw: {
    title: bi('ene kereg-i bučaγan abqu-yi batalaqu uu?', zh.asks.withdraw.title),
    what: bi('bučaγan abuγsan-u daraγ-a alban ajiltan ene kereg-i šiidbürilekü ügei, bučaγan abqu-yi čučalaqu bolomǰi ügei; dakin kereg bolbal dakin ilegen-e üü.', zh.asks.withdraw.what),
    who: bi('tan-u ayil qariγucaγsan alban ajiltan ba γačaγ-a tan-u bučaγan abuγsan-i üǰen-e.', zh.asks.withdraw.who),
    ok: bi('bučaγan abqu-yi batalaqu', zh.asks.withdraw.ok),
  },
}

/** The errors a villager meets (sign-in, binding, sign-off, rating, filing); the others stay Chinese. */
const e = zh.errors
const errors: Messages['errors'] = {
  ...e,
  'AUTH.REQUIRED': bi('urida nebteren-e üü.', e['AUTH.REQUIRED']),
  'AUTH.INVALID_TOKEN': bi('nebterelte-yin qugučaγ-a duusba, dakin nebteren-e üü.', e['AUTH.INVALID_TOKEN']),
  'AUTH.NOT_BOUND': bi('tan-u wečat bey-e-ben batalaγ-a ügei, "bey-e-ben batalaqu"-yi daruǰu utasun-u dugaar-iyar batalan-a uu.', e['AUTH.NOT_BOUND']),
  'AUTH.FORBIDDEN': bi('tan-dur ene kereg-i kikü erke ügei.', e['AUTH.FORBIDDEN']),
  NOT_FOUND: bi('ene temdeglel olaγdaγsan ügei, ustaγaγdaγsan baiǰu magad.', e.NOT_FOUND),
  'CONFLICT.STALE_VERSION': bi('ene kereg-i öbere kümün saya šiidbürilebe, šinečileged dakin kin-e üü.', e['CONFLICT.STALE_VERSION']),
  'ROSTER.HOUSEHOLD_UNASSIGNED': bi('tan-u ger-tü ayil qariγucaγsan alban ajiltan tomilaγdaγ-a ügei, sumu-yin ǰasaγ-tu qandun-a uu.', e['ROSTER.HOUSEHOLD_UNASSIGNED']),
  'VISIT.NOT_HOUSEHOLD_MEMBER': bi('ǰöbkön ayilčilaγdaγsan ayil-un gešigün γarun üsüg jurǰu bolon-a.', e['VISIT.NOT_HOUSEHOLD_MEMBER']),
  'VISIT.SELF_SIGN': bi('alban ajiltan öber-ün ayilčilal-du γarun üsüg jurǰu bolqu ügei.', e['VISIT.SELF_SIGN']),
  'VISIT.BEFORE_VISIT': bi('ayilčilaqu čaγ boloγ-a ügei, odo γarun üsüg jurǰu bolqu ügei.', e['VISIT.BEFORE_VISIT']),
  'VISIT.WINDOW_CLOSED': bi('γarun üsüg jurqu qugučaγ-a önggerebe, ene ayilčilal-du dakin γarun üsüg jurǰu bolqu ügei.', e['VISIT.WINDOW_CLOSED']),
  'SERVER.INTERNAL': bi('sistem-dü asaγudal γarba, tan-u aγulγ-a alγasaγ-a ügei, türgen-ü daraγ-a dakin oroldun-a uu.', e['SERVER.INTERNAL']),
  'SERVER.UNAVAILABLE': bi('süljiy-e muu, serwer-tü qolbuγdaǰu čidaγsan ügei, türgen-ü daraγ-a dakin oroldun-a uu.', e['SERVER.UNAVAILABLE']),
}

// ---- mongolian wave 3 (issue 13 item 5): texts rendered from the server's codes ----
const coded: Messages['coded'] = {
  ...zh.coded, // findings are read by staff: Chinese
  issues: { maxPhotos: (max) => `${mn`${max} ǰiruγ-ača olan bolqu ügei`} ${zh.coded.issues.maxPhotos(max)}` },
}
// ---- end mongolian wave 3 ----

// ---- mongolian wave 3 (issue 13 item 6): villager texts that still read Chinese only ----
// (roles on 我的, the ticket's holder and timers, notices, the posting's headings, the visit's state,
// logout and the household's binding record, the next planned visit, and the errors a villager meets)
const roles: Messages['roles'] = {
  villager: bi('irgen', zh.roles.villager),
  cadre: bi('sumu-yin alban ajiltan', zh.roles.cadre),
  leader: bi('sumu-yin daruγ-a', zh.roles.leader),
  secretary: bi('γačaγ-a-yin nam-un salbur-un šuǰi', zh.roles.secretary),
  committee: bi('γačaγ-a-yin qoyar qoroo-yin gešigün', zh.roles.committee),
  representative: bi('irgen-ü tölöülegči', zh.roles.representative),
  supervisor: bi('qinan šalγaqu bülüg', zh.roles.supervisor),
  publicSupervisor: bi('ajil-un ǰang ǰiγsal-un qinaγči', zh.roles.publicSupervisor),
}
const r = zh.rules
const rules: Messages['rules'] = {
  ...r,
  levels: {
    cadre: bi('ayil qariγučaγsan alban ajiltan', r.levels.cadre),
    secretary: bi('γačaγ-a-yin nam-un salbur-un šuǰi', r.levels.secretary),
    joint_meeting: bi('γačaγ-a-yin qoyar qoroo ba ajil-un bülüg-ün qolboγ-a qural', r.levels.joint_meeting),
    township: bi('sumu-yin qamtu qural', r.levels.township),
    supervision: bi('qinan šalγaqu bülüg', r.levels.supervision),
  },
  status: {
    confirm_yours: bi('šiidbürilebe, šiidbürilegsen esekü-yi batalan-a uu', r.status.confirm_yours),
    waiting_villager: bi('šiidbürileǰü duusba, irgen-ü batalγ-a-yi küliyen bayin-a', r.status.waiting_villager),
    yours: bi('odo ta šiidbürileǰü bayin-a', r.status.yours),
    held_by: (name) => `${mn`odo ${name} šiidbürileǰü bayin-a`} ${r.status.held_by(name)}`,
    ended: r.status.ended,
  },
  // The level's name is already "Mongolian Chinese": its Mongolian part leads, the Chinese sentence follows.
  levelDue: (level, due) => {
    const parts = splitBilingual(level)
    // mn3: the genitive follows the level's last word (ajiltan-u, šuǰi-yin, qural-un, bülüg-ün), not always -un
    return `${parts?.mongolian ?? level}${mong(`${genitiveAfter(parts?.mongolian ?? level)} šiidbürilekü bolǰoγ-a:`)} ${dh(due).mongolian} ${r.levelDue(parts?.chinese ?? level, dh(due).chinese)}`
  },
  // (wave 4) a day or more in days, as zh-CN now says it (was from 48 hours)
  levelLeft: (hours) => `${hours >= 24 ? mn`${Math.floor(hours / 24)} edür üldebe` : mn`${hours} čaγ üldebe`} ${r.levelLeft(hours)}`,
  levelOver: (hours) => `${hours >= 24 ? mn`${Math.floor(hours / 24)} edür önggerebe` : mn`${hours} čaγ önggerebe`} ${r.levelOver(hours)}`,
  // mn3: the deadline's Mongolian with the time left in Mongolian, then the Chinese sentence
  levelTimer: (due, left) => `${dh(due).mongolian} (${dh(left).mongolian}) ${r.levelTimer(dh(due).chinese, dh(left).chinese)}`,
}
const o = zh.office
const office: Messages['office'] = {
  ...o, // the township's own screens stay Chinese
  ui: {
    ...o.ui,
    notices: {
      ...o.ui.notices,
      villagerTitle: bi('γačaγ-a-yin ajil kereg-i ile bolγaqu', o.ui.notices.villagerTitle),
      empty: bi('odo medege ügei.', o.ui.notices.empty),
      township: bi('sumu bügüde', o.ui.notices.township),
      scope: (village) => village ?? `${mong('sumu bügüde')} ${o.ui.notices.township}`,
    },
    posting: {
      ...o.ui.posting,
      // title and open (they name the month) are in the wave 5 block below
      monthsTitle: bi('alban ajiltan-u ajil-du ireltü-yi ile bolγaqu', o.ui.posting.monthsTitle),
      none: bi('odo boltal-a ile bolγaγsan sar-a ügei.', o.ui.posting.none),
    },
  },
}
const login: Messages['login'] = { ...zh.login, logout: bi('γarqu', zh.login.logout) }
const bindingRecord = {
  householdTitle: bi('ene ayil-un batalaγsan temdeglel', b.householdTitle),
  householdEmpty: bi('ene ayil-du batalaγsan temdeglel odo boltal-a ügei.', b.householdEmpty),
}
const visitStatus: Messages['verdict']['visit']['status'] = {
  pending: bi('ayil-un γarun üsüg-iyer batalaqu-yi küliyen bayin-a', zh.verdict.visit.status.pending),
  signed: bi('ayil γarun üsüg-iyer batalaba, ayilčilal-du toγalaγdaba', zh.verdict.visit.status.signed),
  disputed: bi('ayil sanal γarγaba, ayilčilal-du toγalaγdaqu ügei', zh.verdict.visit.status.disputed),
  expired: bi('24 čaγ-un dotora γarun üsüg jurγ-a ügei, ayilčilal-du toγalaγdaqu ügei', zh.verdict.visit.status.expired),
}
const villagerErrors: Partial<Messages['errors']> = {
  'VALIDATION.FAILED': bi('bičigsen aγulγ-a buruγu bayin-a, ǰaγaburi-yi daγaǰu ǰasaγad dakin ilegen-e üü.', e['VALIDATION.FAILED']),
  'IDEMPOTENCY.KEY_REUSED': bi('ene ilegelte urid-un-tai dabqučaba, šinečileged dakin bičin-e üü.', e['IDEMPOTENCY.KEY_REUSED']),
  'TICKET.INVALID_TRANSITION': bi('ene kereg-ün odoki bayidal-du ingǰü kikü bolqu ügei, šinečileǰü üǰen-e üü.', e['TICKET.INVALID_TRANSITION']),
  'TICKET.FORBIDDEN_ACTOR': bi('ene alqum-i ta kikü ügei.', e['TICKET.FORBIDDEN_ACTOR']),
  'TICKET.REASON_REQUIRED': bi('siltaγan-i bičigeed ilegen-e üü.', e['TICKET.REASON_REQUIRED']),
  'TICKET.UNKNOWN_CATEGORY': bi('ene töröl ügei, dakin songγon-a uu.', e['TICKET.UNKNOWN_CATEGORY']),
  'TICKET.SATISFACTION_OUT_OF_RANGE': bi('ünelelte ǰöbkön 1-eče 5 odu bolon-a.', e['TICKET.SATISFACTION_OUT_OF_RANGE']),
  'TICKET.ASSIGNEE_REQUIRED': bi('ene γačaγ-a-du nam-un salbur-un šuǰi odo ügei, sumu-yin ǰasaγ-tu qandun-a uu.', e['TICKET.ASSIGNEE_REQUIRED']),
  'TICKET.CATEGORY_KIND_MISMATCH': bi('ene töröl ene kereg-dü tokiromǰi ügei, dakin songγon-a uu.', e['TICKET.CATEGORY_KIND_MISMATCH']),
  'TICKET.DESCRIPTION_REQUIRED': bi('kikü kereg buyu medegülekü asaγudal-iyan todorqai bičin-e üü.', e['TICKET.DESCRIPTION_REQUIRED']),
  'TICKET.ANSWERS_INVALID': bi('kedün ǰüil-i ǰaγaburi-yin daγu bičigsen ügei, ǰasaγad dakin ilegen-e üü.', e['TICKET.ANSWERS_INVALID']),
  'TICKET.ATTACHMENT_NOT_YOURS': bi('qabsurγ-a tan-u öber-iyen ilegegsen ügei, ǰiruγ buyu daγu-yi dakin ilegen-e üü.', e['TICKET.ATTACHMENT_NOT_YOURS']),
  'TICKET.CANNOT_FOLLOW': bi('ǰöbkön ene γačaγ-a-yin ijil töröl-ün šiidbürilegdegüi kereg-i daγaǰu bolon-a.', e['TICKET.CANNOT_FOLLOW']),
  'UPLOAD.BAD_TYPE': `${mn`ǰöbkön ǰiruγ (${'JPG, PNG, WebP'}) buyu daγu ilegeǰü bolon-a, öber-e fayil songγon-a uu.`} ${e['UPLOAD.BAD_TYPE']}`,
  'UPLOAD.TOO_LARGE': bi('fayil dendüü yeke, baγ-a ǰiruγ buyu boγoni daγu songγon-a uu.', e['UPLOAD.TOO_LARGE']),
  'UPLOAD.MISSING_FILE': bi('fayil kürčü iregsen ügei, dakin songγoǰu ilegen-e üü.', e['UPLOAD.MISSING_FILE']),
  'RATING.OUT_OF_RANGE': bi('ünelelte ǰöbkön 1-eče 5 odu bolon-a.', e['RATING.OUT_OF_RANGE']),
  'RATING.SELF': bi('öber-iyen ünelejü bolqu ügei.', e['RATING.SELF']),
  'RATING.NOT_YOUR_CADRE': bi('ǰöbkön tan-u ayil-i qariγučaγsan alban ajiltan-i ünelejü bolon-a.', e['RATING.NOT_YOUR_CADRE']),
  'RATING.WRONG_BAND': bi('ta ene ünelekü bülüg-tü bayiqu ügei.', e['RATING.WRONG_BAND']),
  'RATING.DIMENSIONS': bi('ǰüil bolγan-du odu öggün-e üü.', e['RATING.DIMENSIONS']),
  'RATING.PERIOD_CLOSED': bi('ene sar-a-yin ünelelte duusba, dakin ünelejü ögerečilen bolqu ügei.', e['RATING.PERIOD_CLOSED']),
  'BINDING.INVALID': bi('ene batalaqu QR kod kereglegdekü ügei, γačaγ-a-yin šuǰi buyu sumu-yin alban γaǰar-ača dakin üǰügülkü-yi γuyun-a uu.', e['BINDING.INVALID']),
  'BINDING.EXPIRED': bi('ene batalaqu QR kod-un qugučaγ-a duusba, γačaγ-a-yin šuǰi buyu sumu-yin alban γaǰar-ača dakin üǰügülkü-yi γuyun-a uu.', e['BINDING.EXPIRED']),
  'BINDING.USED': bi('ene batalaqu QR kod kereglegdeǰei, γačaγ-a-yin šuǰi buyu sumu-yin alban γaǰar-ača dakin üǰügülkü-yi γuyun-a uu.', e['BINDING.USED']),
  'BINDING.ALREADY_BOUND': bi('tan-u wečat öbere kümün-dü batalaγdaǰai, sumu-yin alban γaǰar-tu qandun-a uu.', e['BINDING.ALREADY_BOUND']),
  'BINDING.PHONE_REFUSED': bi('wečat-un batalaγsan utasun-u dugaar kürčü iregsen ügei, "bey-e-ben batalaqu"-yi dakin daruǰu utasun-u dugaar-i kereglekü-yi ǰöbšiyerün-e üü.', e['BINDING.PHONE_REFUSED']),
  'BINDING.PHONE_UNKNOWN': bi('büridkel-dü ene utasun-u dugaar ügei, γačaγ-a-yin šuǰi buyu sumu-yin alban γaǰar-tu qandun-a uu.', e['BINDING.PHONE_UNKNOWN']),
  'BINDING.PHONE_AMBIGUOUS': bi('ene utasun-u dugaar büridkel-dü olan kümün-dü bayin-a, γačaγ-a-yin šuǰi buyu sumu-yin alban γaǰar-tu qandun-a uu.', e['BINDING.PHONE_AMBIGUOUS']),
  'BINDING.CODE_WRONG': bi('batalaqu kod buruγu, ǰakidal-iyan üǰeged dakin oruγulun-a uu.', e['BINDING.CODE_WRONG']),
  'BINDING.CODE_EXPIRED': bi('batalaqu kod kereglegdekü ügei bolba, dakin abun-a uu.', e['BINDING.CODE_EXPIRED']),
  'BINDING.CODE_LIMIT': bi('batalaqu kod dendüü olan abuba, nige čaγ-un daraγ-a dakin oroldun-a uu.', e['BINDING.CODE_LIMIT']),
  'LIMIT.TICKETS_PER_HOUR': bi('ta ene nige čaγ-tu dendüü olan kereg ilegebe, türgen-ü daraγ-a dakin ilegen-e üü.', e['LIMIT.TICKETS_PER_HOUR']),
  'LIMIT.UPLOADS_PER_HOUR': bi('ta ene nige čaγ-tu dendüü olan ǰiruγ daγu ilegebe, türgen-ü daraγ-a dakin ilegen-e üü.', e['LIMIT.UPLOADS_PER_HOUR']),
  'LIMIT.UPLOAD_BYTES_PER_DAY': bi('önödür-ün ǰiruγ daγu-yin kemǰiy-e dügürbe, maγaγši dakin ilegen-e üü.', e['LIMIT.UPLOAD_BYTES_PER_DAY']),
  'LIMIT.TOO_MANY_REQUESTS': bi('dendüü olan udaγ-a daruba, nige minut küliyeged dakin oroldun-a uu.', e['LIMIT.TOO_MANY_REQUESTS']),
  'REQUEST.TOO_LARGE': bi('ilegegsen aγulγ-a dendüü yeke, baγasqaγad dakin oroldun-a uu.', e['REQUEST.TOO_LARGE']),
}
// ---- end mongolian wave 3 ----

// ---- mongolian wave 4 (guard, walkthrough, visitplan): villager texts added since, that read Chinese only ----
// (the content check under a villager's own photos, the visit state said to the villager who signs,
// the next planned visit's day on the villager's card)
const g = zh.guard.photos
/** A joined list of bilingual labels ("<mn> <zh>、<mn> <zh>") split into its Mongolian and its Chinese list. */
const splitList = (list: string): { mongolian: string; chinese: string } => {
  const parts = list.split('、').map((item) => splitBilingual(item) ?? { mongolian: item, chinese: item })
  return { mongolian: parts.map((p) => p.mongolian).join('\u1802 '), chinese: parts.map((p) => p.chinese).join('、') }
}
const guard: Messages['guard'] = {
  photos: {
    pending: (n) => `${mn`${n} ǰiruγ aγulγ-a-yin ayulgüi-yin šalγalta-yi küliyen bayin-a, šalγalta-ača dabaγsan-u daraγ-a ene kereg-i daγaγsan irgen üǰen-e.`} ${g.pending(n)}`,
    refused: (n, why) => `${mn`${n} ǰiruγ aγulγ-a-yin ayulgüi-yin šalγalta-ača dabaγ-a ügei (${splitList(why).mongolian}), ǰöbkön šiidbürilekü alban ajiltan üǰen-e, busu irgen üǰekü ügei.`} ${g.refused(n, splitList(why).chinese)}`,
    hiddenMark: bi('busu irgen üǰekü ügei', g.hiddenMark),
    labels: {
      '10001': bi('ǰar surtalčilγ-a', g.labels['10001']),
      '20001': bi('čaγ üy-e-yin ulus törü', g.labels['20001']),
      '20002': bi('sadar samaγun', g.labels['20002']),
      '20003': bi('doromǰilal qaraγal', g.labels['20003']),
      '20006': bi('qauli busu ba gem-tü kereg', g.labels['20006']),
      '20008': bi('meke ǰalilang', g.labels['20008']),
      '20012': bi('büdügüleg', g.labels['20012']),
      '20013': bi('ǰokiyaγči-yin erke', g.labels['20013']),
      '21000': bi('busu siltaγan', g.labels['21000']),
    },
    unchecked: bi('šalγalta-yi duusqaǰu čidaγsan ügei', g.unchecked),
  },
}
const walk: Messages['walk'] = {
  visitForVillager: {
    pending: bi('ayilčilal-un aγulγ-a-yi üǰen-e üü, asaγudal ügei bol doora γarun üsüg jurun-a uu', zh.walk.visitForVillager.pending),
    signed: bi('ta γarun üsüg-iyer batalaba, ene ayilčilal toγalaγdaba', zh.walk.visitForVillager.signed),
    disputed: bi('ta sanal γarγaba, ene ayilčilal toγalaγdaqu ügei', zh.walk.visitForVillager.disputed),
    expired: bi('24 čaγ önggerebe, dakin γarun üsüg jurǰu bolqu ügei, ene ayilčilal toγalaγdaqu ügei', zh.walk.visitForVillager.expired),
  },
}
const fsc = zh.firstScreen
/** Monday first, as zh-CN's weekdays (周一 … 周日). */
// (wave 7, mn3: the Mongolian weekday names live with the other date forms, src/i18n/dates.ts)
const weekdays = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }
const firstScreen: Messages['firstScreen'] = {
  ...fsc, // the cadre's household row (plan, planned, cancelPlan, planSaved, planCancelled) stays Chinese
  nextVisit: bi('daraγ-a-yin ayilčilal', fsc.nextVisit),
  weekdays: Object.values(weekdays).map((w) => `${mnDates.weekday(w)} ${fsc.weekdays[w - 1] ?? ''}`),
  // The weekday comes from the list above ("<mn> <zh>"): its Mongolian goes with the Mongolian day, its Chinese with the Chinese.
  day: (month, day, weekday) => `${mnDates.date({ year: 0, month, day, weekday: 0 }, false)} (${splitBilingual(weekday)?.mongolian ?? weekday}) ${fsc.day(month, day, splitBilingual(weekday)?.chinese ?? weekday)}`,
}
// ---- end mongolian wave 4 ----

// ---- mongolian wave 5 (voice, posting): villager texts added since, that read Chinese only ----
// (a report as the village's other villagers read it: the follow page and the duplicate hint, its
// privacy sentence; the anonymous mark on a ticket; the office's check of a villager's own rating
// comment as its writer sees it; the posting month in a Mongolian form)
const zv = zh.voice
/** A bilingual reason ("<mn> <zh>") split in two; a Chinese-only one serves both sides. */
const halves = (text: string): { mongolian: string; chinese: string } => splitBilingual(text) ?? { mongolian: text, chinese: text }
const voice: Messages['voice'] = {
  ...zv, // the office's comment queue (moderation), call-backs and the reveal stay Chinese
  anonymous: bi('nere ügei medegülegsen', zv.anonymous),
  moderation: {
    ...zv.moderation,
    // the reasons the office picks; the villager reads the chosen one (refusedBecause)
    reasons: {
      insult: bi('doromǰilal qaraγal buyu soyul ügei üge bui', zv.moderation.reasons.insult ?? ''),
      personalData: bi('busu kümün-ü öber-ün medeel bui', zv.moderation.reasons.personalData ?? ''),
      offTopic: bi('alban ajiltan-u ajil-du qamaγ-a ügei', zv.moderation.reasons.offTopic ?? ''),
      unverified: bi('medegülegsen bayidal-i batalaqu kereg-tei, "asaγudal medegülekü"-ber ilegen-e üü', zv.moderation.reasons.unverified ?? ''),
    },
    status: {
      pending: bi('tan-u kelekü üge šalγaγdaǰu bayin-a, šalγalta-ača dabaγsan-u daraγ-a sar-a-yin ile bolγaqu-du γarun-a', zv.moderation.status.pending ?? ''),
      approved: bi('tan-u kelekü üge šalγalta-ača dababa, sar-a-yin ile bolγaqu-du γarun-a', zv.moderation.status.approved ?? ''),
      refused: bi('tan-u kelekü üge ile bolγaγdaγsan ügei', zv.moderation.status.refused ?? ''),
    },
    refusedBecause: (reason) => `${mn`tan-u kelekü üge ile bolγaγdaγsan ügei, siltaγan: ${halves(reason).mongolian}. tan-u odu-yin ünelelte kücün-tei bayin-a.`} ${zv.moderation.refusedBecause(halves(reason).chinese)}`,
  },
  follow: {
    title: bi('ijil töröl-ün asaγudal', zv.follow.title),
    preview: bi('ene kereg-i üǰekü', zv.follow.preview),
    follow: bi('ene kereg-i daγaqu', zv.follow.follow),
    following: bi('daγaba, yabuča bolqu-du tan-dur medegdenem', zv.follow.following),
    followConfirm: bi('daγaγsan-u daraγ-a ene kereg-dü yabuča bolqu-du tan-dur medegdenem. daγaqu uu?', zv.follow.followConfirm),
    steps: bi('šiidbürilegsen yabuča', zv.follow.steps),
    outcome: bi('šiidbürilegsen ür-e dün', zv.follow.outcome),
    noOutcome: bi('šiidbürilegdeǰü bayin-a', zv.follow.noOutcome),
    created: bi('nigen kümün medegülebe', zv.follow.created),
    privacy: bi('medegülegči-yi qamaγalaqu-yin tulada ende nere ba ayil-un dugaar-i üǰügülkü ügei; ǰiruγ aγulγ-a-yin ayulgüi-yin šalγalta-ača dabaγsan-u daraγ-a l üǰegdenem.', zv.follow.privacy),
    filed: (date) => `${mn`${dh(date).mongolian} nigen kümün medegülebe`} ${zv.follow.filed(dh(date).chinese)}`,
    satisfaction: (stars) => `${mn`medegülegči ${stars} odu ögbe`} ${zv.follow.satisfaction(stars)}`,
    byRole: {
      reporter: bi('medegülegči', zv.follow.byRole.reporter ?? ''),
      cadre: bi('ayil qariγučaγsan alban ajiltan', zv.follow.byRole.cadre ?? ''),
      secretary: bi('γačaγ-a-yin nam-un salbur-un šuǰi', zv.follow.byRole.secretary ?? ''),
      township: bi('sumu', zv.follow.byRole.township ?? ''),
    },
    // mn3: each part's Mongolian first (date, who, what), then the Chinese step
    step: (date, who, action) => `${[dh(date).mongolian, halves(who).mongolian, halves(action).mongolian].join(' ')} ${zv.follow.step(dh(date).chinese, halves(who).chinese, halves(action).chinese)}`,
  },
}
/** The month as formatMonth / plain.month write it ("2026年10月"), in Mongolian: "2026 on-u 10 sar-a". */
const monthForm = {
  month: (year: string, month: number) => mn`${year} on-u ${month} sar-a`,
}
const postingMonth = (text: string): string => {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(dh(text).chinese)
  return m ? monthForm.month(m[1] ?? '', Number(m[2])) : dh(text).mongolian
}
const posting: Messages['office']['ui']['posting'] = {
  ...office.ui.posting,
  // The month arrives written in Chinese: its Mongolian form goes with the Mongolian, the Chinese as it came.
  title: (period) => `${mn`${postingMonth(period)}-yin alban ajiltan-u ajil-du ireltü-yi ile bolγaqu`} ${o.ui.posting.title(dh(period).chinese)}`,
  open: (period) => `${mn`${postingMonth(period)}-yin ile bolγaγsan-i üǰekü`} ${o.ui.posting.open(dh(period).chinese)}`,
}
// ---- end mongolian wave 5 ----

// ---- mongolian wave 6 (posting): the lines of a villager's monthly posting card, that read Chinese only ----
// (counts of sign-ins, leave, absences and village days as parameters; the card's headings and the empty comment)
const op = o.ui.posting
/** The invalid sign-ins, shown only when there are some (as zh-CN does). */
const signInForm = {
  invalid: (invalid: number) => mn`(kücün ügei ${invalid} udaγ-a)`,
}
const postingCard: Partial<Messages['office']['ui']['posting']> = {
  signIns: (n, invalid) => `${mn`kücün-tei bürtgel ${n} udaγ-a`}${invalid ? ` ${signInForm.invalid(invalid)}` : ''} ${op.signIns(n, invalid)}`,
  leave: (n) => `${mn`čilüge ${n} edür`} ${op.leave(n)}`,
  absences: (n) => `${mn`ajil-ača taslaγsan ${n} edür`} ${op.absences(n)}`,
  villageDays: (n) => `${mn`γačaγ-a-dur oduγsan ${n} edür (olan ard γarun üsüg-iyer batalaba)`} ${op.villageDays(n)}`,
  times: bi('bürtgegülügsen čaγ', op.times),
  self: bi('öber-iyen ünelekü', op.self),
  peers: bi('qamtu ajillaγčid-un ünelelte', op.peers),
  mass: bi('olan ard-un ünelelte', op.mass),
  noComment: bi('ügei', op.noComment),
}
// ---- end mongolian wave 6 ----

// ---- mongolian wave 7 (mn3): the posting card's week lines, a month in words, comments said by several ----
// (dates themselves are written by src/i18n/dates.ts; a date arrives "<Mongolian> <Chinese>" and each half goes to its side)
const pl = zh.plain
const plain: Messages['plain'] = {
  ...pl, // week (from, to) is no longer shown (format.ts names a week through dates.ts); digest and thisMonthSoFar are the office's
  weekOk: (range) => `${mn`${dh(range).mongolian}: biyelegülbe`} ${pl.weekOk(dh(range).chinese)}`,
  weekShort: (range) => `${mn`${dh(range).mongolian}: biyelegülügsen ügei`} ${pl.weekShort(dh(range).chinese)}`,
  weeksLine: (ok, all) => `${mn`"doloγ-a qonoγ bolγan-du 5 edür ajil-du, 4 söni qonoǰu, 3 edür γačaγ-a-du": ${all} doloγ-a qonoγ-ača ${ok}-i biyelegülbe`} ${pl.weeksLine(ok, all)}`,
  commentTimes: (text, n) => (n > 1 ? `${text} ${mn`(${n} kümün ingǰü kelebe)`} ${pl.commentTimes('', n).trim()}` : text),
  month: (period) => `${mnDates.month(Number(period.slice(0, 4)), Number(period.slice(5, 7)))} ${pl.month(period)}`,
}
/**
 * "label: value" where both are bilingual (a heading and a date): each language's words together,
 * "<mn label>: <mn value> <zh label>：<zh value>"; a value as someone wrote it (a name, a purpose)
 * stays once, after the label as it is.
 */
const vf = zh.verdict.fmt
const fmt: Messages['verdict']['fmt'] = {
  ...vf,
  labeled: (label, value) => {
    const l = splitBilingual(label)
    const v = dh(value)
    return l && v.mongolian !== v.chinese ? `${l.mongolian}: ${v.mongolian} ${vf.labeled(l.chinese, v.chinese)}` : vf.labeled(label, value)
  },
}
// ---- end mongolian wave 7 ----

// ---- images (issue 13 item 2's photos): what the reporter is told about photos the office decides ----
// (the office's queue itself stays Chinese, as the other staff screens)
const zi = zh.images
const images: Messages['images'] = {
  ...zi,
  reasons: {
    personalData: bi('ǰiruγ-tu busu kümün-ü niγur, gerečilel buyu qaγalγ-a-yin dugaar ǰerge öber-ün medeel bui', zi.reasons.personalData ?? ''),
    indecent: bi('ǰiruγ-tu ǰoqis ügei, čisu-tai buyu küčirkegel-ün aγulγ-a bui', zi.reasons.indecent ?? ''),
    offTopic: bi('ǰiruγ medegülegsen kereg-tei qamaγ-a ügei', zi.reasons.offTopic ?? ''),
    notPortrait: bi('öber-ün todu niγur-un ǰiruγ busu', zi.reasons.notPortrait ?? ''),
  },
  withOffice: (n) => `${mn`${n} ǰiruγ sumu-yin ajiltan-u šalγalta-yi küliyen bayin-a, šalγalta-ača dabaγsan-u daraγ-a ene kereg-i daγaγsan irgen üǰen-e.`} ${zi.withOffice(n)}`,
}
// ---- end images ----

const catalogue: Messages = {
  ...zhCN,
  coded,
  // mongolian wave 3
  roles,
  rules,
  office: { ...office, ui: { ...office.ui, posting: { ...posting, ...postingCard } } }, // mongolian wave 6: postingCard
  login,
  firstScreen,
  errors: { ...errors, ...villagerErrors },
  common,
  outbox,
  validation,
  tickets,
  ticketLoop,
  tabs: { home: bi('ekin niγur', zh.tabs.home), items: bi('minu kereg', zh.tabs.items), me: bi('minu', zh.tabs.me) },
  comingSoon: bi('ene üyilečilge udal ügei neegdenem, urida ayil qariγucaγsan alban ajiltan-dur utasu ǰalγan-a uu.', zh.comingSoon),
  home,
  me,
  cadreCard,
  verdict: { ...verdict, visit: { ...verdict.visit, status: visitStatus }, fmt }, // mn3: fmt
  // mongolian wave 4
  walk,
  guard,
  // mongolian wave 5
  voice,
  // mongolian wave 7 (mn3)
  plain,
  elder,
  locale,
  binding: { ...binding, ...bindingRecord },
  cadreCardMore,
  confirm,
  asks,
  // images
  images,
}

// ---- mongolian wave 7 (mn3): a date in a sentence that stays Chinese ----
/** The Chinese half of a shown date ("<mn> 12月3日（周四）"); anything else (a name, a comment) as it is. */
const chineseDateOf = (value: unknown): unknown => {
  if (typeof value !== 'string') return value
  const { mongolian, chinese } = dh(value)
  return mongolian !== chinese && /^[\d年月日至第季度周星期一二三四五六日（）() :]+$/.test(chinese) ? chinese : value
}
/**
 * The sentences this catalogue leaves Chinese (staff screens, a cadre who chose Mongolian) get the
 * Chinese half of a date, not "约了 12 sar-a … 12月3日（周四）" (Mongolian inside): every function that is zh-CN's own
 * is wrapped; translated ones split their dates themselves.
 */
const chineseDatesInChinese = <T>(node: T, zhNode: unknown): T => {
  if (typeof node === 'function') {
    if (node !== zhNode) return node
    const wrapped = (...args: unknown[]) => (node as (...a: unknown[]) => unknown)(...args.map(chineseDateOf))
    return Object.defineProperty(wrapped, 'length', { value: node.length }) as T // the same arity as zh-CN's
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node
  const zhObject = (zhNode && typeof zhNode === 'object' ? zhNode : {}) as Record<string, unknown>
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, chineseDatesInChinese(value, zhObject[key])])) as T
}
export const mnMong: Messages = chineseDatesInChinese(catalogue, zhCN)
// ---- end mongolian wave 7 ----
