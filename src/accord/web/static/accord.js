// Accord's only script: small enhancements; every page works without it.
"use strict";

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

// The document page: clicking a highlighted span marks it and its item card.
function setUpHighlights() {
  const text = document.querySelector(".source-text");
  if (!text) return;
  text.addEventListener("click", (event) => {
    const span = event.target.closest("a.hl");
    if (!span) return;
    document.querySelectorAll(".hl.active, .item-card.active").forEach((el) => el.classList.remove("active"));
    document.querySelectorAll(`a.hl[data-item="${span.dataset.item}"]`).forEach((el) => el.classList.add("active"));
    span.dataset.items.split(" ").forEach((index) => {
      const card = document.getElementById(`item-${index}`);
      if (card) card.classList.add("active");
    });
  });
}

// Forms that ask before doing something hard to undo (data-confirm="...").
function setUpConfirmations() {
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
}

// The upload page: send the files with a progress bar, then follow the ingest file by file.
function setUpUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const bar = document.getElementById("upload-progress");
  const stateLine = document.getElementById("upload-state");
  const log = document.getElementById("upload-log");

  function show(message) {
    stateLine.textContent = message;
  }

  function addLine(text, failed) {
    const item = document.createElement("li");
    item.textContent = text;
    if (failed) item.className = "failed";
    log.appendChild(item);
  }

  function follow(url) {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => response.json())
      .then((job) => {
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        show(`Ingesting: ${job.done} of ${job.total} file(s) done (${job.state}).`);
        log.textContent = "";
        job.events.forEach((event) => {
          const document = event.document ? ` (${event.document})` : "";
          addLine(`${event.file}: ${event.status}${document}${event.error ? " — " + event.error : ""}`, event.status === "failed");
        });
        if (job.state === "running" || job.state === "queued") {
          window.setTimeout(() => follow(url), 700);
        } else {
          show(`Done: ${job.done} of ${job.total} file(s). ${job.followups} follow-up suggestion(s) proposed.`);
          const links = document.getElementById("upload-links");
          if (links) links.hidden = false;
        }
      })
      .catch(() => show("Lost contact with the server; reload the page to see the result."));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.dataset.api);
    request.setRequestHeader("X-CSRF-Token", csrfToken());
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) {
        bar.max = progress.total;
        bar.value = progress.loaded;
        show(`Uploading: ${Math.round((progress.loaded / progress.total) * 100)}%`);
      }
    });
    request.addEventListener("load", () => {
      let body = {};
      try {
        body = JSON.parse(request.responseText);
      } catch (error) {
        body = {};
      }
      if (request.status >= 400) {
        show(body.error ? body.error.message : `Upload refused (${request.status}).`);
        return;
      }
      show("Uploaded; ingesting…");
      follow(body.url);
    });
    request.addEventListener("error", () => show("The upload failed: the server could not be reached."));
    form.querySelector("button[type=submit]").disabled = true;
    request.send(new FormData(form));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpHighlights();
  setUpConfirmations();
  setUpUpload();
});
