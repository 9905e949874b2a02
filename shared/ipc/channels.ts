/**
 * The request channel names and nothing else. The sandboxed preload imports only this file, so it
 * bundles without zod (architecture § 3.2 #2). A test checks it equals Object.keys(requests).
 */
export const CHANNELS = [
  'app:info',
  'cases:list',
  'cases:get',
  'cases:create',
  'cases:update',
  'cases:history',
  'cases:next-sagsnr',
  'cases:reveal-cpr',
  'settings:get',
  'settings:set-municipality',
  'settings:set-current-adviser',
  'catalog:add',
  'catalog:rename',
  'catalog:update-adviser',
  'catalog:set-retired',
  'catalog:delete',
  'import:start',
  'import:status',
  'rules:list',
  'rules:get',
  'rules:create',
  'rules:update',
  'rules:set-retired',
  'rules:suggest',
  'rules:set-theme-rules',
  'recommendations:list',
  'recommendations:for-case',
  'recommendations:create',
  'recommendations:update',
  'recommendations:delete',
  'export:build',
] as const;

export type ChannelName = (typeof CHANNELS)[number];
