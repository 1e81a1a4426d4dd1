import type { z } from "zod";
import type {
  contactSchema,
  fundingSourceSchema,
  mediaItemSchema,
  milestoneSchema,
  obstacleSchema,
  referenceSchema,
  resultIndicatorSchema,
  SectionKey,
  stakeholderSchema,
  staffSchema,
  translationSchema,
} from "./schemas";
import type { TiptapDoc } from "../editor/allowlist";

export type Sections = Partial<Record<SectionKey, TiptapDoc>>;
export type FundingSource = z.output<typeof fundingSourceSchema>;
export type StaffDetails = z.output<typeof staffSchema>;
export type Stakeholder = z.output<typeof stakeholderSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Obstacle = z.output<typeof obstacleSchema>;
export type ResultIndicator = z.output<typeof resultIndicatorSchema>;
export type Contact = z.output<typeof contactSchema>;
export type MediaItem = z.output<typeof mediaItemSchema>;
export type Reference = z.output<typeof referenceSchema>;
export type Translations = Record<string, z.output<typeof translationSchema>>;
