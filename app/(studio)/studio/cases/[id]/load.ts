import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/auth/policy";

/** Turns the loaders' NotFoundError into Next's 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
