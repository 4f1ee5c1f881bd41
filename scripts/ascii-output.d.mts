/** Types for ascii-output.mjs, which esbuild.mjs imports as plain JavaScript. */
export declare function escapeNonAscii(code: string, file: string): { code: string; escaped: (number[] | undefined)[] };
export declare function moveMappings(mappings: string, escaped: readonly (number[] | undefined)[]): string;
export declare function asciiOutput(writeFile: (file: string, contents: string | Uint8Array) => void): { name: string; setup(build: unknown): void };
