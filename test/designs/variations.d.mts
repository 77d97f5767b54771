/** Types of variations.mjs (the design generator's data), for the TypeScript tests. */
export declare const AXES: Record<string, { values: readonly (string | number)[]; meaning: string }>;
export declare const HEADINGS: Record<'auteurs' | 'contexte' | 'problematique' | 'clesPourAgir' | 'temoignage' | 'chiffres' | 'allerPlusLoin', readonly string[]>;
export declare const TUTOR_HEADINGS: readonly { one: string; many: string }[];
export declare const PROJECT_LABELS: Record<string, (n: number) => string>;
export declare const SOMMAIRE_HEADINGS: readonly string[];
export declare const ROSTER_TITLES: readonly string[];
export declare const ROSTER_HEADINGS: readonly string[];
export declare const TEAM_TABLE_HEADERS: { nom: string; prenom: string; corps: string; email: string };
export declare const COVER_LINES: readonly string[];
export declare const ALL_HEADINGS: Record<string, readonly string[]>;
export declare const FORM_AXES: Record<string, { values: readonly string[]; default: string; meaning: string }>;
export declare const WIDE_AXES: Record<string, { values: readonly string[]; default: string; meaning: string }>;
export declare const CORPS_LABELS: Record<string, string>;
export declare const SOMMAIRE_TABLE_HEADERS: { numero: string; titre: string; collectivite: string; page: string };
