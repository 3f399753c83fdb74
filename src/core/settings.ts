/**
 * Every number of DOMAIN.md is a setting whose default is the seed's figure ([H] 红庆河镇, [S] 石庄乡).
 * One rule: rules read numbers from a Settings value passed in, never from a constant of their own.
 */

export interface TicketCategory {
  id: string
  kind: 'service' | 'problem' | 'both'
  /** Working deadline in hours from filing ([H]: "1-2 days" at the door). */
  deadlineHours: number
}

/**
 * One question a category asks (like an Open311 service definition's attribute). The label shown is
 * the catalogue's text for `tickets.questions.<category>.<id>` when it has one, else `label`.
 */
export interface CategoryQuestion {
  id: string
  type: 'text' | 'number' | 'date' | 'single' | 'multi'
  required: boolean
  /** Option ids for single / multi choice. */
  options?: string[]
  /** text: most characters; number: largest value. */
  max?: number
  /** number: smallest value (default 0). */
  min?: number
  label?: string
}

/** Result figures a resolution may record (DOMAIN 3.11). */
export type ResultField = 'fundsYuan' | 'loanYuan' | 'beneficiaries'

/** What a category asks when filed and what its resolution may record. */
export interface CategoryForm {
  questions: CategoryQuestion[]
  resultFields: ResultField[]
}

