"use strict";
// The trainer's page: polls the room's state every second and redraws what changed; every
// action is confirmed in a dialog, then sent with the room's token in the X-Jeton-Salle header.
(() => {
  const config = JSON.parse(document.getElementById("config").textContent);
  const L = config.labels;
  const TRACK = ["identifie", "compte_cree", "espaces_choisis", "active"];
  const ATTACH = ["identifie", "rattachement_demande", "rattachement_accepte"];
  // Today's portal: account, activation, second factor, structure, workspaces; the first
  // login's e-mail code and the app's enrolment sit between the activation and the second
  // factor, a request to join where the structure's creation would be.
  const TODAY = [
    "portail_compte_cree", "portail_active", "portail_double_facteur", "portail_structure",
    "portail_espaces",
  ];
  const TODAY_BETWEEN = { portail_code_courriel: 1, portail_enrolement: 1, portail_rattachement: 3 };
  const COLUMNS = [
    "colTrainee", "colPath", "colStructure", "colStep", "colMails", "colAttempts", "colLast",
    "colActions",
  ];
  let lastDrawn = "";
  let interval = 1000;

  // A label that counts has one form per plural category of the page's language
  // ({"one": "{n} stagiaire", "other": "{n} stagiaires"}; French counts 0 and 1 as "one").
  const plurals = new Intl.PluralRules(L.lang);
  const fill = (label, values) => {
    const text = typeof label === "string" ? label : label[plurals.select(values.n)] ?? label.other;
    return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  };
  const clock = (iso) =>
    iso
      ? new Date(iso).toLocaleTimeString(L.lang, {
          hour: "2-digit", minute: "2-digit", second: "2-digit",
        })
      : "";

  // Bidirectional controls (U+202E…) shown as what they are, never obeyed: the sandbox refuses
  // them now, but a database may hold older ones. Each text is also isolated (salle.css).
  const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  const plain = (text) => String(text).replace(BIDI, "\ufffd");
  // The page is made for a projector: an address shows as "je…@exemple.fr" (the name says
  // who it is); the full one stays in the row's data, for the actions.
  const masked = (address) => {
    const at = address.indexOf("@");
    return at < 0 ? `${address.slice(0, 2)}…` : `${address.slice(0, Math.min(2, at))}…${address.slice(at)}`;
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = plain(value);
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child) node.append(typeof child === "string" ? plain(child) : child);
    return node;
  }

  async function call(method, path, body) {
    const response = await fetch(path, {
      method,
      cache: "no-store",
      credentials: "same-origin",
      headers: { "X-Jeton-Salle": config.token, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = {};
    }
    if (!response.ok) throw new Error(data.libelle || `HTTP ${response.status}`);
    return data;
  }

  // Dialogs ------------------------------------------------------------------------------
  const confirmBox = document.getElementById("confirm");
  let confirmed = null;
  function ask(text) {
    document.getElementById("confirm-text").textContent = text;
    confirmBox.showModal();
    document.getElementById("confirm-cancel").focus();
    return new Promise((resolve) => { confirmed = resolve; });
  }
  function answer(value) {
    if (confirmBox.open) confirmBox.close();
    if (confirmed) confirmed(value);
    confirmed = null;
  }
  document.getElementById("confirm-ok").addEventListener("click", () => answer(true));
  document.getElementById("confirm-cancel").addEventListener("click", () => answer(false));
  confirmBox.addEventListener("cancel", () => answer(false));

  const mailBox = document.getElementById("mail");
  document.getElementById("mail-close").addEventListener("click", () => mailBox.close());

  function failed(error) {
    const log = document.getElementById("log");
    const line = el("li", { className: "error", text: fill(L.failed, { texte: error.message }) });
    log.prepend(line);
  }

  async function act(kind, row) {
    const who = row.email ? masked(row.email) : fill(L.machine, { poste: row.poste || "" });
    if (!(await ask(plain(fill(L[`confirm_${kind}`], { email: masked(row.email || ""), who }))))) return;
    try {
      if (kind === "resend") await call("POST", "/salle/v1/renvoyer", { email: row.email });
      if (kind === "unlock") await call("POST", "/salle/v1/debloquer", { email: row.email });
      if (kind === "resetTotp") {
        await call("POST", "/salle/v1/reinitialiser-double-facteur", { email: row.email });
      }
      if (kind === "reset") await call("POST", "/salle/v1/reinitialiser-stagiaire", { cle: row.cle });
      if (kind === "resetRoom") await call("POST", "/salle/v1/reinitialiser-salle", {});
      if (kind === "accept" || kind === "refuse") {
        const decision = kind === "accept" ? "accepter" : "refuser";
        await call("POST", `/salle/v1/rattachements/${row.idDemande}/${decision}`, {});
      }
      if (kind === "showMail") {
        const mail = await call("POST", "/salle/v1/courriel", { email: row.email });
        document.getElementById("mail-title").textContent = `${L.mailTitle} — ${masked(row.email)}`;
        document.getElementById("mail-sent").textContent = fill(L.mailSent, { heure: clock(mail.heure) });
        document.getElementById("mail-text").textContent = mail.texte;
        mailBox.showModal();
      }
    } catch (error) {
      failed(error);
    }
    refresh();
  }

  // Drawing ------------------------------------------------------------------------------
  function stepCell(row) {
    const today = row.parcours === "portail-actuel";
    const track = today ? TODAY : row.etape.startsWith("rattachement") ? ATTACH : TRACK;
    const reached = today
      ? (row.etape in TODAY_BETWEEN ? TODAY_BETWEEN[row.etape] : Math.max(TODAY.indexOf(row.etape), 0))
      : Math.max(track.indexOf(row.etape), row.etape === "rattachement_refuse" ? 2 : 0);
    const steps = el("ol", { className: "steps", "aria-hidden": "true" });
    track.forEach((step, index) => {
      steps.append(el("li", { className: index <= reached ? "reached" : "", title: L[`step_${step}`] }));
    });
    const cell = el("td", { "data-label": L.colStep, className: `step-${row.etape}` },
      el("span", { className: "step-name", text: L[`step_${row.etape}`] }), steps);
    if (row.refus) cell.append(el("p", { className: "refusal", text: fill(L.refused, { texte: row.refus }) }));
    return cell;
  }

  function mailsCell(row) {
    const cell = el("td", { "data-label": L.colMails });
    if (!row.courriels.length) {
      cell.append(el("span", { className: "muted", text: L.noMail }));
      return cell;
    }
    const list = el("ul", { className: "mails" });
    for (const mail of row.courriels) {
      list.append(el("li", { title: mail.objet },
        el("time", { datetime: mail.heure, text: clock(mail.heure) }),
        L[`mail_${mail.genre}`] || mail.objet));
    }
    cell.append(list);
    return cell;
  }

  function attemptsCell(row) {
    const cell = el("td", { "data-label": L.colAttempts });
    if (row.verrouilleJusqua) {
      cell.append(el("span", { className: "lock", text: fill(L.locked, { heure: clock(row.verrouilleJusqua) }) }));
    } else if (row.echecs) {
      cell.append(el("span", { text: fill(L.failures, { n: row.echecs }) }));
    } else if (row.idCompte || row.parcours === "portail-actuel") {
      cell.append(el("span", { className: "muted", text: L.noFailure }));
    }
    return cell;
  }

  function actionsCell(row) {
    const cell = el("td", { "data-label": L.colActions });
    const box = el("div", { className: "actions" });
    const button = (kind, className) => {
      const node = el("button", { type: "button", className: className || "", "data-action": kind, text: L[kind] });
      node.addEventListener("click", () => act(kind, row));
      box.append(node);
    };
    if (row.parcours === "portail-actuel") {
      // The activation mail, while the account waits for it; the second factor (and the
      // lock it may have caused) once the account is active.
      if (row.etape === "portail_compte_cree" && row.courriels.length) button("showMail");
      if (row.etape !== "portail_compte_cree") button("resetTotp");
      button("reset", "danger");
      cell.append(box);
      return cell;
    }
    const pending = row.idCompte && row.etape !== "active";
    if (pending) button("resend");
    if (row.courriels.length && row.idCompte) button("showMail");
    if (row.verrouilleJusqua || row.echecs) button("unlock");
    if (row.etape === "rattachement_demande") {
      button("accept", "primary");
      button("refuse");
    }
    button("reset", "danger");
    cell.append(box);
    return cell;
  }

  function rowOf(row) {
    const who = el("td", { "data-label": L.colTrainee });
    if (row.email) {
      // The name reads best from the back of the room; the login e-mail, masked, below it.
      if (row.nom) who.append(el("div", { className: "who", text: row.nom }));
      who.append(el("div", { className: "login", title: row.email, text: masked(row.email) }));
    } else {
      who.append(el("div", { className: "who", text: fill(L.machine, { poste: row.poste || "" }) }));
    }
    const path = el("td", { "data-label": L.colPath, className: `path path-${row.parcours}` },
      L[`path_${row.parcours}`] || row.parcours);
    const structure = el("td", { "data-label": L.colStructure },
      el("div", { className: "structure", text: row.raisonSociale || "—" }),
      row.identifiant
        ? el("div", { className: "ident", text: `${row.typeIdentifiant} ${row.identifiant}` })
        : null);
    const finished = row.etape === "active" || row.etape === "portail_espaces";
    const classes = [row.verrouilleJusqua ? "locked" : "", finished ? "done" : ""];
    return el("tr", {
        className: classes.join(" ").trim(),
        "data-cle": row.cle,
        "data-email": row.email,
        "data-etape": row.etape,
        "data-parcours": row.parcours,
      },
      who, path, structure, stepCell(row), mailsCell(row), attemptsCell(row),
      el("td", { "data-label": L.colLast, text: clock(row.derniereActivite) }),
      actionsCell(row));
  }

  function draw(state) {
    document.getElementById("updated").textContent = fill(L.updated, { heure: clock(state.horodatage) });
    const signature = JSON.stringify([state.stagiaires, state.journal]);
    if (signature === lastDrawn) return;
    lastDrawn = signature;
    const body = document.getElementById("room-body");
    body.replaceChildren(...state.stagiaires.map(rowOf));
    const empty = document.getElementById("empty");
    empty.hidden = state.stagiaires.length > 0;
    document.getElementById("room").hidden = state.stagiaires.length === 0;
    document.getElementById("count").textContent = fill(L.count, { n: state.stagiaires.length });
    const pending = document.getElementById("pending");
    pending.hidden = !state.demandesEnAttente;
    pending.textContent = fill(L.pending, { n: state.demandesEnAttente });
    const log = document.getElementById("log");
    log.replaceChildren(...state.journal.map((entry) =>
      el("li", {}, el("time", { datetime: entry.heure, text: clock(entry.heure) }), entry.texte)));
    if (!state.journal.length) log.append(el("li", { className: "muted", text: L.noLog }));
  }

  let timer = null;
  let generation = 0;
  async function refresh() {
    clearTimeout(timer);
    const mine = ++generation;
    const offline = document.getElementById("offline");
    try {
      const state = await call("GET", config.state);
      offline.hidden = true;
      interval = state.intervalleMs || interval;
      draw(state);
    } catch (error) {
      offline.textContent = L.offline;
      offline.hidden = false;
    }
    if (mine === generation) timer = setTimeout(refresh, interval);
  }

  document.getElementById("room-head").replaceChildren(...COLUMNS.map((key) => el("th", { scope: "col", text: L[key] })));
  document.getElementById("empty").textContent = L.noTrainee;
  document.getElementById("reset-room").addEventListener("click", () => act("resetRoom", { cle: "" }));
  document.getElementById("print-cards").addEventListener("click", () => window.print());
  refresh();
})();
