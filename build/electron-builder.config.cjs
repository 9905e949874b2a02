/**
 * electron-builder 26 configuration for Ombud's installers.
 *
 *   npm run build && npx electron-builder --config build/electron-builder.config.cjs --win msi nsis
 *   npm run build && npx electron-builder --config build/electron-builder.config.cjs --linux AppImage deb
 *
 * (`npm run dist:win` / `npm run dist:linux` do exactly that.) Installers land in release/.
 * `npm run package:check` validates this file against electron-builder's own schema and checks what
 * the package would contain (build/scripts/package-check.mjs), without an Electron binary.
 *
 * Why each choice:
 * - publish: null – no auto-update. Municipal IT deploys and upgrades centrally (group policy,
 *   Intune, SCCM); an app that updates itself would bypass their change control.
 * - msi.upgradeCode is FIXED forever: Windows Installer recognises a newer Ombud MSI as an upgrade of
 *   the installed one only when the UpgradeCode is the same, so it replaces it instead of installing
 *   a second copy. Never change it.
 * - perMachine installs (Program Files) because advisers have no admin rights; IT installs once per PC.
 * - User data stays where Electron puts it (app.getPath('userData'): %APPDATA%\Ombud,
 *   ~/.config/Ombud; electron/services/paths.ts computes the same folder) – outside the install
 *   folder, so upgrades and uninstalls never touch the database, its key or the backups
 *   (nsis.deleteAppDataOnUninstall: false; the MSI never removes per-user data).
 * - files: only what runs. The bundles in dist/electron and dist/renderer (without their source
 *   maps), package.json, and the production node_modules that the bundles load at run time
 *   (see build/scripts/package-check.mjs RUNTIME_MODULES), trimmed of sources, docs and tests.
 * - The SQLite driver's .node file is unpacked from app.asar (a native module cannot be loaded from
 *   inside an archive) and is rebuilt for Electron by the afterPack hook (build/scripts/after-pack.cjs),
 *   which also fails the build if it does not export node_register_module_v<Electron's ABI>.
 *   npmRebuild is off so electron-builder never rebuilds node_modules in place.
 */
'use strict';
const { version } = require('../package.json');

/** Windows Installer UpgradeCode of Ombud. Fixed for all versions: see above. */
const MSI_UPGRADE_CODE = '2373DB39-E29D-461D-90FF-282CC0FC5519';

/**
 * Production dependencies the installed app never loads, left out of the package. The package check
 * (build/scripts/package-check.mjs) fails if a bundle loads one of them or a packaged package
 * depends on one.
 */
const NOT_AT_RUN_TIME = [
  // Bundled into main.cjs/backend.cjs by esbuild (build/scripts/build.mjs), with what only they use.
  'd3-scale', 'd3-array', 'd3-color', 'd3-format', 'd3-interpolate', 'd3-time', 'd3-time-format', 'internmap',
  'zod', 'pdf-lib', '@pdf-lib/fontkit', '@pdf-lib/standard-fonts', '@pdf-lib/upng',
  // tsx runs the TypeScript sources in development and the tests; esbuild comes with it.
  'tsx', 'esbuild', '@esbuild/*',
  // The driver's install script (downloads a prebuilt Node binary); the package gets an Electron build in afterPack.
  'prebuild-install',
];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dk.ombud.desk',
  productName: 'Ombud',
  copyright: 'Copyright © Ombud',
  buildVersion: version,
  directories: {
    output: 'release',
    buildResources: 'build/resources',
  },
  // The publisher Windows shows under "Apps" and in the installer (app-builder-lib takes it from the
  // package's author); package.json itself stays free of it because it is private.
  extraMetadata: {
    main: 'dist/electron/main.cjs',
    author: { name: 'Ombud', email: 'it@ombud.dk' },
  },
  publish: null,
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: 'build/scripts/after-pack.cjs',
  asar: true,
  asarUnpack: ['**/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'],
  files: [
    'package.json',
    'dist/electron/main.cjs',
    'dist/electron/backend.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/**/*',
    '!**/*.map',
    ...NOT_AT_RUN_TIME.map((name) => `!**/node_modules/${name}{,/**/*}`),
    // The driver's C sources and the Node build's leftovers (the .node file is replaced in afterPack).
    '!**/node_modules/better-sqlite3-multiple-ciphers/{deps,src,docs}{,/**/*}',
    '!**/node_modules/better-sqlite3-multiple-ciphers/build/{deps,Release/obj,Release/obj.target,Release/.deps}{,/**/*}',
    '!**/node_modules/better-sqlite3-multiple-ciphers/build/{config.gypi,Makefile,*.mk,Release/*.a,Release/test_extension.node}',
    // Only the TTF fonts of Source Sans are read (electron/pdf/fonts.ts).
    '!**/node_modules/source-sans/{OTF,VF,WOFF,WOFF2}{,/**/*}',
    '!**/node_modules/source-sans/*.css',
    // Nothing that only documents, tests or types a package.
    '!**/node_modules/**/{test,tests,__tests__,spec,coverage,docs,doc,example,examples,.github}{,/**/*}',
    '!**/node_modules/**/*.{map,ts,mts,cts,md,markdown}',
    '!**/node_modules/**/{Makefile,binding.gyp,*.gypi,*.mk}',
  ],
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
  },
  win: {
    target: ['msi', 'nsis'],
    icon: 'build/resources/icons/icon.ico',
    artifactName: '${productName}-${version}.${ext}',
  },
  msi: {
    perMachine: true,
    oneClick: true,
    upgradeCode: MSI_UPGRADE_CODE,
    createDesktopShortcut: false,
    createStartMenuShortcut: true,
    runAfterFinish: false,
    artifactName: '${productName}-${version}.${ext}',
  },
  nsis: {
    perMachine: true,
    oneClick: false,
    allowToChangeInstallationDirectory: true,
    allowElevation: true,
    installerLanguages: ['da_DK'],
    language: '1030',
    multiLanguageInstaller: false,
    deleteAppDataOnUninstall: false,
    runAfterFinish: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/resources/icons',
    category: 'Office',
    maintainer: 'Ombud <it@ombud.dk>',
    vendor: 'Ombud',
    synopsis: 'Sagsbehandling for kommunale borgerrådgivere',
    description: 'Ombud – sagsbehandling for kommunale borgerrådgivere (kommunestyrelseslovens § 65 e).',
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  deb: {
    artifactName: '${name}_${version}_${arch}.${ext}',
  },
};
