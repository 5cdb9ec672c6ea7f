// Types of netns.mjs for the TypeScript bench (bench/lan.ts).
export interface Namespace {
  name: string
  vethHost: string
  vethNs: string
  hostIp: string
  nsIp: string
  remove(): void
}
export declare const ip: (...args: string[]) => string
export declare function createNamespace(prefix: string, subnet: string): Namespace | { unavailable: string }
