/**
 * The Quy chế schema lives in src-main/shared/quy-che.ts because the API contract stores it on councils and the
 * contract may import only shared code; the rating engine keeps importing it from here.
 */
export * from '../shared/quy-che'
