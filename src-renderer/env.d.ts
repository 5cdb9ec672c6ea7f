/// <reference types="vite/client" />
import type { OcopBridge } from '../src-main/shared/bridge'

declare global {
  interface Window {
    /** Present only inside the Electron shell (preload); browser mode talks HTTP. */
    ocop?: OcopBridge
  }
}
export {}
