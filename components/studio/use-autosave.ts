"use client";
/**
 * Autosave for one draft: saves a few seconds after typing stops and when the page is hidden or
 * left, keeps every unsaved change in localStorage (so a server restart or a dropped network
 * loses nothing), and stops on a version conflict instead of overwriting someone else's work.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { RevisionData } from "@/lib/cases/schemas";
import type { FieldChange } from "@/lib/cases/mutations";

export type SaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "saving" }
  | { kind: "unsaved" }
  | { kind: "offline"; message: string }
  | { kind: "invalid"; message: string; issues: { path: string; message: string }[] }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string; currentVersion: number; changes: FieldChange[] };

export type LocalBackup = { baseVersion: number; data: RevisionData; at: string };

export const IDLE_SAVE_MS = 2500;
const RETRY_MS = 10_000;
/** Browsers cap keepalive/beacon bodies at 64 KB; bigger drafts rely on the local backup. */
const KEEPALIVE_LIMIT = 60_000;

export const backupKey = (caseId: string) => `studio-draft:${caseId}`;

export function readBackup(caseId: string): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(caseId));
    return raw ? (JSON.parse(raw) as LocalBackup) : null;
  } catch {
    return null;
  }
}

function writeBackup(caseId: string, backup: LocalBackup) {
  try {
    window.localStorage.setItem(backupKey(caseId), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server copy is then the only one; the status shows unsaved.
  }
}

export function clearBackup(caseId: string) {
  try {
    window.localStorage.removeItem(backupKey(caseId));
  } catch {
    /* nothing to clear */
  }
}

type Options = {
  caseId: string;
  initialVersion: number;
  enabled: boolean;
  /** Cleans the data for saving (drops blank rows); returns problems if it cannot be saved yet. */
  prepare: (data: RevisionData) => { data: RevisionData; issues: { path: string; message: string }[] };
};

export function useAutosave({ caseId, initialVersion, enabled, prepare }: Options) {
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const versionRef = useRef(initialVersion);
  const latestRef = useRef<RevisionData | null>(null);
  const savedJsonRef = useRef<string | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const stoppedRef = useRef(false);
  const url = `/api/studio/cases/${caseId}/draft`;
  // The page re-reads the case after submit or withdraw (router.refresh); its version is then the
  // truth, since both actions run only after everything typed was saved.
  useEffect(() => {
    versionRef.current = initialVersion;
  }, [initialVersion]);

  const body = (data: RevisionData) => JSON.stringify({ version: versionRef.current, revision: data });

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    if (inFlightRef.current) await inFlightRef.current;
    const latest = latestRef.current;
    if (!latest || stoppedRef.current) return !stoppedRef.current && savedJsonRef.current !== null;
    const prepared = prepare(latest);
    const json = JSON.stringify(prepared.data);
    if (json === savedJsonRef.current) return true;
    if (prepared.issues.length > 0) {
      setState({ kind: "invalid", message: "Not saved yet: fix the fields marked below. Your changes are kept in this browser.", issues: prepared.issues });
      return false;
    }
    const run = (async () => {
      setState({ kind: "saving" });
      try {
        const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: body(prepared.data) });
        const result = await response.json().catch(() => null);
        const settle = (version: number, at: string | null) => {
          versionRef.current = version;
          savedJsonRef.current = json;
          if (latestRef.current && JSON.stringify(prepare(latestRef.current).data) === json) {
            clearBackup(caseId);
            setState({ kind: "saved", at });
          } else {
            // More was typed while this save was in flight.
            writeBackup(caseId, { baseVersion: versionRef.current, data: latestRef.current!, at: new Date().toISOString() });
            setState({ kind: "unsaved" });
            if (timerRef.current) clearTimeout(timerRef.current);
            timerRef.current = setTimeout(() => void saveNow(), IDLE_SAVE_MS);
          }
          return true;
        };
        if (response.ok && result?.ok) return settle(result.version, result.savedAt);
        if (result?.code === "conflict" && Array.isArray(result.changes) && result.changes.length === 0) {
          // The newer save holds exactly this content (typically this page's own keepalive save from
          // before a reload): nothing to lose either way, so take its version and carry on.
          return settle(result.currentVersion, result.updatedAt ?? null);
        }
        if (result?.code === "conflict") {
          stoppedRef.current = true;
          setState({ kind: "conflict", message: result.message, currentVersion: result.currentVersion, changes: result.changes ?? [] });
          return false;
        }
        if (result?.code === "invalid") {
          setState({ kind: "invalid", message: result.message, issues: result.issues ?? [] });
          return false;
        }
        setState({ kind: "error", message: result?.message ?? "The draft could not be saved. Your changes are kept in this browser." });
        return false;
      } catch {
        setState({ kind: "offline", message: "Not saved: the server cannot be reached. Your changes are kept in this browser and will be saved when it is back." });
        timerRef.current = setTimeout(() => void saveNow(), RETRY_MS);
        return false;
      }
    })();
    inFlightRef.current = run;
    try {
      return await run;
    } finally {
      inFlightRef.current = null;
    }
  }, [caseId, prepare, url]);

  /** Call on every change. */
  const changed = useCallback(
    (data: RevisionData) => {
      latestRef.current = data;
      if (!enabled) return;
      writeBackup(caseId, { baseVersion: versionRef.current, data, at: new Date().toISOString() });
      if (stoppedRef.current) return;
      setState((s) => (s.kind === "saving" ? s : { kind: "unsaved" }));
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void saveNow(), IDLE_SAVE_MS);
    },
    [caseId, enabled, saveNow],
  );

  /** The server copy the page was loaded with; nothing to save until it changes. */
  const setBaseline = useCallback(
    (data: RevisionData) => {
      latestRef.current = data;
      savedJsonRef.current = JSON.stringify(prepare(data).data);
    },
    [prepare],
  );

  /** After a conflict: keep my copy and save it over the newer one, on purpose. */
  const overwrite = useCallback(
    async (currentVersion: number) => {
      versionRef.current = currentVersion;
      stoppedRef.current = false;
      savedJsonRef.current = null;
      return saveNow();
    },
    [saveNow],
  );

  useEffect(() => {
    if (!enabled) return;
    const dirty = () => {
      const latest = latestRef.current;
      return !!latest && !stoppedRef.current && JSON.stringify(prepare(latest).data) !== savedJsonRef.current;
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden" && dirty()) void saveNow();
    };
    const onPageHide = () => {
      if (!dirty()) return;
      const prepared = prepare(latestRef.current!);
      if (prepared.issues.length > 0) return;
      const payload = body(prepared.data);
      if (payload.length > KEEPALIVE_LIMIT) return; // the local backup holds it
      // keepalive lets the request outlive the page; the response is not needed.
      void fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: payload, keepalive: true }).catch(() => {
        navigator.sendBeacon?.(url, new Blob([payload], { type: "application/json" }));
      });
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty()) e.preventDefault();
    };
    document.addEventListener("visibilitychange", onHidden);
    const timers = timerRef;
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the editor inside the app (a link): save what is pending right away.
      if (timers.current) clearTimeout(timers.current);
      if (dirty()) onPageHide();
    };
  }, [enabled, prepare, saveNow, url]);

  return { state, changed, saveNow, setBaseline, overwrite, version: () => versionRef.current };
}
