/** The package version, set by the bundler from package.json (tests that run unbundled see "dev"). */
declare const NETLENS_VERSION: string | undefined;
export const VERSION: string = typeof NETLENS_VERSION === 'string' ? NETLENS_VERSION : 'dev';
