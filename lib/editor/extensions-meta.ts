/** Shared constants of the rich-text format, free of editor code so the server check stays light. */
export const HEADING_LEVELS = [2, 3, 4] as const;
