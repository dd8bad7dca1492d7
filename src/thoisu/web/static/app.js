// thoisu serve: progressive enhancement only; every page works without it.
"use strict";

// An ingest job page follows its job until it has finished, then reloads once to
// list the new articles.
function followJob(box) {
  const id = box.dataset.job;
  const state = document.getElementById("job-state");
  const tick = () => {
    fetch("/api/jobs/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((job) => {
        state.textContent = job.state;
        document.getElementById("job-pages").textContent = job.pages;
        document.getElementById("job-articles").textContent = job.articles;
        if (job.state === "done" || job.state === "failed") {
          window.location.reload();
        } else {
          setTimeout(tick, 700);
        }
      })
      .catch(() => setTimeout(tick, 2000));
  };
  setTimeout(tick, 500);
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("job");
  if (box && (box.dataset.state === "queued" || box.dataset.state === "running")) {
    followJob(box);
  }
  // a line reached by its anchor is centred, not stuck under the top edge
  if (window.location.hash.startsWith("#L")) {
    const el = document.getElementById(window.location.hash.slice(1));
    if (el) el.scrollIntoView({ block: "center" });
  }
});
