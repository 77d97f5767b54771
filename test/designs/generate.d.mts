/** Types of generate.mjs, for the TypeScript tests. */
export type DesignChoices = Record<string, unknown> & { id: string; nameOrder: string; headings: Record<string, number> };
export declare function random(seed: number): () => number;
export declare function drawDesigns(seed: number, count: number): DesignChoices[];
export declare function generate(content: string, design: DesignChoices, outDir: string): { folder: string; pageCount: number; size: number };
export declare const FRESH_SET: number;
export declare function freshDesign(seed: number): DesignChoices;
