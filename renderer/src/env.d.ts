/** The preload (or the preview/test bridge) puts exactly one object on window: the typed IPC API. */
import type { RendererApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    api: RendererApi;
  }
}

export {};
