// The archive view's "Remove old stories": a count first, a confirmation that shows it, then
// the prune and the compaction; errors inline. The Rust side is mocked at `invoke`.
import { beforeEach, describe, expect, it, vi } from "vitest";

import { calls, handlers, resetInvoke } from "./invoke-mock";
vi.mock("@tauri-apps/api/core", async () => ({ invoke: (await import("./invoke-mock")).invoke }));

const { createPruneForm, sizeText } = await import("../src/views/prune");

const flush = async () => {
  for (let i = 0; i < 6; i++) await new Promise((r) => setTimeout(r, 0));
};
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const names = () => calls.map(([n]) => n);

let refreshed = 0;
function mount() {
  document.body.replaceChildren();
  const form = createPruneForm(async () => {
    refreshed += 1;
  });
  form.setAgencies(["AP", "Reuters", null]);
  document.body.appendChild(form.el);
  return form;
}

function submit(before: string, agency = "") {
  $<HTMLInputElement>("prune-before")!.value = before;
  $<HTMLSelectElement>("prune-agency")!.value = agency;
  $("prune-count")!.closest("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
}

beforeEach(() => {
  resetInvoke();
  refreshed = 0;
  handlers["prune_plan"] = () => ({ stories: 1200, remaining: 300, citedByChecks: 2, oldest: "2019-01-01T08:00:00Z", newest: "2019-12-28T08:00:00Z" });
  handlers["prune_stories"] = () => ({ stories: 1200, postings: 44000, keptForHistory: 2, remaining: 300, freeBytes: 3_000_000 });
  handlers["compact_archive"] = () => ({ bytesBefore: 9_000_000, bytesAfter: 5_800_000, bytesFreed: 3_200_000 });
});

describe("remove old stories", () => {
  it("counts first, removes nothing until the count is confirmed, then prunes and compacts", async () => {
    mount();
    submit("2020-01-01", "Reuters");
    await flush();
    expect(calls).toEqual([["prune_plan", { request: { before: "2020-01-01", agency: "Reuters" } }]]);
    expect($("prune-confirm")?.hidden).toBe(false);
    expect($("prune-count-text")?.textContent).toMatch(/Remove 1,200 Reuters stories published before 2020-01-01 \(2019-01-01 to 2019-12-28\)\?/);
    expect($("prune-count-text")?.textContent).toMatch(/2 are sources of saved checks/);
    expect($("prune-confirm-yes")?.textContent).toBe("Remove 1,200 stories");

    $("prune-confirm-yes")!.click();
    await flush();
    expect(names()).toEqual(["prune_plan", "prune_stories", "compact_archive"]);
    expect(calls[1]).toEqual(["prune_stories", { request: { before: "2020-01-01", agency: "Reuters" } }]);
    expect(refreshed).toBe(1);
    expect($("prune-confirm")?.hidden).toBe(true);
    expect($("prune-status")?.textContent).toMatch(/Removed 1,200 stories; 300 remain\. The archive is 3\.2 MB smaller\./);
    expect($("prune-status")?.textContent).toMatch(/2 stories cited by saved checks stay in History/);
  });

  it("keeps everything when the editor says keep", async () => {
    mount();
    submit("2020-01-01");
    await flush();
    expect(calls[0]).toEqual(["prune_plan", { request: { before: "2020-01-01", agency: null } }]);
    $("prune-confirm-no")!.click();
    await flush();
    expect(names()).toEqual(["prune_plan"]);
    expect($("prune-confirm")?.hidden).toBe(true);
    expect(refreshed).toBe(0);
  });

  it("says so when nothing is that old, and offers no removal", async () => {
    handlers["prune_plan"] = () => ({ stories: 0, remaining: 14, citedByChecks: 0, oldest: null, newest: null });
    mount();
    submit("1990-01-01", "AP");
    await flush();
    expect($("prune-status")?.textContent).toBe("No AP stories published before 1990-01-01.");
    expect($("prune-confirm-yes")).toBeNull();
  });

  it("asks for a day without calling the backend, and shows the backend's refusal inline", async () => {
    mount();
    submit("");
    await flush();
    expect(calls).toHaveLength(0);
    expect($("prune-status")?.textContent).toMatch(/Choose the day/);

    handlers["prune_plan"] = () => {
      throw { code: "invalid_input", message: "the date \"2120-01-01\" is not a day written YYYY-MM-DD, 1900 to 2099" };
    };
    submit("2120-01-01");
    await flush();
    expect($("prune-status")?.textContent).toMatch(/not a day written YYYY-MM-DD/);
    expect($("prune-confirm")?.hidden).toBe(true);
  });

  it("shows a failed prune inline and leaves the counts alone", async () => {
    handlers["prune_stories"] = () => {
      throw { code: "archive_busy", message: "the archive is busy" };
    };
    mount();
    submit("2020-01-01");
    await flush();
    $("prune-confirm-yes")!.click();
    await flush();
    expect(names()).toEqual(["prune_plan", "prune_stories"]);
    expect(refreshed).toBe(0);
    expect($("prune-status")?.textContent).toMatch(/try again/);
  });

  it("offers the archive's agencies, keeping the one chosen", () => {
    const form = mount();
    const menu = $<HTMLSelectElement>("prune-agency")!;
    expect([...menu.options].map((o) => o.value)).toEqual(["", "AP", "Reuters"]);
    menu.value = "AP";
    form.setAgencies(["AP", "AFP"]);
    expect(menu.value).toBe("AP");
    form.setAgencies(["AFP"]);
    expect(menu.value).toBe("");
  });

  it("writes sizes as an editor reads them", () => {
    expect(sizeText(3_200_000)).toBe("3.2 MB");
    expect(sizeText(640_000)).toBe("640 kB");
    expect(sizeText(1)).toBe("1 byte");
    expect(sizeText(2_500_000_000)).toBe("2.5 GB");
  });
});
