/**
 * The defaults of `jixiao review` and `jixiao export`, in a module of their own so that the command line can
 * describe its options without loading the server.
 */
export const DEFAULT_REVIEW_HOST = '127.0.0.1';
export const DEFAULT_REVIEW_PORT = 8377;

export const EXPORT_FILE_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];
