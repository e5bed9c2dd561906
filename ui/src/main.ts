// Entry point: builds the shell, registers the views, wires file drops to the archive.

import "./style.css";
import { App } from "./app";
import { h } from "./dom";
import { onFileDrop } from "./events";
import { createArchiveView } from "./views/archive";
import { createAuditView } from "./views/audit";
import { createCheckView } from "./views/check";
import { createCompareView } from "./views/compare";
import { createHistoryView } from "./views/history";
import { createReviewView } from "./views/review";
import { createSettingsView } from "./views/settings";

const root = document.getElementById("app");
if (root) {
  const app = new App(root);
  const archive = createArchiveView(app);
  app.register("check", createCheckView(app));
  app.register("review", createReviewView(app));
  app.register("history", createHistoryView(app));
  app.register("archive", archive);
  app.register("settings", createSettingsView(app));
  const compare = createCompareView(app);
  app.register("compare", compare);
  const audit = createAuditView(app);
  app.register("audit", audit);
  app.go("check");

  const dropHint = h("div", { class: "drop-overlay", hidden: true, "aria-hidden": "true" }, "Drop files or folders to import them into the archive");
  document.body.appendChild(dropHint);
  void onFileDrop({
    hover: (over) => {
      dropHint.textContent =
        app.current === "compare"
          ? "Drop a file on the Article or on the Wire story"
          : app.current === "audit"
            ? "Drop a folder (or an export) to audit it"
            : "Drop files or folders to import them into the archive";
      dropHint.hidden = !over;
    },
    drop: (paths, at) => {
      // On Compare, a dropped file fills the area it is dropped on; elsewhere drops import.
      if (app.current === "compare") {
        void compare.dropFiles(paths, document.elementFromPoint(at.x, at.y));
        return;
      }
      // On Audit, a dropped folder is the one to audit.
      if (app.current === "audit") {
        void audit.dropPaths(paths);
        return;
      }
      app.go("archive");
      void archive.importPaths(paths);
    },
  });
}