export interface Settings {
  /** The township's UTC offset in minutes (China: +480). */
  utcOffsetMinutes: number
  coverage: {
    /** [H] each resident cadre covers 60-70 households. */
    minHouseholdsPerCadre: number
    maxHouseholdsPerCadre: number
    /** [H] every villager group has at least one cadre. */
    minCadresPerGroup: number
  }
  tickets: {
    categories: TicketCategory[]
    /** Per category id; a category without an entry asks nothing and records no figures. */
    forms: Record<string, CategoryForm>
    /**
     * Hours the villager has to confirm a resolved ticket; after that its results count as if
     * confirmed (DOMAIN 3.11). rules (issue 14).
     */
    confirmWindowHours: number
    /** Hours each escalation level has (its clock starts when the ticket reaches it); 'cadre' defaults to the category's deadlineHours. */
    defaultLevelHours: { cadre: number; secretary: number; joint_meeting: number; township: number }
    /** Per category id: hours of some levels, overriding the defaults. */
    levelHours: Record<string, Partial<Record<'cadre' | 'secretary' | 'joint_meeting' | 'township', number>>>
    /** Per category id ('*' for any other): the reply templates offered to a handler (catalogue keys). */
    replyTemplates: Record<string, string[]>
    attachments: {
      /** Photos per ticket or per progress note. */
      maxPhotos: number
      maxPhotoBytes: number
      maxVoiceBytes: number
      maxVoiceSeconds: number
    }
  }
  visits: {
    /** A sign-off later than this after the visit is refused. */
    signOffWindowHours: number
  }
  signIn: {
    /** [S] 三定点: 8:00, 14:30, 19:30, as minutes after local midnight. */
    slots: { morning: number; afternoon: number; evening: number }
    /** Minutes either side of a slot. */
    windowMinutes: number
  }
  rule543: {
    /** [S] >= 5 work days, >= 4 nights, >= 3 village days a week. */
    workDays: number
    nights: number
    villageDays: number
  }
  // ---- rules (issue 14): leave requests (请销假) and the holiday calendar by year (DOMAIN 3.5).
  leave: {
    /** The longest leave one request may ask for, in days (longer leave is a personnel matter). */
    maxDays: number
  }
  calendar: {
    /** By year (`2026`): statutory holidays and make-up working days; a year missing has weekends only. */
    years: Record<string, { holidays: string[]; workdays: string[] }>
  }
  evaluation: {
    /** [H] 1135: leaders 10%, peers 10%, committees + representatives 30%, villagers 50%. */
    weights: { leaders: number; peers: number; committees: number; villagers: number }
    /** Per band: a band with fewer raters than this is "insufficient" (shown "样本不足" with the band). */
    minRaters: { leaders: number; peers: number; committees: number; villagers: number }
    /** Stars (1-5) to points: stars x starPoints. */
    starPoints: number
    /**
     * How bands combine when some are insufficient: 'renormalize' scores from the sufficient bands
     * with their weights rescaled to 100%; 'withhold' gives no total at all.
     */
    insufficientRule: 'renormalize' | 'withhold'
    /** The named dimensions a rater gives 1-5 stars on; the rating's stars are their mean. */
    dimensions: readonly string[]
  }
  allowance: {
    /** [H] 35 yuan per cadre per day in the village. */
    yuanPerVillageDay: number
  }
  supervision: {
    /** [H][S] at least 2 unannounced checks a month. */
    checksPerMonth: number
  }
  office: {
    /** Largest roster spreadsheet accepted, in bytes. */
    importMaxBytes: number
    /**
     * Most rows a roster spreadsheet may have (a county of 75,000 households is ~215,000): a small
     * file can unzip into millions of rows, and each checked row is held until the import is written.
     */
    importMaxRows: number
    /** A binding invitation (QR code at the door) expires after this many minutes. */
    invitationMinutes: number
  }
  /** Binding WeChat (or web) accounts to roster people (DOMAIN 3.12). */
  binding: {
    /** Accounts one person may have; the office raises it for a person who uses two phones. */
    maxAccountsPerPerson: number
    /** An account bound less than this many hours ago does not sign visits off or rate (N hours). */
    minHoursBeforeJudging: number
    /** A one-time phone code (H5 and local mode) is valid this many minutes... */
    codeMinutes: number
    /** ...for this many wrong tries, after which it is dead... */
    codeAttempts: number
    /** ...and at most this many codes go to one phone an hour. */
    codesPerHour: number
  }
  uploads: {
    /** Largest handwritten signature accepted (PNG bytes) and its largest side in pixels. */
    signatureMaxBytes: number
    signatureMaxSide: number
    /** Largest sign-in live photo accepted (JPEG or PNG bytes) and its largest side in pixels. */
    photoMaxBytes: number
    photoMaxSide: number
  }
  // ---- identity-hardening (issue 10 items 6, 7) ----
  /** Per-person quotas (checked by the handlers, so the cloud function has them too). */
  limits: {
    /** Tickets one person may file in any hour. */
    ticketsPerHour: number
    /** Photos and voice notes one person may upload in any hour (signatures and sign-in photos included). */
    uploadsPerHour: number
    /** Bytes one person may upload in any 24 hours. */
    uploadBytesPerDay: number
    /** Requests one network address may make per minute to the self-hosted HTTP server. */
    requestsPerMinutePerAddress: number
  }
  /** What a cadre may learn of the ratings of them (raters stay anonymous). */
  anonymity: {
    /** A band's figures are shown to the rated cadre only when at least this many rated in it. */
    minRatersShown: number
  }
  // ---- end identity-hardening ----
  // identity set-up and sessions (issue 10 items 4, 5)
  sessions: {
    /** A session not used for this many minutes has ended (the office signs in again). */
    idleMinutes: number
    /** A web console's login QR code can be confirmed for this many minutes. */
    loginQrMinutes: number
    /** `npm run setup`'s one-time code for the first administrator expires after this many hours. */
    setupCodeHours: number
  }
  // ---- issue 13: the villagers' voice
  callBacks: {
    /** A satisfaction of this many stars or fewer is a bad review the supervision group calls back (好差评). */
    lowStars: number
    /** The call-back is due this many hours after the bad review, reopen or disputed visit. */
    deadlineHours: number
  }
  // ---- wechat-notify (issue 11 items 3, 7): subscribe messages and the automatic month close
  subscribe: {
    /** Which build a message opens (subscribeMessage.send's miniprogram_state). */
    miniprogramState: 'developer' | 'trial' | 'formal'
    /** Per event: the template id (admin console, 订阅消息) and what each of its fields shows. */
    templates: Record<import('./subscribe').SubscribeEvent, import('./subscribe').SubscribeTemplate>
  }
  monthClose: {
    /** Day of the month (township wall clock) from which the previous month closes by itself; 0: never. */
    autoDay: number
  }
  // ---- end wechat-notify
}

