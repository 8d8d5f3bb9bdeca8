declare const __APP_VERSION__: string | undefined;

/** The version esbuild stamps into the build; tests and tsx runs see the development marker. */
export function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
}
