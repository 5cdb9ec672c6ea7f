/**
 * The documents' input DTOs live in src-main/shared/documents.ts because the API contract takes them and the
 * contract may import only shared code; the builders import them from here.
 */
export * from '../shared/documents'
