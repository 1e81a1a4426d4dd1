import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordProblem, PASSWORD_MAX_LENGTH } from "./password-rules";

describe("password rules", () => {
  it("wants 12 to 128 characters, counted as a person sees them", () => {
    expect(passwordProblem("short pass")).toMatch(/at least 12/);
    expect(passwordProblem("a".repeat(5) + "🙂🙂🙂🙂🙂🙂")).toMatch(/at least 12/); // 11 characters, 17 UTF-16 units
    expect(passwordProblem("x".repeat(PASSWORD_MAX_LENGTH + 1))).toMatch(/at most 128/);
    expect(passwordProblem("plum violin 7 harbour")).toBeNull();
  });

  it("has no composition rules: lower-case words with spaces are fine", () => {
    expect(passwordProblem("staple battery horse correct")).toBeNull();
  });

  it("refuses passwords from the shipped common list, also padded with digits or repeated", () => {
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true); // on the list itself
    expect(isCommonPassword("QWERTY123456")).toBe(true); // case does not help
    expect(isCommonPassword("password1234")).toBe(true); // "password" + digits
    expect(isCommonPassword("!!dragon2024!!")).toBe(true);
    expect(isCommonPassword("passwordpassword")).toBe(true);
    expect(isCommonPassword("aaaaaaaaaaaa")).toBe(true);
    expect(passwordProblem("iloveyou1234")).toMatch(/too common/);
    expect(isCommonPassword("plum violin 7 harbour")).toBe(false);
  });

  it("refuses the email address as the password", () => {
    expect(passwordProblem("someone.long@example.org", { email: "Someone.Long@example.org" })).toMatch(/email/);
  });
});
