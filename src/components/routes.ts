/** Pages more than one feature links to: a cadre's record (cadre subpackage) and the cadres list (office subpackage). */
export const RECORD_PAGE = '/subpackages/cadre/pages/record/index'
export const CADRES_PAGE = '/subpackages/office/cadres/index'
export const recordUrl = (cadreId: string): string => `${RECORD_PAGE}?cadreId=${encodeURIComponent(cadreId)}`
