/** Injected by the bundler (scripts/build-main.ts) from package.json. */
declare const __APP_VERSION__: string;
