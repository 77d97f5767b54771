/** Types of render.mjs, for the TypeScript tests. */
export declare function sentenceCase(text: string): string;
export declare function textHtml(text: string): string;
export declare function renderDesign(doc: unknown, choices: Record<string, unknown>, pages: Map<number, number>): string;
export declare function printsCorpsTable(choices: Record<string, unknown>, form: unknown): boolean;
