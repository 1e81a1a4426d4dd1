export * from "./sdgs";
export * from "./taxonomy";
export * from "./cities";
export * from "./users";
export * from "./cases";
export * from "./community";
export * from "./audit";
export * from "./search";
