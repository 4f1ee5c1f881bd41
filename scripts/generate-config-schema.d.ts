export declare const SCHEMA_FILE: string;
export declare function configSchema(): object;
export declare const schemaText: () => string;
