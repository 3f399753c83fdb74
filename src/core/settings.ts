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
  evaluation: {
    /** [H] 1135: leaders 10%, peers 10%, committees + representatives 30%, villagers 50%. */
    weights: { leaders: number; peers: number; committees: number; villagers: number }
    /** A band with fewer raters than this is "insufficient". */
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
    attachments: { maxPhotos: 9, maxPhotoBytes: 5 * 1024 * 1024, maxVoiceBytes: 2 * 1024 * 1024, maxVoiceSeconds: 60 },
  },
  visits: { signOffWindowHours: 24 },
  signIn: { slots: { morning: 8 * 60, afternoon: 14 * 60 + 30, evening: 19 * 60 + 30 }, windowMinutes: 30 },
  rule543: { workDays: 5, nights: 4, villageDays: 3 },
  evaluation: {
    weights: { leaders: 10, peers: 10, committees: 30, villagers: 50 },
    minRaters: { leaders: 1, peers: 3, committees: 3, villagers: 5 },
    starPoints: 20,
    insufficientRule: 'renormalize',
    dimensions: ['attitude', 'effectiveness', 'presence'], // 工作态度, 办事效率, 入户走访
  },
  allowance: { yuanPerVillageDay: 35 },
  supervision: { checksPerMonth: 2 },
  office: { importMaxBytes: 40 * 1024 * 1024, importMaxRows: 500_000, invitationMinutes: 30 },
  binding: { maxAccountsPerPerson: 1, minHoursBeforeJudging: 12, codeMinutes: 10, codeAttempts: 5, codesPerHour: 5 },
  // A signature drawn on a phone canvas is a few KB; a compressed phone photo ~100 KB. Both must
  // fit the API's 256 KB JSON body once base64-encoded (x 4/3).
  uploads: { signatureMaxBytes: 64 * 1024, signatureMaxSide: 2000, photoMaxBytes: 160 * 1024, photoMaxSide: 4000 },
  // identity set-up and sessions (issue 10 items 4, 5)
  sessions: { idleMinutes: 7 * 24 * 60, loginQrMinutes: 3, setupCodeHours: 24 },
  // ---- issue 13: 1-2 stars are 差评; called back within 3 days.
  callBacks: { lowStars: 2, deadlineHours: 72 },
}
