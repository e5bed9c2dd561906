// Generated from src-tauri/src by the bindings test; do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p wirecheck-app bindings

import { invoke } from "@tauri-apps/api/core";
import type { ArchiveOverview, AuditExport, AuditOutcome, AuditPlan, AuditRequest, AuditResults, CheckRequest, CheckResult, CompactSummary, CompareRequest, CompareStoredRequest, DecideRequest, Decision, DemoArticle, ImportSummary, PrunePlan, PruneRequest, PruneSummary, SavedCheck, Settings, StoredStory, Story, StorySummary, WatchStatus } from "./bindings";

export function checkArticle(request: CheckRequest): Promise<CheckResult> {
  return invoke("check_article", { request });
}

export function compareTexts(request: CompareRequest): Promise<CheckResult> {
  return invoke("compare_texts", { request });
}

export function compareStored(request: CompareStoredRequest): Promise<CheckResult> {
  return invoke("compare_stored", { request });
}

export function addComparedStory(checkId: number): Promise<StoredStory> {
  return invoke("add_compared_story", { checkId });
}

export function readDroppedFile(path: string): Promise<string> {
  return invoke("read_dropped_file", { path });
}

export function htmlToText(html: string): Promise<string> {
  return invoke("html_to_text", { html });
}

export function demoArticles(): Promise<Array<DemoArticle>> {
  return invoke("demo_articles");
}

export function archiveOverview(): Promise<ArchiveOverview> {
  return invoke("archive_overview");
}

export function importPaths(paths: Array<string>): Promise<ImportSummary> {
  return invoke("import_paths", { paths });
}

export function loadDemo(): Promise<ImportSummary> {
  return invoke("load_demo");
}

export function searchStories(query: string, limit: number, language: string | null = null): Promise<Array<StorySummary>> {
  return invoke("search_stories", { query, limit, language });
}

export function listStories(agency: string | null, limit: number, offset: number, language: string | null = null): Promise<Array<StorySummary>> {
  return invoke("list_stories", { agency, limit, offset, language });
}

export function getStory(id: number): Promise<Story> {
  return invoke("get_story", { id });
}

export function removeStory(id: number): Promise<null> {
  return invoke("remove_story", { id });
}

export function prunePlan(request: PruneRequest): Promise<PrunePlan> {
  return invoke("prune_plan", { request });
}

export function pruneStories(request: PruneRequest): Promise<PruneSummary> {
  return invoke("prune_stories", { request });
}

export function compactArchive(): Promise<CompactSummary> {
  return invoke("compact_archive");
}

export function listChecks(limit: number, offset: number): Promise<Array<SavedCheck>> {
  return invoke("list_checks", { limit, offset });
}

export function openCheck(id: number): Promise<CheckResult> {
  return invoke("open_check", { id });
}

export function deleteCheck(id: number): Promise<null> {
  return invoke("delete_check", { id });
}

export function decide(request: DecideRequest): Promise<Decision> {
  return invoke("decide", { request });
}

export function clearDecision(checkId: number, sourceId: number): Promise<null> {
  return invoke("clear_decision", { checkId, sourceId });
}

export function getSettings(): Promise<Settings> {
  return invoke("get_settings");
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return invoke("save_settings", { settings });
}

export function exportHtml(checkId: number, path: string): Promise<string> {
  return invoke("export_html", { checkId, path });
}

export function exportJson(checkId: number, path: string): Promise<string> {
  return invoke("export_json", { checkId, path });
}

export function watchStatus(): Promise<WatchStatus> {
  return invoke("watch_status");
}

export function addWatchedFolder(path: string, agency: string | null): Promise<WatchStatus> {
  return invoke("add_watched_folder", { path, agency });
}

export function removeWatchedFolder(path: string): Promise<WatchStatus> {
  return invoke("remove_watched_folder", { path });
}

export function setWatchEnabled(path: string, enabled: boolean): Promise<WatchStatus> {
  return invoke("set_watch_enabled", { path, enabled });
}

export function planAudit(input: string, outDir: string | null = null): Promise<AuditPlan> {
  return invoke("plan_audit", { input, outDir });
}

export function startAudit(request: AuditRequest): Promise<AuditOutcome> {
  return invoke("start_audit", { request });
}

export function cancelAudit(): Promise<boolean> {
  return invoke("cancel_audit");
}

export function auditResults(outDir: string, limit: number): Promise<AuditResults> {
  return invoke("audit_results", { outDir, limit });
}

export function openAuditRow(outDir: string, offset: number, name: string): Promise<CheckResult> {
  return invoke("open_audit_row", { outDir, offset, name });
}

export function exportAudit(outDir: string, folder: string): Promise<AuditExport> {
  return invoke("export_audit", { outDir, folder });
}
