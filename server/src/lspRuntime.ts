/**
 * @file vscode-languageserver for the desktop server's two bundles, as a bundle of its own
 * (server/out/lsp.js): server.ts answers `initialize` with it and serverSession.ts serves the rest
 * with it, so both hold the same connection and the library is loaded once (esbuild.mjs).
 */
export * from 'vscode-languageserver/node';
