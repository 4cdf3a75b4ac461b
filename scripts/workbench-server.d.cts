export declare const WORKBENCH_DIR: string;
export declare const ADDIN_DIR: string;
export declare function startWorkbenchServer(port?: number): Promise<{ url: string; close(): Promise<void> }>;