export const DEFAULT_SETTINGS: Settings = {
  utcOffsetMinutes: 8 * 60,
  coverage: { minHouseholdsPerCadre: 60, maxHouseholdsPerCadre: 70, minCadresPerGroup: 1 },
  tickets: {
    categories: [
      { id: 'certificate', kind: 'service', deadlineHours: 48 }, // 证明开具
      { id: 'subsidy', kind: 'service', deadlineHours: 48 }, // 惠农补贴
      { id: 'loan', kind: 'service', deadlineHours: 120 }, // 助农贷款
      { id: 'insurance', kind: 'service', deadlineHours: 48 }, // 社保医保
      { id: 'hukou', kind: 'service', deadlineHours: 48 }, // 户籍
      { id: 'land', kind: 'both', deadlineHours: 168 }, // 土地草原
      { id: 'infrastructure', kind: 'problem', deadlineHours: 168 }, // 道路水电
      { id: 'dispute', kind: 'problem', deadlineHours: 72 }, // 矛盾纠纷
      { id: 'other', kind: 'both', deadlineHours: 72 }, // 其他
    ],
    forms: {
      certificate: {
        questions: [
          { id: 'certType', type: 'single', required: true, options: ['residence', 'income', 'kinship', 'other'] },
          { id: 'purpose', type: 'text', required: false, max: 100 },
          { id: 'neededBy', type: 'date', required: false },
        ],
        resultFields: [],
      },
      subsidy: {
        questions: [
          { id: 'subsidyType', type: 'multi', required: true, options: ['grassland', 'farmland', 'livestock', 'machinery'] },
          { id: 'areaMu', type: 'number', required: false, min: 0, max: 100000 },
        ],
        resultFields: ['fundsYuan', 'beneficiaries'],
      },
      loan: {
        questions: [
          { id: 'amountYuan', type: 'number', required: true, min: 1000, max: 500000 },
          { id: 'use', type: 'single', required: true, options: ['livestock', 'planting', 'machinery', 'business'] },
        ],
        resultFields: ['loanYuan', 'beneficiaries'],
      },
      insurance: {
        questions: [{ id: 'insuranceType', type: 'single', required: true, options: ['pension', 'medical'] }],
        resultFields: ['beneficiaries'],
      },
      hukou: { questions: [{ id: 'matter', type: 'single', required: true, options: ['birth', 'move', 'correction', 'other'] }], resultFields: [] },
      land: { questions: [{ id: 'areaMu', type: 'number', required: false, min: 0, max: 100000 }], resultFields: ['fundsYuan', 'beneficiaries'] },
      infrastructure: { questions: [], resultFields: ['fundsYuan', 'beneficiaries'] },
    },
    confirmWindowHours: 7 * 24,
    // [H]: the cadre "1-2 days" at the door (the category's deadline); the levels above get more
    // time as problems get harder (12345 hotlines give each level its own time limit).
    defaultLevelHours: { cadre: 48, secretary: 72, joint_meeting: 168, township: 336 },
    levelHours: { loan: { secretary: 120 }, land: { secretary: 168, joint_meeting: 336 }, infrastructure: { secretary: 168, joint_meeting: 336 } },
    replyTemplates: {
      certificate: ['received', 'certificateMaterials', 'certificateReady'],
      subsidy: ['received', 'subsidyChecking', 'subsidyPaid'],
      loan: ['received', 'loanBank', 'loanApproved'],
      insurance: ['received', 'insuranceSubmitted', 'insuranceDone'],
      hukou: ['received', 'hukouPolice', 'hukouDone'],
      land: ['visit', 'landSurvey', 'coordinating'],
      infrastructure: ['visit', 'infrastructureReported', 'coordinating'],
      dispute: ['visit', 'disputeMediation', 'disputeAgreed'],
      '*': ['received', 'visit', 'coordinating', 'done'],
    },
    attachments: { maxPhotos: 9, maxPhotoBytes: 5 * 1024 * 1024, maxVoiceBytes: 2 * 1024 * 1024, maxVoiceSeconds: 60 },
  },
  visits: { signOffWindowHours: 24 },
  signIn: { slots: { morning: 8 * 60, afternoon: 14 * 60 + 30, evening: 19 * 60 + 30 }, windowMinutes: 30 },
  rule543: { workDays: 5, nights: 4, villageDays: 3 },
  leave: { maxDays: 30 },
  // The State Council's notices for 2025 (国办发明电〔2024〕12号) and 2026; checked against the
  // chinese-days package's data (1.5.7). 2027 is added here once its notice is published.
  calendar: {
    years: {
      '2025': {
        holidays: [
          '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
          '2025-04-04', '2025-04-05', '2025-04-06', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
          '2025-05-31', '2025-06-01', '2025-06-02', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05',
          '2025-10-06', '2025-10-07', '2025-10-08',
        ],
        workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      },
      '2026': {
        holidays: [
          '2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
          '2026-02-21', '2026-02-22', '2026-02-23', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03',
          '2026-05-04', '2026-05-05', '2026-06-19', '2026-06-20', '2026-06-21', '2026-09-25', '2026-09-26', '2026-09-27',
          '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
        ],
        workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      },
    },
  },
  evaluation: {
    weights: { leaders: 10, peers: 10, committees: 30, villagers: 50 },
    // DOMAIN 3.7: a band with fewer than 5 raters is insufficient, for every band (one leader's
    // rating alone would tell the cadre who rated him), and the total is then withheld.
    minRaters: { leaders: 5, peers: 5, committees: 5, villagers: 5 },
    starPoints: 20,
    insufficientRule: 'withhold',
    dimensions: ['attitude', 'effectiveness', 'presence'], // 工作态度, 办事效率, 入户走访
  },
  allowance: { yuanPerVillageDay: 35 },
  supervision: { checksPerMonth: 2 },
  office: { importMaxBytes: 40 * 1024 * 1024, importMaxRows: 500_000, invitationMinutes: 30 },
  binding: { maxAccountsPerPerson: 1, minHoursBeforeJudging: 12, codeMinutes: 10, codeAttempts: 5, codesPerHour: 5 },
  // A signature drawn on a phone canvas is a few KB; a compressed phone photo ~100 KB. Both must
  // fit the API's 256 KB JSON body once base64-encoded (x 4/3).
  uploads: { signatureMaxBytes: 64 * 1024, signatureMaxSide: 2000, photoMaxBytes: 160 * 1024, photoMaxSide: 4000 },
  // ---- identity-hardening ----
  limits: { ticketsPerHour: 20, uploadsPerHour: 60, uploadBytesPerDay: 40 * 1024 * 1024, requestsPerMinutePerAddress: 1200 },
  anonymity: { minRatersShown: 5 },
  // ---- end identity-hardening ----
  // identity set-up and sessions (issue 10 items 4, 5)
  sessions: { idleMinutes: 7 * 24 * 60, loginQrMinutes: 3, setupCodeHours: 24 },
  // ---- issue 13: 1-2 stars are 差评; called back within 3 days.
  callBacks: { lowStars: 2, deadlineHours: 72 },
  // ---- wechat-notify: template ids come from the deployment (MINQING_SUBSCRIBE_TEMPLATES); the
  // fields follow the public templates 工单进度提醒 (thing1 事项, phrase2 状态, time3 时间, thing4 备注)
  // and 签字确认提醒 (name1 走访干部, time2 走访时间, thing3 说明).
  subscribe: {
    miniprogramState: 'formal',
    templates: {
      taken: { templateId: '', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } },
      escalated: { templateId: '', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } },
      resolved: { templateId: '', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } },
      confirm: { templateId: '', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } },
      visitToSign: { templateId: '', fields: { name1: 'person', time2: 'time', thing3: 'note' } },
      monthClose: { templateId: '', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } },
      // The office unbound the person's account (asked for when they bind: 回到首页 after 绑定).
      unbound: { templateId: '', fields: { thing1: 'matter', phrase2: 'status', time3: 'time', thing4: 'note' } },
    },
  },
  // The previous month closes by itself on the 5th unless the office closed it (a few days for late leave and ratings).
  monthClose: { autoDay: 5 },
  // ---- end wechat-notify
}
